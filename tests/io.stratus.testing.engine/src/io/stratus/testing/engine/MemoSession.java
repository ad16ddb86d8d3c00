package io.stratus.testing.engine;

import io.stratus.core.connect.DatabaseSession;
import io.stratus.core.connect.FixedResult;
import io.stratus.core.connect.StatementResult;
import io.stratus.core.connect.StatementResult.Column;

import java.util.List;

/** A Memo database in memory: it answers every statement with the database's name and the statement. */
final class MemoSession implements DatabaseSession {

    private final String database;

    MemoSession(String database) {
        this.database = database;
    }

    @Override
    public void test() {
        // in memory: always there
    }

    @Override
    public List<CatalogItem> browse(List<String> path) {
        return path.isEmpty() ? List.of(new CatalogItem(database, "schema", "")) : List.of();
    }

    @Override
    public StatementResult execute(String statement) {
        return FixedResult.rows(List.of(new Column("database", "text"), new Column("statement", "text")),
                List.of(List.of(database, statement)));
    }

    @Override
    public void cancel() {
        // every statement is done when execute returns
    }

    @Override
    public void close() {
        // nothing held
    }
}
