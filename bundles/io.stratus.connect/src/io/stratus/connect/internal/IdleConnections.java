package io.stratus.connect.internal;

import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.database.Login;
import io.stratus.core.identity.Secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pool: connections a person closed, kept a few minutes for that same sign-in session to
 * open the same database again as the same database user, which then skips TLS and the login.
 * A connection comes back only for the same password (compared by a keyed hash, kept in memory
 * only) or the same other login (IAM user, secret, issued credentials' user and groups), and only if it
 * still answers.
 */
final class IdleConnections {

    /** What a reused connection must match. */
    record Key(String resourceId, Optional<String> database, String username, AccessMode mode, String login) {
    }

    private record Parked(Key key, DatabaseLink database, Instant since) {
    }

    private final Duration keep;
    private final int perSession;
    private final Clock clock;
    private final byte[] fingerprintKey = new byte[32];
    private final Map<String, Deque<Parked>> idle = new ConcurrentHashMap<>();

    IdleConnections(Duration keep, int perSession, Clock clock) {
        this.keep = keep;
        this.perSession = perSession;
        this.clock = clock;
        new SecureRandom().nextBytes(fingerprintKey);
    }

    /** The login part of a key: the password's keyed hash, else how the person logs in (user, groups, secret ARN). */
    String login(Login login) {
        if (!(login instanceof Login.Password(String user, Optional<Secret> password)) || password.isEmpty()) {
            return login.withoutSecrets().toString();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(password.get().reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    void park(String sessionId, Key key, DatabaseLink database) {
        List<DatabaseLink> closing = new ArrayList<>();
        Deque<Parked> mine = idle.computeIfAbsent(sessionId, id -> new ArrayDeque<>());
        synchronized (mine) {
            expire(mine, closing);
            mine.addLast(new Parked(key, database, clock.instant()));
            while (mine.size() > perSession) {
                closing.add(mine.removeFirst().database());
            }
        }
        closing.forEach(DatabaseLink::close);
    }

    /** A parked connection for this key that still answers, taken out of the pool. */
    Optional<DatabaseLink> take(String sessionId, Key key) {
        Deque<Parked> mine = idle.get(sessionId);
        if (mine == null) {
            return Optional.empty();
        }
        List<DatabaseLink> closing = new ArrayList<>();
        Optional<DatabaseLink> found = Optional.empty();
        synchronized (mine) {
            expire(mine, closing);
            for (Iterator<Parked> parked = mine.descendingIterator(); parked.hasNext(); ) {
                Parked candidate = parked.next();
                if (candidate.key().equals(key)) {
                    parked.remove();
                    found = Optional.of(candidate.database());
                    break;
                }
            }
        }
        closing.forEach(DatabaseLink::close);
        if (found.isPresent()) {
            try {
                found.get().test();
            } catch (RuntimeException gone) {
                found.get().close();
                return Optional.empty();
            }
        }
        return found;
    }

    void closeAll(String sessionId) {
        Deque<Parked> mine = idle.remove(sessionId);
        if (mine != null) {
            synchronized (mine) {
                mine.forEach(parked -> parked.database().close());
                mine.clear();
            }
        }
    }

    void closeAll() {
        idle.keySet().forEach(this::closeAll);
    }

    /** Closes every connection kept longer than allowed, whoever it was kept for. */
    void expireAll() {
        List<DatabaseLink> closing = new ArrayList<>();
        for (Deque<Parked> mine : idle.values()) {
            synchronized (mine) {
                expire(mine, closing);
            }
        }
        idle.values().removeIf(Deque::isEmpty);
        closing.forEach(DatabaseLink::close);
    }

    private void expire(Deque<Parked> mine, List<DatabaseLink> closing) {
        Instant oldest = clock.instant().minus(keep);
        while (!mine.isEmpty() && mine.peekFirst().since().isBefore(oldest)) {
            closing.add(mine.removeFirst().database());
        }
    }
}
