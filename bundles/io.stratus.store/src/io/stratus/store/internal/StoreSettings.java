package io.stratus.store.internal;

import static io.stratus.store.StoreConfiguration.DATA_DIRECTORY;
import static io.stratus.store.StoreConfiguration.JDBC_URL;
import static io.stratus.store.StoreConfiguration.PASSWORD;
import static io.stratus.store.StoreConfiguration.PID;
import static io.stratus.store.StoreConfiguration.USER;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the ConfigAdmin configuration {@value io.stratus.store.StoreConfiguration#PID} asks for. Exactly one of:
 * <ul>
 * <li>{@code dataDirectory}: an absolute path; the embedded H2 store lives in its {@code store/}
 * folder (the default of every Stratus launch);</li>
 * <li>{@code jdbcUrl} ({@code jdbc:postgresql://...}) with optional {@code user} and
 * {@code password}: a PostgreSQL database.</li>
 * </ul>
 */
sealed interface StoreSettings {

    /** pgjdbc's password and sslpassword parameters. */
    Pattern PASSWORD_IN_URL = Pattern.compile("[?&][a-z]*password=", Pattern.CASE_INSENSITIVE);

    /** The embedded H2 store under {@code <dataDirectory>/store/}. */
    record Embedded(Path dataDirectory) implements StoreSettings {
        Path storeDirectory() {
            return dataDirectory.resolve("store");
        }
    }

    /** A PostgreSQL database; the record's {@code toString} shows the password as redacted. */
    record Postgres(String jdbcUrl, Optional<String> user, Optional<Secret> password) implements StoreSettings {
    }

    static StoreSettings from(Map<String, ?> properties) {
        Optional<String> dataDirectory = text(properties, DATA_DIRECTORY);
        Optional<String> jdbcUrl = text(properties, JDBC_URL);
        if (dataDirectory.isPresent() == jdbcUrl.isPresent()) {
            throw invalid("must set exactly one of '" + DATA_DIRECTORY + "' (embedded H2 store) and '" + JDBC_URL
                    + "' (PostgreSQL)");
        }
        if (dataDirectory.isPresent()) {
            Path directory = Path.of(dataDirectory.get());
            if (!directory.isAbsolute()) {
                throw invalid("has '" + DATA_DIRECTORY + "' = '" + directory + "', which is not an absolute path");
            }
            if (directory.toString().contains(";")) { // H2 would read what follows as settings of its URL
                throw invalid("has '" + DATA_DIRECTORY + "' = '" + directory + "'; choose a path without ';'");
            }
            return new Embedded(directory.normalize());
        }
        String url = jdbcUrl.get();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw invalid("has a '" + JDBC_URL + "' that does not start with 'jdbc:postgresql:'."
                    + " Stratus keeps its configuration in PostgreSQL or, with '" + DATA_DIRECTORY + "', in embedded H2");
        }
        if (PASSWORD_IN_URL.matcher(url).find()) {
            // Refused without echoing the URL: it may hold the very secret we must not print.
            throw invalid("has a password in '" + JDBC_URL + "'. Remove it from the URL and set '" + PASSWORD + "'");
        }
        Optional<Secret> password = Optional.ofNullable(properties.get(PASSWORD)) // taken as is: spaces may be part of it
                .map(Object::toString).filter(p -> !p.isEmpty()).map(Secret::of);
        return new Postgres(url, text(properties, USER), password);
    }

    private static Optional<String> text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static StratusException invalid(String what) {
        return new StratusException(Problem.INVALID_INPUT, "The configuration '" + PID + "' " + what + ".");
    }
}
