package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.explorer.CloudExplorer;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.ui.PlatformUI;

/** The engines the installed bundles contribute, by the id the explorer gives a database's engine. */
public record Engines(Map<String, DatabaseEngine> byId) {

    public static final Engines NONE = new Engines(Map.of());

    /**
     * Those of the running services, found through the workbench's context (for what plugin.xml
     * creates); none while the services do not run yet.
     */
    public static Engines running() {
        CloudExplorer explorer = PlatformUI.getWorkbench().getService(CloudExplorer.class);
        return explorer == null ? NONE : of(explorer);
    }

    public static Engines of(CloudExplorer explorer) {
        return new Engines(explorer.engines().stream()
                .collect(Collectors.toUnmodifiableMap(DatabaseEngine::id, Function.identity(), (a, b) -> a)));
    }

    public Optional<DatabaseEngine> find(String engineId) {
        return Optional.ofNullable(byId.get(engineId));
    }

    /** The engine's display name; its id for an engine no installed bundle knows. */
    public String name(String engineId) {
        return find(engineId).map(DatabaseEngine::name).orElse(engineId);
    }
}
