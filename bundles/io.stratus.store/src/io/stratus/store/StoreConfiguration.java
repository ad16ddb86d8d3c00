package io.stratus.store;

/**
 * How the configuration store is configured: its ConfigAdmin PID and properties. Exactly one of {@link
 * #DATA_DIRECTORY} and {@link #JDBC_URL}.
 */
public final class StoreConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.store";

    /** An absolute path; the embedded H2 store lives in its {@code store/} folder. */
    public static final String DATA_DIRECTORY = "dataDirectory";

    /** A PostgreSQL database, {@code jdbc:postgresql://...}. */
    public static final String JDBC_URL = "jdbcUrl";

    /** The PostgreSQL user. */
    public static final String USER = "user";

    /** The PostgreSQL user's password. */
    public static final String PASSWORD = "password";

    private StoreConfiguration() {
    }
}
