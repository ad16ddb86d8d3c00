package io.stratus.testing.engine;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/**
 * Memo, a made-up engine: its databases are RDS API clusters and instances of the engine
 * {@code memo}, opened in memory. Every server has the database {@code notes}.
 */
@Component
public final class MemoEngine implements EngineContribution {

    static final String ID = "memo";

    @Override
    public List<DatabaseEngine> engines() {
        return List.of(new DatabaseEngine(ID, "Memo", "memo", Optional.of("memo"),
                new ConnectionDefaults(7070, Optional.of("notes"), false,
                        Set.of(LoginMethod.PASSWORD))));
    }
}
