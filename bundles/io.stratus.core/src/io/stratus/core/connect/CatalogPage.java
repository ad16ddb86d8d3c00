package io.stratus.core.connect;

import java.util.List;

/**
 * A page of one level of an open database's catalog; {@code more} says whether items follow
 * (ask again from {@code offset + items.size()}).
 */
public record CatalogPage(List<DatabaseSession.CatalogItem> items, boolean more) {

    public CatalogPage {
        items = List.copyOf(items);
    }
}
