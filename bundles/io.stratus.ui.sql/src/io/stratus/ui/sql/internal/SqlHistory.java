package io.stratus.ui.sql.internal;

import io.stratus.core.database.OpenDatabase;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The statements a person ran, per connection (database, database name and login), newest first,
 * across the editors they open on it. Kept in memory for the sign-in session only, never written:
 * a statement may hold a secret ({@code ALTER USER ... PASSWORD}), and the next person to sign in
 * here must not see it.
 */
@Component(service = SqlHistory.class)
public final class SqlHistory implements SessionChangeListener {

    /** Statements kept per connection. */
    static final int MOST = 200;

    private record Key(String resourceId, Optional<String> database, String user) {
    }

    private final CurrentSession session;
    private final Map<Key, Deque<String>> statements = new ConcurrentHashMap<>();

    @Activate
    public SqlHistory(@Reference CurrentSession session) {
        this.session = session;
        session.addListener(this);
    }

    @Deactivate
    void deactivate() {
        session.removeListener(this);
        statements.clear();
    }

    /** Records a statement run on the connection; running one again moves it to the top. */
    public void add(OpenDatabase database, String statement) {
        Deque<String> mine = statements.computeIfAbsent(keyOf(database), key -> new ArrayDeque<>());
        synchronized (mine) {
            mine.remove(statement);
            mine.addFirst(statement);
            while (mine.size() > MOST) {
                mine.removeLast();
            }
        }
    }

    /** The statements run on the connection, newest first. */
    public List<String> of(OpenDatabase database) {
        Deque<String> mine = statements.get(keyOf(database));
        if (mine == null) {
            return List.of();
        }
        synchronized (mine) {
            return List.copyOf(mine);
        }
    }

    /** A new person, or nobody: the history was the last person's. */
    @Override
    public void changed(SessionChange change) {
        if (!change.keepsSession()) {
            statements.clear();
        }
    }

    private static Key keyOf(OpenDatabase database) {
        return new Key(database.resourceId(), database.database(), database.username());
    }
}
