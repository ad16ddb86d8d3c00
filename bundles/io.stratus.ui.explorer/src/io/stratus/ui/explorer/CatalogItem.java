package io.stratus.ui.explorer;

import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.OpenDatabase;

import java.util.List;

/**
 * An entry of an open database's catalog (a schema, table, view, column, collection, key or index);
 * {@code path} names it from the top of the catalog, itself included, as the database service's
 * {@code browse} takes it.
 */
public record CatalogItem(OpenDatabase database, List<String> path, CatalogEntry entry) implements CatalogNode {

    /** The kinds of entry that hold no further level. */
    private static final List<String> LEAVES = List.of("column", "key", "index");

    public CatalogItem {
        path = List.copyOf(path);
    }

    /** Whether it holds a further level of the catalog (a schema its tables, a table its columns). */
    public boolean hasEntries() {
        return holdsEntries(entry);
    }

    /** Whether an entry of this kind holds a further level (columns, keys and indexes do not). */
    public static boolean holdsEntries(CatalogEntry entry) {
        return !LEAVES.contains(entry.kind());
    }
}
