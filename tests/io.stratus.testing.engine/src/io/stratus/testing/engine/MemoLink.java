package io.stratus.testing.engine;

import io.stratus.core.database.CatalogEntry;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.FixedResult;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.database.ResultColumn;

import java.util.List;

/** A Memo database in memory: it answers every statement with the database's name and the statement. */
final class MemoLink implements DatabaseLink {

    private final String database;

    MemoLink(String database) {
        this.database = database;
    }

    @Override
    public void test() {
        // in memory: always there
    }

    @Override
    public List<CatalogEntry> browse(List<String> path) {
        return path.isEmpty() ? List.of(new CatalogEntry(database, "schema", "")) : List.of();
    }

    @Override
    public StatementResult execute(String statement) {
        return FixedResult.rows(List.of(new ResultColumn("database", "text"), new ResultColumn("statement", "text")),
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
