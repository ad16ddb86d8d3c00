package io.stratus.ui.app;

import io.stratus.ui.StratusPerspective;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

final class StratusWorkbenchAdvisor extends WorkbenchAdvisor {

    private final Runnable whenStarted;

    /** {@code whenStarted} runs once the workbench is up, so it may close it. */
    StratusWorkbenchAdvisor(Runnable whenStarted) {
        this.whenStarted = whenStarted;
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return StratusPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new StratusWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        whenStarted.run();
    }
}
