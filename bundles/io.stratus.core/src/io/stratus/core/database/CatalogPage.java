package io.stratus.core.database;

import java.util.List;

/**
 * A page of one level of an open database's catalog; {@code more} says whether items follow
 * (ask again from {@code offset + items.size()}).
 */
public record CatalogPage(List<CatalogEntry> items, boolean more) {

    public CatalogPage {
        items = List.copyOf(items);
    }
}
