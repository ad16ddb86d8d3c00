package io.stratus.ui.explorer.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;

/**
 * The explorer's icons (files in {@code icons/} of this bundle), made once per label provider and
 * disposed with it: a region's thousands of databases share a handful.
 */
public final class ExplorerIcons {

    private static final String BUNDLE = "io.stratus.ui.explorer";
    private static final String OTHER_ENGINE = "other";

    private final LocalResourceManager images = new LocalResourceManager(JFaceResources.getResources());
    /** By file name. */
    private final Map<String, Image> icons = new HashMap<>();
    /** The icon file of each engine id, looked up once. */
    private final Map<String, String> engineIcons = new HashMap<>();
    private final Engines engines;

    public ExplorerIcons(Engines engines) {
        this.engines = engines;
    }

    /** The icon {@code icons/<name>.png}. */
    public Image icon(String name) {
        return icons.computeIfAbsent(name, file -> images.create(ResourceLocator
                .imageDescriptorFromBundle(BUNDLE, "icons/" + file + ".png")
                .orElseGet(ImageDescriptor::getMissingImageDescriptor)));
    }

    /** The engine's own icon, else its family's (one for PostgreSQL and Aurora PostgreSQL), else a generic one. */
    public Image engine(String engineId) {
        return icon(engineIcons.computeIfAbsent(engineId, this::engineIcon));
    }

    private String engineIcon(String engineId) {
        String key = engines.find(engineId).map(engine -> engine.icon().orElse(engine.family())).orElse(OTHER_ENGINE);
        return getClass().getClassLoader().getResource("icons/db-" + key + ".png") != null ? "db-" + key : "db-" + OTHER_ENGINE;
    }

    public void dispose() {
        images.dispose();
    }
}
