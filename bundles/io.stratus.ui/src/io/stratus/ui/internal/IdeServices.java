package io.stratus.ui.internal;

import io.stratus.bootstrap.Bootstrap;
import io.stratus.bootstrap.FrontDoor;
import io.stratus.bootstrap.Settings;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stratus's plugins in an Eclipse IDE: configures the services as soon as this bundle starts,
 * with their data in its OSGi data area. Stratus's own products leave that to their application,
 * which knows its command line and where its data lives.
 */
@Component(immediate = true)
public final class IdeServices {

    /** The products' ids (io.stratus.ui.app.product, io.stratus.server.product) start with this. */
    private static final String STRATUS_PRODUCT = "io.stratus.";

    @Activate
    public IdeServices(@Reference Bootstrap bootstrap, BundleContext context) {
        String product = context.getProperty("eclipse.product");
        if (product != null && product.startsWith(STRATUS_PRODUCT)) {
            return;
        }
        try {
            // The data area rather than the workspace's state location: this runs before the IDE has
            // asked which workspace to use, and asking for the state location now would decide it.
            Settings settings = Settings.read(FrontDoor.IDE, new String[0], System.getenv(),
                    Path.of(context.getDataFile("").getAbsolutePath()));
            settings.prepareDataDirectory();
            bootstrap.start(settings);
        } catch (StratusException | IOException e) {
            Platform.getLog(context.getBundle()).log(new Status(IStatus.ERROR, context.getBundle().getSymbolicName(),
                    "Stratus cannot start its services: " + e.getMessage(), e));
        }
    }
}
