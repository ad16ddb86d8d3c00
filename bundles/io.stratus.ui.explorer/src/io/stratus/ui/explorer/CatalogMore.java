package io.stratus.ui.explorer;

/**
 * The last line below {@code parent} when its catalog level has more entries than were read: opening
 * it (double-click or Enter) reads the next page, from {@code offset} on.
 */
public record CatalogMore(CatalogNode parent, int offset) implements CatalogNode {
}
