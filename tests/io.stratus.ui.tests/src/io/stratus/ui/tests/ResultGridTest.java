package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.ResultGrid;
import io.stratus.ui.results.ResultGridCommands;
import io.stratus.ui.results.internal.GridTable;
import io.stratus.ui.results.internal.ValueViewer;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result grid on statements run through the desktop's database service on a real PostgreSQL
 * (see {@link LocalDatabases}): NULL greyed and numbers right-aligned,
 * later pages read as the grid scrolls and earlier ones read back from its file, the window over a
 * long result, copying rows in each format, exporting every row, a cancelled export that leaves no
 * file, and the value viewer.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultGridTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String FRUIT = "SELECT id, name, price, note, data, raw FROM fruit ORDER BY id";

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static LocalDatabases local;
    private static LocalDatabases.Opened postgres;
    private static Shell host;
    private static ResultGrid grid;
    private static Table table;
    private static GridTable gridTable;

    @BeforeAll
    static void openADatabaseAndAGrid() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        robot.closeShellsExcept(windowShell);
        CurrentSession current = robot.onUiThread(() -> window.getService(CurrentSession.class));
        local = LocalDatabases.start();
        LocalDatabases.Database database = local.postgres(List.of(
                "CREATE TABLE fruit (id bigint, name text, price numeric(10, 2), note text, data jsonb, raw bytea)",
                "INSERT INTO fruit VALUES (1, 'apple', 1.50, NULL, '{\"b\": [1, 2], \"a\": 1}', '\\x00ff41'), "
                        + "(2, 'pear, \"green\"', NULL, E'line one\\nline two', NULL, NULL)"));
        local.inTheExplorer("grid-pg", "postgres", database, false);
        postgres = local.openAsAda(current, "grid-pg", database);
        robot.closeShellsExcept(windowShell); // what signing ada in may have left open
        host = robot.onUiThread(() -> {
            Shell shell = new Shell(windowShell, SWT.SHELL_TRIM);
            shell.setText("Result grid");
            shell.setLayout(new FillLayout());
            grid = new ResultGrid(shell);
            shell.setSize(900, 600);
            shell.open();
            return shell;
        });
        table = (Table) robot.onUiThread(grid::control);
        gridTable = robot.onUiThread(() -> GridTable.of(table).orElseThrow());
    }

    @AfterEach
    void closeOtherShells() {
        closeShellsButTheGrids();
    }

    private static void closeShellsButTheGrids() {
        robot.runOnUiThread(() -> Arrays.stream(Display.getCurrent().getShells())
                .filter(shell -> shell != windowShell && shell != host && !shell.isDisposed()).forEach(Shell::close));
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (host != null) {
            robot.runOnUiThread(host::close);
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    @Order(1)
    void nullIsGreyedNumbersAreRightAlignedAndColumnsFitTheirValues() {
        show(FRUIT, 500);
        assertEquals(List.of("#", "id", "name", "price", "note", "data", "raw"),
                robot.onUiThread(() -> Arrays.stream(table.getColumns()).map(TableColumn::getText).toList()));
        assertEquals(List.of(SWT.RIGHT, SWT.RIGHT, SWT.LEFT, SWT.RIGHT, SWT.LEFT, SWT.LEFT, SWT.LEFT),
                robot.onUiThread(() -> Arrays.stream(table.getColumns()).map(TableColumn::getAlignment).toList()));
        assertEquals(2, (int) robot.onUiThread(table::getItemCount), "every row read, no row after them");
        assertEquals(List.of("1", "1", "apple", "1.50", "NULL", "{\"a\": 1, \"b\": [1, 2]}", "binary, 3 bytes"), cells(0));
        assertEquals(List.of("2", "2", "pear, \"green\"", "NULL", "line one\\nline two", "NULL", "NULL"), cells(1));
        RGB grey = robot.onUiThread(() -> table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY).getRGB());
        assertEquals(grey, foreground(1, 3), "NULL is greyed");
        assertEquals(grey, foreground(0, 4), "NULL is greyed");
        assertNotEquals(grey, foreground(0, 3), "a value is not");
        int nameWidth = robot.onUiThread(() -> table.getColumn(2).getWidth());
        int widestName = robot.onUiThread(() -> {
            GC gc = new GC(table);
            try {
                return gc.textExtent("pear, \"green\"").x;
            } finally {
                gc.dispose();
            }
        });
        assertTrue(nameWidth > widestName && nameWidth < widestName + 100, "name fits its values: " + nameWidth);
        robot.screenshot(host, SCREENSHOTS.resolve("result-grid-null-and-numbers.png"));
    }

    @Test
    @Order(2)
    void scrollingReadsLaterPagesAndScrollingBackReadsTheGridsFile() throws IOException {
        show("SELECT g, 'row ' || g AS label FROM generate_series(1, 3000) g", 500);
        assertEquals(500L, (long) robot.onUiThread(gridTable::rowsRead));
        assertEquals(501, (int) robot.onUiThread(table::getItemCount), "the rows read and a row that reads on");
        robot.waitUntil("every row to be read as the grid scrolls to its end", () -> {
            table.setTopIndex(table.getItemCount() - 1);
            table.getItem(table.getItemCount() - 1).getText(1); // as painting the last row reads it
            return gridTable.rowsRead() == 3000 && table.getItemCount() == 3000;
        });
        assertEquals(List.of("3000", "3000", "row 3000"), cells(2999));
        robot.screenshot(host, SCREENSHOTS.resolve("result-grid-scrolled-to-the-end.png"));
        Path file = robot.onUiThread(() -> gridTable.rowsFile().orElseThrow());
        assertFalse(Files.exists(file), "the rows' file has no name another process could open it by");
        Path open = openFile(file).orElseThrow(() -> new AssertionError("the grid holds " + file + " open"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)),
                "the rows read are the person's alone");
        assertTrue(Files.size(open) > 3000 * 10, "the rows read are in the file: " + Files.size(open));
        robot.runOnUiThread(() -> table.setTopIndex(0));
        assertEquals(List.of("1", "1", "row 1"), cells(0));
        assertEquals(List.of("1234", "1234", "row 1234"), cells(1233));
        robot.runOnUiThread(grid::clear);
        assertTrue(openFile(file).isEmpty(), "clearing the grid lets go of its file, which the system then deletes");
        assertEquals(0, (int) robot.onUiThread(table::getItemCount));
    }

    @Test
    @Order(3)
    void aLongResultSlidesThroughAWindowOfItemsBothWays() {
        show("SELECT g FROM generate_series(1, 30000) g", 10_000);
        robot.waitUntil("the grid to scroll to the last of 30,000 rows", () -> {
            table.setTopIndex(table.getItemCount() - 1);
            TableItem last = table.getItem(table.getItemCount() - 1);
            return last.getText(1).equals("30000");
        });
        assertTrue(robot.onUiThread(table::getItemCount) <= 10_001, "items for a window of the rows only");
        assertTrue(robot.onUiThread(gridTable::topRow) > 25_000, "at the end: " + robot.onUiThread(gridTable::topRow));
        robot.waitUntil("the grid to scroll back to the first row", () -> {
            table.setTopIndex(0);
            return gridTable.topRow() == 0;
        });
        assertEquals(List.of("1", "1"), cells(0));
        assertEquals(List.of("2501", "2501"), cells(2500));
    }

    @Test
    @Order(4)
    void copiesTheSelectedRowsAsTsvCsvJsonAndSqlInserts() {
        show(FRUIT, 500);
        robot.runOnUiThread(table::selectAll);
        copy(null); // Edit > Copy, Ctrl+C
        assertEquals("id\tname\tprice\tnote\tdata\traw\n"
                + "1\tapple\t1.50\tNULL\t{\"a\": 1, \"b\": [1, 2]}\tbinary, 3 bytes\n"
                + "2\tpear, \"green\"\tNULL\tline one\\nline two\tNULL\tNULL\n", clipboard());
        copy("csv");
        assertEquals("id,name,price,note,data,raw\r\n"
                + "1,apple,1.50,,\"{\"\"a\"\": 1, \"\"b\"\": [1, 2]}\",AP9B\r\n"
                + "2,\"pear, \"\"green\"\"\",,\"line one\nline two\",,\r\n", clipboard());
        copy("json");
        String json = clipboard();
        assertTrue(json.startsWith("{\"columns\":[{\"name\":\"id\",\"type\":\"int8\"},{\"name\":\"name\",\"type\":\"text\"}"), json);
        assertTrue(json.endsWith("\"rows\":[[1,\"apple\",\"1.50\",null,\"{\\\"a\\\": 1, \\\"b\\\": [1, 2]}\",{\"base64\":\"AP9B\"}],"
                + "[2,\"pear, \\\"green\\\"\",null,\"line one\\nline two\",null,null]]}"), json);
        robot.runOnUiThread(() -> table.setSelection(1));
        copy("sql");
        assertEquals("INSERT INTO result (id, name, price, note, data, raw) VALUES "
                + "(2, 'pear, \"green\"', NULL, 'line one\nline two', NULL, NULL);\n", clipboard());
        robot.runOnUiThread(() -> table.setSelection(0));
        copy("sql");
        assertEquals("INSERT INTO result (id, name, price, note, data, raw) VALUES "
                + "(1, 'apple', 1.50, NULL, '{\"a\": 1, \"b\": [1, 2]}', X'00ff41');\n", clipboard());
    }

    @Test
    @Order(5)
    void exportWritesEveryRowReadOrNotToCsvAndJson(@TempDir Path folder) throws IOException {
        show("SELECT g, 'row ' || g AS label FROM generate_series(1, 20000) g", 500);
        Path csv = folder.resolve("rows.csv");
        export("csv", csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(20_001, lines.size());
        assertEquals("g,label", lines.getFirst());
        assertEquals(IntStream.rangeClosed(1, 20_000).mapToObj(g -> g + ",row " + g).toList(), lines.subList(1, 20_001));
        assertEquals(20_000L, (long) robot.onUiThread(gridTable::rowsRead), "the grid has the rows the export read");
        Path json = folder.resolve("rows.json");
        export("json", json);
        String document = Files.readString(json);
        assertTrue(document.startsWith("{\"columns\":[{\"name\":\"g\",\"type\":\"int4\"},{\"name\":\"label\",\"type\":\"text\"}],"
                + "\"rows\":[[1,\"row 1\"],[2,\"row 2\"],"), document.substring(0, 200));
        assertTrue(document.endsWith(",[20000,\"row 20000\"]]}"), document.substring(document.length() - 100));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("rows.csv", "rows.json"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    @Order(6)
    void aCancelledExportLeavesNoFile(@TempDir Path folder) throws Exception {
        show("SELECT g, repeat('x', 200) AS filler FROM generate_series(1, 2000000) g", 500);
        Path csv = folder.resolve("big.csv");
        focusGrid();
        robot.executeCommand(window, ResultGridCommands.EXPORT,
                Map.of(ResultGridCommands.FORMAT, "csv", ResultGridCommands.FILE, csv.toString()));
        robot.waitUntil("the export to write its temporary file", () -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.anyMatch(file -> file.getFileName().toString().endsWith(".part") && file.toFile().length() > 0);
            } catch (IOException e) {
                return false;
            }
        });
        robot.screenshotOfDisplay(SCREENSHOTS.resolve("result-grid-exporting.png"));
        Job.getJobManager().cancel(GridTable.EXPORT_FAMILY);
        Job.getJobManager().join(GridTable.EXPORT_FAMILY, null);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "nothing half-written is left");
        }
        long read = robot.onUiThread(gridTable::rowsRead);
        assertTrue(read > 500 && read < 2_000_000, "the export stopped on the way: " + read);
    }

    @Test
    @Order(7)
    void theValueViewerShowsJsonFormattedAndBinaryAsHex() {
        show(FRUIT, 500);
        robot.runOnUiThread(() -> table.setSelection(0));
        viewValue(5);
        Shell viewer = robot.waitForShell("data of row 1 (jsonb)");
        Text text = robot.waitForControlWithData(viewer, Text.class, ValueViewer.TEXT_KEY);
        assertEquals("{\n  \"a\" : 1,\n  \"b\" : [ 1, 2 ]\n}", robot.onUiThread(text::getText));
        robot.screenshot(viewer, SCREENSHOTS.resolve("result-grid-value-json.png"));
        robot.runOnUiThread(viewer::close);
        viewValue(6);
        Shell binary = robot.waitForShell("raw of row 1 (bytea)");
        String hex = robot.onUiThread(robot.waitForControlWithData(binary, Text.class, ValueViewer.TEXT_KEY)::getText);
        assertTrue(hex.startsWith("3 bytes\n00000000  00 ff 41 "), hex);
        assertTrue(hex.stripTrailing().endsWith("..A"), hex);
        robot.runOnUiThread(binary::close);
    }

    /** This process's descriptor of {@code file} (deleted), if it holds one: {@code /proc/self/fd/N}. */
    private static java.util.Optional<Path> openFile(Path file) throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).toString().startsWith(file.toString());
                } catch (IOException gone) {
                    return false;
                }
            }).findFirst();
        }
    }

    private static void show(String statement, int pageSize) {
        ResultPage first = postgres.execute(statement, pageSize);
        robot.runOnUiThread(() -> grid.show(first, postgres::nextPage));
    }

    private static List<String> cells(int index) {
        return robot.onUiThread(() -> {
            TableItem item = table.getItem(index);
            return IntStream.range(0, table.getColumnCount()).mapToObj(item::getText).toList();
        });
    }

    private static RGB foreground(int index, int column) {
        return robot.onUiThread(() -> table.getItem(index).getForeground(column).getRGB());
    }

    /** The grid's table with the focus, as after a click in it: its commands are active then. */
    private static void focusGrid() {
        closeShellsButTheGrids();
        robot.runOnUiThread(() -> {
            host.forceActive();
            table.setFocus();
        });
        robot.waitUntil("the grid to have the focus", () -> table.getDisplay().getFocusControl() == table);
    }

    private static void copy(String format) {
        focusGrid();
        robot.awaitCompletion("copy as " + format, format == null ? robot.executeCommand(window, "org.eclipse.ui.edit.copy")
                : robot.executeCommand(window, ResultGridCommands.COPY, Map.of(ResultGridCommands.FORMAT, format)));
    }

    private static String clipboard() {
        return robot.onUiThread(() -> {
            Clipboard clipboard = new Clipboard(table.getDisplay());
            try {
                return (String) clipboard.getContents(TextTransfer.getInstance());
            } finally {
                clipboard.dispose();
            }
        });
    }

    private static void export(String format, Path file) {
        focusGrid();
        robot.awaitCompletion("export to " + format, robot.executeCommand(window, ResultGridCommands.EXPORT,
                Map.of(ResultGridCommands.FORMAT, format, ResultGridCommands.FILE, file.toString())));
        try {
            Job.getJobManager().join(GridTable.EXPORT_FAMILY, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A click in the column, then View Value (a modal dialog: the command returns when it closes). */
    private static void viewValue(int column) {
        robot.runOnUiThread(() -> {
            Rectangle cell = table.getItem(0).getBounds(column);
            Event click = new Event();
            click.x = cell.x + 2;
            click.y = cell.y + 2;
            click.button = 1;
            table.notifyListeners(SWT.MouseDown, click);
        });
        focusGrid();
        // The workbench learns of the focus from events after the closed viewer's: its handler may lag the focus.
        robot.waitUntil("View Value to be enabled on the grid", () -> robot.isCommandEnabled(window, ResultGridCommands.VIEW_VALUE));
        robot.executeCommand(window, ResultGridCommands.VIEW_VALUE);
    }
}
