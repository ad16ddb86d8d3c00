package io.stratus.core.cloud;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A database engine as front ends show it and as its databases are opened: {@code id} as the
 * explorer names the engine of a resource ({@code postgres}, {@code aurora-mysql}), its display
 * name, its family (the engines one connector serves, e.g. {@code postgresql}), the key of its
 * icon if it has one, and what a connection assumes where AWS does not say.
 */
public record DatabaseEngine(String id, String name, String family, Optional<String> icon, ConnectionDefaults defaults) {

    /**
     * What a connection to the engine assumes: the port its servers listen on unless told otherwise
     * (discovered databases have AWS's), the database every server of the engine has, whether TLS is
     * required, and the ways a person may log in (an IAM token only where the database enables IAM
     * database authentication), in the order front ends offer them.
     */
    public record ConnectionDefaults(int port, Optional<String> database, boolean tlsRequired, Set<LoginMethod> logins) {

        public ConnectionDefaults {
            Objects.requireNonNull(database, "database");
            if (logins.isEmpty()) {
                throw new IllegalArgumentException("An engine takes at least one login method");
            }
            logins = Collections.unmodifiableSet(EnumSet.copyOf(logins));
        }

        public boolean takes(LoginMethod method) {
            return logins.contains(method);
        }
    }

    public DatabaseEngine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(defaults, "defaults");
    }
}
