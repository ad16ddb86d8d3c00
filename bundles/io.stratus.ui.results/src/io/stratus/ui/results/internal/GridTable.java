package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.PageSource;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;

/** The grid's table (first step: the API's shape; the virtual table follows). */
public final class GridTable {

    private final Table table;

    public GridTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
    }

    public Control control() {
        return table;
    }

    public void show(ResultPage first, PageSource more) {
        table.setItemCount(first.rows().size());
    }

    public void clear() {
        table.setItemCount(0);
    }
}
