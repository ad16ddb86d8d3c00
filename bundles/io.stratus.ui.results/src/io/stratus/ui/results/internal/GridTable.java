package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;
import io.stratus.results.DisplayText;
import io.stratus.results.PageSizes;
import io.stratus.ui.results.PageSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.ui.swt.IFocusService;

/**
 * The result grid's table. SWT keeps an item for every row it has ever shown, so the table holds
 * items for a window of at most {@value #WINDOW} rows of the result, which slides by half its size
 * when the view nears one of its ends; the rows themselves come from the feed's store, a few
 * blocks of which are in memory. After the last row read, while the statement has more, an end
 * row says "Loading more rows…" and, once shown, reads the next page in a Job.
 */
public final class GridTable {

    /** The focus control id of every grid's table, for which the grid's handlers are active (plugin.xml). */
    private static final String FOCUS_ID = "io.stratus.ui.results.grid";
    /** The context menu, which {@code popup:io.stratus.ui.results.grid} contributions fill (plugin.xml). */
    private static final String MENU_ID = "io.stratus.ui.results.grid";
    /** The Jobs that export results belong to this family. */
    public static final Object EXPORT_FAMILY = ExportJob.FAMILY;
    private static final String LOADING = "Loading more rows…";
    /** Rows of the result the table has items for at most. */
    static final int WINDOW = 10_000;
    private static final int SLIDE = WINDOW / 2;
    /** How near an end of the window the view gets before the window slides. */
    private static final int MARGIN = 200;
    private static final int FETCH_ROWS = PageSizes.DEFAULT_ROWS;
    /** Characters of a value a cell shows; the value viewer shows the rest. */
    private static final int CELL_CHARACTERS = 1_000;
    private static final int SAMPLED_ROWS = 1_000;
    /** Texts of a column measured for its width: the longest of the sampled rows' (see {@link #longest}). */
    private static final int MEASURED_TEXTS = 10;
    private static final int WIDEST_COLUMN = 400;
    private static final int PADDING = 24;
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(?i).*(int|serial|numeric|decimal|float|double|real|number|money).*");

    private final Table table;
    private final Color nullColor;
    private final MenuManager menu = new MenuManager(null, MENU_ID);
    private Feed feed;
    /** The row of the result at index 0 of the table. */
    private long base;
    /** Rows of the result the table shows, the end row not counted. */
    private int shownRows;
    private boolean slidePending;
    /** The table column last clicked in (0 is the row number), for the value viewer. */
    private int clickedColumn = 1;

    public GridTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(GridTable.class.getName(), this);
        nullColor = table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        table.addListener(SWT.SetData, this::fill);
        table.addListener(SWT.MouseDown, this::pickColumn);
        table.addListener(SWT.DefaultSelection, event -> viewValue());
        if (table.getVerticalBar() != null) {
            table.getVerticalBar().addListener(SWT.Selection, event -> slideSoon());
        }
        table.addListener(SWT.Dispose, event -> dispose());
        focusService().ifPresent(focus -> focus.addFocusTracker(table, FOCUS_ID));
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuService().ifPresent(menus -> menus.populateContributionManager(menu, "popup:" + MENU_ID));
        table.setMenu(menu.createContextMenu(table));
    }

    /** The grid whose table {@code control} is, if it is one. */
    public static Optional<GridTable> of(Object control) {
        return control instanceof Table candidate && candidate.getData(GridTable.class.getName()) instanceof GridTable grid
                ? Optional.of(grid) : Optional.empty();
    }

    public Control control() {
        return table;
    }

    public void show(ResultPage first, PageSource more) {
        clear();
        if (first.columns().isEmpty()) {
            return;
        }
        feed = new Feed(first, more);
        addColumns(first);
        refresh();
    }

    public void clear() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        base = 0;
        shownRows = 0;
        table.setItemCount(0);
        for (TableColumn old : table.getColumns()) {
            old.dispose();
        }
    }

    /** The rows read so far. */
    public long rowsRead() {
        return feed == null ? 0 : feed.store.rows();
    }

    /** The row of the result shown at the top of the table. */
    public long topRow() {
        return base + table.getTopIndex();
    }

    /** The file of the rows read so far, while the grid shows a result. */
    public Optional<Path> rowsFile() {
        return feed == null ? Optional.empty() : Optional.of(feed.store.file());
    }

    /** The row of the result a table index shows, or -1 for the end row. */
    public long rowAt(int index) {
        return index < shownRows ? base + index : -1;
    }

    /** Copies the selected rows to the clipboard; false when no row is selected. */
    public boolean copy(CopyFormat format) {
        List<List<Object>> rows = selectedRows();
        if (rows.isEmpty()) {
            return false;
        }
        Clipboard clipboard = new Clipboard(table.getDisplay());
        try {
            clipboard.setContents(new Object[] {format.text(feed.columns, rows)},
                    new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        return true;
    }

    /** Writes every row of the result to {@code file} in a Job (see {@link ExportJob}); empty without a result. */
    public Optional<Job> export(ExportFormat format, Path file) {
        if (feed == null) {
            return Optional.empty();
        }
        Feed exported = feed;
        Display display = table.getDisplay();
        Job job = new ExportJob(exported, format, file, () -> later(display, () -> {
            if (feed == exported) {
                refresh();
            }
        }));
        job.schedule();
        return Optional.of(job);
    }

    /** Opens the value viewer on the selected row's value in the column last clicked. */
    public void viewValue() {
        int index = table.getSelectionIndex();
        if (feed == null || index < 0 || index >= shownRows) {
            return;
        }
        int valueColumn = Math.min(Math.max(clickedColumn, 1), feed.columns.size()) - 1;
        long row = base + index;
        new ValueViewer(table.getShell(), feed.columns.get(valueColumn), row, feed.store.row(row).get(valueColumn)).open();
    }

    /** The values of the selected rows, in the order of the result. */
    public List<List<Object>> selectedRows() {
        List<List<Object>> rows = new ArrayList<>();
        if (feed != null) {
            int[] indices = table.getSelectionIndices();
            Arrays.sort(indices);
            for (int index : indices) {
                if (index < shownRows) {
                    rows.add(feed.store.row(base + index));
                }
            }
        }
        return rows;
    }

    private void fill(Event event) {
        if (feed == null) {
            return;
        }
        TableItem item = (TableItem) event.item;
        int index = event.index;
        if (index >= shownRows) {
            endRow(item);
            return;
        }
        long row = base + index;
        List<Object> values = feed.store.row(row);
        item.setText(0, Long.toString(row + 1));
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            item.setText(c + 1, cell(value));
            item.setForeground(c + 1, value == null ? nullColor : null);
        }
        if (index < MARGIN && base > 0 || index >= shownRows - MARGIN && shownRows == WINDOW) {
            slideSoon();
        }
    }

    /** After the last row read: reading the next page, or why reading stopped. */
    private void endRow(TableItem item) {
        String stopped = feed.stopped();
        item.setText(0, "");
        item.setText(1, stopped == null ? LOADING : "Reading stopped: " + stopped);
        item.setForeground(1, nullColor);
        if (stopped == null) {
            fetch();
        }
    }

    private void fetch() {
        Feed reading = feed;
        if (reading.fetching || !reading.more()) {
            return;
        }
        reading.fetching = true;
        Display display = table.getDisplay();
        Job.create("Reading more rows", monitor -> {
            boolean read;
            try {
                read = reading.readPageUnlessHeld(FETCH_ROWS);
            } catch (RuntimeException e) {
                read = true; // kept as the reason reading stopped, which the end row shows
            }
            boolean changed = read; // else an export holds the feed, and refreshes the grid when it is done
            later(display, () -> {
                reading.fetching = false;
                if (changed && feed == reading) {
                    refresh();
                }
            });
        }).schedule();
    }

    /** Follows the rows read: items for them, the end row after them, the window slid if the view is at its edge. */
    private void refresh() {
        int before = shownRows;
        setItemCount();
        if (before < shownRows) {
            table.clear(before); // was the end row
        }
        if (shownRows < table.getItemCount()) {
            table.clear(shownRows); // the end row, shown while a page was read: asks again, or says why reading stopped
        }
        slideNow();
    }

    /** Items for the rows of the window, and the end row if the window ends where the rows read end. */
    private void setItemCount() {
        long stored = feed.store.rows();
        shownRows = (int) Math.min(WINDOW, stored - base);
        boolean endRow = base + shownRows == stored && (feed.more() || feed.stopped() != null);
        table.setItemCount(shownRows + (endRow ? 1 : 0));
    }

    /** Runs {@code action} on the UI thread soon, unless the grid is gone by then. */
    private void later(Display display, Runnable action) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!table.isDisposed()) {
                    action.run();
                }
            });
        }
    }

    private void slideSoon() {
        if (slidePending) {
            return;
        }
        slidePending = true;
        later(table.getDisplay(), () -> {
            slidePending = false;
            slideNow();
        });
    }

    /** Slides the window by half its size when the view is near an end of it and the result goes on beyond. */
    private void slideNow() {
        if (feed == null) {
            return;
        }
        int top = table.getTopIndex();
        int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
        // a full window only: until then the window grows with the rows read (the store may hold a page more
        // than the window knows of, before the refresh that follows reading it)
        if (top + visible >= shownRows - MARGIN && shownRows == WINDOW && base + shownRows < feed.store.rows()) {
            slideTo(base + SLIDE);
        } else if (top < MARGIN && base > 0) {
            slideTo(Math.max(0, base - SLIDE));
        }
    }

    private void slideTo(long newBase) {
        int top = table.getTopIndex();
        long[] selected = Arrays.stream(table.getSelectionIndices()).filter(index -> index < shownRows)
                .mapToLong(index -> base + index).toArray();
        long moved = base - newBase;
        base = newBase;
        setItemCount();
        table.clearAll();
        table.setTopIndex((int) Math.max(0, top + moved));
        table.setSelection(Arrays.stream(selected).map(row -> row - base).filter(index -> index >= 0 && index < shownRows)
                .mapToInt(index -> (int) index).toArray());
    }

    private void addColumns(ResultPage first) {
        List<List<Object>> sample = first.rows().subList(0, Math.min(SAMPLED_ROWS, first.rows().size()));
        GC gc = new GC(table);
        try {
            TableColumn number = new TableColumn(table, SWT.RIGHT);
            number.setText("#");
            number.setWidth(gc.textExtent("0000000").x + PADDING);
            for (int c = 0; c < first.columns().size(); c++) {
                ResultColumn result = first.columns().get(c);
                TableColumn column = new TableColumn(table, numeric(result, sample, c) ? SWT.RIGHT : SWT.LEFT);
                column.setText(result.name());
                column.setToolTipText(result.name() + " (" + result.type() + ")");
                int width = gc.textExtent(result.name()).x;
                for (String text : longest(sample, c)) {
                    width = Math.max(width, gc.textExtent(text).x);
                }
                column.setWidth(Math.min(WIDEST_COLUMN, width + PADDING));
            }
        } finally {
            gc.dispose();
        }
    }

    /**
     * The longest few of a column's texts in the sample, among which is the widest: measuring
     * text asks the system's text layout, too slow to ask for every cell of a first page.
     */
    private static List<String> longest(List<List<Object>> sample, int column) {
        return sample.stream().map(row -> cell(row.get(column))).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).limit(MEASURED_TEXTS).toList();
    }

    /** Numbers by their first value; a column of NULLs by its type's name. */
    private static boolean numeric(ResultColumn column, List<List<Object>> sample, int c) {
        return sample.stream().map(row -> row.get(c)).filter(Objects::nonNull).findFirst()
                .map(value -> value instanceof Number).orElseGet(() -> NUMERIC_TYPE.matcher(column.type()).matches());
    }

    /** A value as its cell shows it: on one line, NULL as such, long text cut short. */
    private static String cell(Object value) {
        return value instanceof String text && text.length() > CELL_CHARACTERS
                ? DisplayText.of(text.substring(0, CELL_CHARACTERS)) + "…" : DisplayText.of(value);
    }

    private void pickColumn(Event event) {
        Point at = new Point(event.x, event.y);
        TableItem item = table.getItem(at);
        for (int c = 1; item != null && c < table.getColumnCount(); c++) {
            if (item.getBounds(c).contains(at)) {
                clickedColumn = c;
            }
        }
    }

    private void dispose() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        focusService().ifPresent(focus -> focus.removeFocusTracker(table));
        if (PlatformUI.isWorkbenchRunning() && !PlatformUI.getWorkbench().isClosing()) { // closing: no window to release from
            menuService().ifPresent(menus -> menus.releaseContributions(menu));
        }
        menu.dispose();
    }

    private static Optional<IFocusService> focusService() {
        return PlatformUI.isWorkbenchRunning()
                ? Optional.ofNullable(PlatformUI.getWorkbench().getService(IFocusService.class)) : Optional.empty();
    }

    private static Optional<IMenuService> menuService() {
        return PlatformUI.isWorkbenchRunning()
                ? Optional.ofNullable(PlatformUI.getWorkbench().getService(IMenuService.class)) : Optional.empty();
    }
}
