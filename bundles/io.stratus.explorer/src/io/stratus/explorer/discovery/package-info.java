/**
 * What an engine's bundle implements to have its databases discovered: a {@link
 * io.stratus.explorer.discovery.Discovery} registered as a DS service.
 */
package io.stratus.explorer.discovery;
