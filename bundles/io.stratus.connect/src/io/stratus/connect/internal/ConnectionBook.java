package io.stratus.connect.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.session.UserSession;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.SavedConnectionReader;

import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Each person's saved connections, in the configuration store under their principal id. */
@Component
public final class ConnectionBook implements SavedConnections {

    /** Enough for anyone's work; a bound, so one person cannot fill the store. */
    static final int MAX_PER_PERSON = 200;

    private final ConfigStore store;

    @Activate
    public ConnectionBook(@Reference ConfigStore store) {
        this.store = store;
    }

    @Override
    public List<SavedConnection> list(UserSession session) {
        session.require(Action.SAVE_CONNECTIONS);
        return store.read(tx -> tx.savedConnections().of(session.principalId()));
    }

    @Override
    public SavedConnection create(UserSession session, SavedConnection connection) {
        session.require(Action.SAVE_CONNECTIONS);
        SavedConnection saved = connection.named(UUID.randomUUID().toString(), connection.name());
        store.write(tx -> {
            if (tx.savedConnections().of(session.principalId()).size() >= MAX_PER_PERSON) {
                throw new StratusException(Problem.CONFLICT, "You have saved " + MAX_PER_PERSON + " connections, the most "
                        + "one person may. Delete some you no longer use.");
            }
            tx.savedConnections().save(session.principalId(), saved);
            return null;
        });
        return saved;
    }

    @Override
    public SavedConnection update(UserSession session, SavedConnection connection) {
        session.require(Action.SAVE_CONNECTIONS);
        store.write(tx -> {
            if (!owns(tx.savedConnections(), session, connection.id())) {
                throw notFound(connection.id());
            }
            tx.savedConnections().save(session.principalId(), connection);
            return null;
        });
        return connection;
    }

    @Override
    public void delete(UserSession session, String id) {
        session.require(Action.SAVE_CONNECTIONS);
        if (!store.write(tx -> tx.savedConnections().delete(session.principalId(), id))) {
            throw notFound(id);
        }
    }

    private static boolean owns(SavedConnectionReader saved, UserSession session, String id) {
        return saved.of(session.principalId()).stream().anyMatch(c -> c.id().equals(id));
    }

    private static StratusException notFound(String id) {
        return new StratusException(Problem.NOT_FOUND, "You have no saved connection " + id + ".");
    }
}
