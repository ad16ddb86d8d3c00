package io.stratus.ui.dynamodb.internal;

import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the open table and of its indexes, read from the connector's catalog (the table, then
 * its key attributes and indexes, then each index's key attributes): what the query form asks for
 * and what an item must hold.
 */
public record TableKeys(String table, List<Source> sources) {

    /** A key attribute: its name and DynamoDB type ({@code S}, {@code N} or {@code B}). */
    public record Attribute(String name, String type) {

        /** The type as people say it. */
        public String typeName() {
            return switch (type) {
                case "N" -> "number";
                case "B" -> "binary, base64";
                default -> "string";
            };
        }
    }

    /**
     * What a read can go to: the table ({@code index} empty) or one of its indexes, with its key.
     *
     * @param kind "table", "global index" or "local index"
     */
    public record Source(Optional<String> index, String kind, Attribute partition, Optional<Attribute> sort) {

        public String label(String table) {
            return index.orElse(table) + " (" + kind + ")";
        }
    }

    /** Entries of the catalog below a table or an index, with more than any table has. */
    private static final int ENTRIES = 200;

    /** Reads the keys through the database service; call it in a Job (each level is a round trip). */
    public static TableKeys read(DatabaseService databases, UserSession session, String connectionId) {
        String table = databases.browse(session, connectionId, List.of(), 0, 1).items().getFirst().name();
        List<CatalogEntry> below = databases.browse(session, connectionId, List.of(table), 0, ENTRIES).items();
        List<Source> sources = new ArrayList<>();
        sources.add(source(Optional.empty(), "table", below));
        for (CatalogEntry index : below) {
            if (index.kind().equals("index")) {
                sources.add(source(Optional.of(index.name()), index.detail().startsWith("local") ? "local index"
                        : "global index", databases.browse(session, connectionId, List.of(table, index.name()), 0,
                                ENTRIES).items()));
            }
        }
        return new TableKeys(table, List.copyOf(sources));
    }

    /** The table's own key. */
    public Source ownKey() {
        return sources.getFirst();
    }

    /** Key entries read {@code "partition key, S"} or {@code "sort key, N"} (see the DynamoDB connector's catalog). */
    private static Source source(Optional<String> index, String kind, List<CatalogEntry> entries) {
        Attribute partition = null;
        Attribute sort = null;
        for (CatalogEntry entry : entries) {
            if (entry.kind().equals("key")) {
                Attribute attribute = new Attribute(entry.name(), entry.detail().substring(entry.detail().lastIndexOf(' ') + 1));
                if (entry.detail().startsWith("partition key")) {
                    partition = attribute;
                } else {
                    sort = attribute;
                }
            }
        }
        if (partition == null) {
            throw new IllegalStateException("The catalog names no partition key for " + index.orElse("the table"));
        }
        return new Source(index, kind, partition, Optional.ofNullable(sort));
    }
}
