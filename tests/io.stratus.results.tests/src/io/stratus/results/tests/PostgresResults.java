package io.stratus.results.tests;

import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.database.ResultPage;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.Secret;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.StratusServices;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A real PostgreSQL with a table of awkward values, read through the PostgreSQL connector, so that
 * the writers see the values and types a front end gets.
 */
final class PostgresResults implements AutoCloseable {

    private final PostgresServer server;
    private final DatabaseLink session;

    private PostgresResults(PostgresServer server, DatabaseLink session) {
        this.server = server;
        this.session = session;
    }

    static PostgresResults start(List<String> fixture) throws Exception {
        StratusServices stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        PostgresServer server = PostgresServer.start();
        try {
            String database = server.createDatabase();
            try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
                for (String statement : fixture) {
                    sql.execute(statement);
                }
            }
            ConnectionSpec spec = new ConnectionSpec("results-test", "postgres", "eu-west-1", "127.0.0.1", server.port(),
                    Optional.of(database), true, false);
            DatabaseLink session = stratus.connector("postgres").open(spec,
                    DatabaseLogin.withPassword(server.user(), Secret.of(server.password())), AccessMode.READ_ONLY);
            return new PostgresResults(server, session);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** A statement's result, open for reading page by page; the caller closes it. */
    StatementResult execute(String query) {
        return session.execute(query);
    }

    /** All rows of the query as one page. */
    ResultPage page(String query) {
        try (StatementResult result = session.execute(query)) {
            return new ResultPage(1, result.columns(), result.nextPage(Integer.MAX_VALUE), OptionalLong.empty(), false);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            session.close();
        } finally {
            server.close();
        }
    }
}
