package io.stratus.ui.explorer;

/**
 * A line below {@code parent} (an {@link OpenDatabaseItem} or a {@link CatalogItem}) in place of
 * catalog entries, or after those read so far: entries being read, or why they could not be read.
 */
public record CatalogNotice(CatalogNode parent, Kind kind, String text) implements CatalogNode {

    public enum Kind {
        LOADING, FAILED
    }
}
