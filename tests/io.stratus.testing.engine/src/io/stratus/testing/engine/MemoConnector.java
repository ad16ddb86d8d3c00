package io.stratus.testing.engine;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.AccessMode;
import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseLogin;
import io.stratus.core.connect.DatabaseSession;

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
    public DatabaseSession open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (login.usesIam() || login.usesAwsIdentity()) {
            throw new StratusException(Problem.INVALID_INPUT, "Memo logs in with a user name and password.");
        }
        return new MemoSession(spec.database().orElseThrow());
    }
}
