package io.stratus.ui.results;

import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.internal.GridTable;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A statement's rows in a virtual table: only the rows near the view are held, further pages are
 * read in a Job as the person scrolls, and rows read before are kept in a temporary file of the
 * grid's own (readable by its owner only, deleted when the grid is cleared or disposed), so that
 * scrolling back costs no heap. Row numbers, NULL greyed, numbers right-aligned, columns as wide
 * as the first page needs. Copy ({@link ResultGridCommands}), export and the value viewer work on
 * its table. Every method runs on the UI thread.
 */
public final class ResultGrid {

    private final GridTable table;

    public ResultGrid(Composite parent) {
        table = new GridTable(parent);
    }

    public Control control() {
        return table.control();
    }

    /**
     * Shows a statement's first page, and reads the pages after it from {@code more} as the person
     * scrolls; replaces what the grid showed. A page without columns (a statement that changed
     * rows) shows as an empty grid.
     */
    public void show(ResultPage first, PageSource more) {
        table.show(first, more);
    }

    /** The values of the selected rows, in the result's order; empty when no row is selected. */
    public List<List<Object>> selectedRows() {
        return table.selectedRows();
    }

    /** Runs {@code listener} (on the UI thread) whenever the person selects other rows. */
    public void onSelectionChange(Runnable listener) {
        table.control().addListener(SWT.Selection, event -> listener.run());
    }

    /** Shows nothing, and lets go of the rows read so far (their file is deleted). */
    public void clear() {
        table.clear();
    }
}
