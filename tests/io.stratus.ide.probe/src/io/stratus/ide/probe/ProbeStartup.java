package io.stratus.ide.probe;

import org.eclipse.ui.IStartup;

/**
 * Runs the {@link CloudExplorerScenario} in an IDE started for it, one whose command line asks for
 * a report ({@link ProbeOrder}); in any other IDE it does nothing. The scenario then closes the IDE.
 */
public final class ProbeStartup implements IStartup {

    @Override
    public void earlyStartup() {
        // Its own thread: the scenario waits for the UI, and other early starters must not wait for it.
        ProbeOrder.fromSystemProperties().ifPresent(order -> Thread.ofPlatform().name("Stratus IDE probe")
                .start(() -> new CloudExplorerScenario(order).runAndCloseTheIde()));
    }
}
