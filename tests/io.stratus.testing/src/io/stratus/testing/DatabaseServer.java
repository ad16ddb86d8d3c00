package io.stratus.testing;

import java.sql.Connection;
import java.sql.SQLException;

/** A real database server the tests start and stop: what the connector tests need of any engine. */
public interface DatabaseServer extends AutoCloseable {

    /** The user that may do everything, who logs in with {@link #password()}. */
    String user();

    String password();

    int port();

    /** A new, empty database (a schema, for MySQL and MariaDB); returns its name. */
    String createDatabase() throws SQLException;

    /** A connection as {@link #user()}, with auto-commit on. */
    Connection connect(String database) throws SQLException;
}
