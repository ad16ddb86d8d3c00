package io.stratus.core.cloud;

import java.util.Objects;
import java.util.Optional;

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
     * required, whether IAM database authentication can replace the password (where the
     * database enables it), and whether the database has no users of its own but is opened with
     * the person's AWS identity, whose keys sign each request (DynamoDB).
     */
    public record ConnectionDefaults(int port, Optional<String> database, boolean tlsRequired,
            boolean iamAuthentication, boolean awsIdentity) {

        public ConnectionDefaults {
            Objects.requireNonNull(database, "database");
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
