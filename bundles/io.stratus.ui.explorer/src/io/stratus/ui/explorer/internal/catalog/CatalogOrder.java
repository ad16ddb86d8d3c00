package io.stratus.ui.explorer.internal.catalog;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;

/**
 * Keeps a catalog level in the database's own order (columns by position, a DynamoDB table's keys
 * before its indexes, "More…" last) rather than the navigator's sorting by name.
 */
public final class CatalogOrder extends ViewerComparator {

    @Override
    public int compare(Viewer viewer, Object a, Object b) {
        return 0; // the sort is stable: what the content gave stays in its order
    }
}
