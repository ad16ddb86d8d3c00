package io.stratus.ui.app;

import io.stratus.bootstrap.Bootstrap;
import io.stratus.bootstrap.FrontDoor;
import io.stratus.bootstrap.Settings;
import io.stratus.bootstrap.Startup;
import io.stratus.core.StartupFailure;
import io.stratus.core.StratusException;
import io.stratus.core.store.ConfigStore;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/**
 * The standalone desktop product: configures the services, with their data in
 * {@code ~/.stratus/desktop} (or demo mode's throw-away folder), then opens one workbench window
 * on the Stratus perspective. A store that cannot be opened ends it with a message and exit status 2.
 */
public final class DesktopApplication implements IApplication {

    /** Exit status when a setting is wrong or the store cannot be used, as the server's. */
    static final Integer EXIT_CANNOT_START = 2;

    private static final long CLEAN_UP_SECONDS = 15;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private volatile StartupFailure failure;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Startup startup;
        try {
            Settings settings = Settings.read(FrontDoor.DESKTOP, args == null ? new String[0] : args, System.getenv(),
                    Path.of(System.getProperty("user.home"), ".stratus", "desktop"));
            settings.prepareDataDirectory();
            startup = Bootstrap.await(FrameworkUtil.getBundle(DesktopApplication.class).getBundleContext())
                    .start(settings);
        } catch (StratusException e) {
            System.err.println("Stratus desktop cannot start. " + e.getMessage());
            return EXIT_CANNOT_START;
        }
        // SIGTERM or Ctrl+C closes the window as the person would, so that demo mode's data is thrown away too.
        Thread onSigterm = new Thread(this::stopAndAwaitCleanUp, "stratus-shutdown");
        Runtime.getRuntime().addShutdownHook(onSigterm);
        try {
            startup.demoBanner("sign in in the Stratus window with these keys").ifPresent(System.out::println);
            return runWorkbench(startup);
        } finally {
            closed.countDown();
            startup.close();
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSigterm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this clean-up
            }
        }
    }

    private void stopAndAwaitCleanUp() {
        stop();
        try {
            cleanedUp.await(CLEAN_UP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object runWorkbench(Startup startup) {
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display,
                    new StratusWorkbenchAdvisor(() -> stopOnStartupFailure(startup, display)));
            if (failure != null) {
                return EXIT_CANNOT_START;
            }
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /** Watches, off the UI thread, for a service that cannot start (the store) until the window closes. */
    private void stopOnStartupFailure(Startup startup, Display display) {
        Thread.ofPlatform().daemon().name("stratus-startup").start(() -> {
            try {
                startup.await(ConfigStore.class, closed).ifPresent(found -> {
                    failure = found;
                    System.err.println("Stratus desktop cannot start. " + found.message());
                    display.asyncExec(() -> {
                        MessageDialog.openError(null, "Stratus cannot start", found.message());
                        PlatformUI.getWorkbench().close();
                    });
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        var workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
