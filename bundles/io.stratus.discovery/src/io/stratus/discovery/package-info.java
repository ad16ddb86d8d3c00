/**
 * What an engine's bundle implements to have its databases discovered: a {@link
 * io.stratus.discovery.Discovery} registered as a DS service.
 */
package io.stratus.discovery;
