package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.explorer.CloudExplorer;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The engines the installed bundles contribute, by the id the explorer gives a database's engine. */
record Engines(Map<String, DatabaseEngine> byId) {

    static final Engines NONE = new Engines(Map.of());

    static Engines of(CloudExplorer explorer) {
        return new Engines(explorer.engines().stream()
                .collect(Collectors.toUnmodifiableMap(DatabaseEngine::id, Function.identity(), (a, b) -> a)));
    }

    Optional<DatabaseEngine> find(String engineId) {
        return Optional.ofNullable(byId.get(engineId));
    }

    /** The engine's display name; its id for an engine no installed bundle knows. */
    String name(String engineId) {
        return find(engineId).map(DatabaseEngine::name).orElse(engineId);
    }
}
