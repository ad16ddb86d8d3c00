package io.stratus.testing.engine;

import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Opens Memo databases in memory; they log in with a user name and any password. */
@Component
public final class MemoConnector implements DatabaseConnector {

    @Override
    public Set<String> engines() {
        return Set.of(MemoEngine.ID);
    }

    @Override
    public DatabaseLink open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        return new MemoLink(spec.database().orElseThrow());
    }
}
