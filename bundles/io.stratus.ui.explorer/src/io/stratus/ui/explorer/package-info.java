/**
 * The Cloud Explorer (a Common Navigator view) and its node types. Engine UI bundles contribute
 * {@code navigatorContent} to the viewer {@link io.stratus.ui.explorer.CloudExplorerView#ID} triggered on
 * {@link io.stratus.core.cloud.CloudResource} and the property tester
 * {@code io.stratus.ui.explorer.engine} (for example {@code value="postgres"}), without touching the view.
 */
package io.stratus.ui.explorer;
