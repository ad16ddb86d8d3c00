package io.stratus.ui.tests;

import io.stratus.core.database.ResultPage;
import io.stratus.results.PageSizes;
import io.stratus.ui.results.ResultGrid;
import io.stratus.ui.results.internal.GridTable;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The result grid scrolled through 1,000,000 rows of 5 columns (bigint, text, numeric,
 * timestamptz, boolean) end to end, a screenful at a time, painted and each row in view read, a statement on a real
 * PostgreSQL on loopback (see {@link LocalPostgres}), read through
 * the desktop's database service in pages of {@value PageSizes#DEFAULT_ROWS} rows as the grid asks
 * for them. Prints, for each run, the peak heap growth (the most live heap, after a full
 * collection every 100,000 rows, above the heap before the statement ran), the time the scroll
 * took, and how long after the database's first page the grid had painted it. Asserts nothing:
 * run it with {@code ./mvnw verify -DskipTests -Dbenchmarks -Dtest=GridScrollBenchmark}.
 * Target: heap growth under 64 MB.
 */
class GridScrollBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 3;
    private static final int MEASURE_EVERY = 100_000;
    private static final Duration STALLED = Duration.ofSeconds(60);
    /** Screens scrolled in one turn of the UI thread, between which it reads its events (pages read, slides). */
    private static final int SCREENS_PER_TURN = 50;
    private static final String QUERY = "SELECT g::bigint AS id, 'row ' || g AS label, (g * 1.25)::numeric(14, 2) AS amount,"
            + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' AS at, g % 2 = 0 AS even"
            + " FROM generate_series(1, " + ROWS + ") g";

    @Test
    void scrollingAMillionRowsEndToEnd() throws Exception {
        UiRobot robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), Duration.ofMinutes(10));
        IWorkbenchWindow window = DemoDesktop.awaitWindow(robot);
        Shell windowShell = robot.onUiThread(window::getShell);
        robot.closeShellsExcept(windowShell); // the setup wizard of the fresh instance
        CurrentSession current = robot.onUiThread(() -> window.getService(CurrentSession.class));
        try (LocalPostgres postgres = LocalPostgres.start(current, List.of())) {
            robot.closeShellsExcept(windowShell);
            ResultGrid[] grid = new ResultGrid[1];
            Shell host = robot.onUiThread(() -> {
                Shell shell = new Shell(windowShell, SWT.SHELL_TRIM);
                shell.setText("Result grid benchmark");
                shell.setLayout(new FillLayout());
                grid[0] = new ResultGrid(shell);
                shell.setSize(1000, 800);
                shell.open();
                return shell;
            });
            Table table = (Table) robot.onUiThread(grid[0]::control);
            GridTable rows = robot.onUiThread(() -> GridTable.of(table).orElseThrow());
            for (int run = 1; run <= RUNS; run++) {
                robot.runOnUiThread(grid[0]::clear);
                long before = liveHeap();
                long started = System.nanoTime();
                ResultPage first = postgres.execute(QUERY, PageSizes.DEFAULT_ROWS);
                long databaseFirstPage = System.nanoTime();
                robot.runOnUiThread(() -> {
                    grid[0].show(first, postgres::nextPage);
                    table.update();
                });
                long gridFirstPage = System.nanoTime();
                long peak = 0;
                long nextMeasure = MEASURE_EVERY;
                long shownTo = 0;
                long lastProgress = System.nanoTime();
                while (shownTo < ROWS) {
                    long reached = robot.onUiThread(() -> scroll(table, rows));
                    if (reached > shownTo) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > STALLED.toNanos()) {
                        throw new AssertionError("The grid stopped at row " + shownTo + " of " + ROWS + ": "
                                + robot.onUiThread(() -> table.getItem(table.getItemCount() - 1).getText(1)) + ", "
                                + robot.onUiThread(() -> table.getItemCount() + " items from row " + rows.topRow()));
                    } else {
                        Thread.sleep(1); // at the rows read so far: the next page is on its way
                    }
                    shownTo = reached;
                    if (shownTo >= nextMeasure) {
                        peak = Math.max(peak, liveHeap() - before);
                        nextMeasure += MEASURE_EVERY;
                    }
                }
                long scrolled = System.nanoTime();
                peak = Math.max(peak, liveHeap() - before);
                System.out.printf("[benchmark] result grid, run %d: %,d rows scrolled end to end in %.1f s (%,.0f rows/s),"
                        + " peak heap growth %.1f MB (target < 64 MB); first page painted %d ms after the database's"
                        + " first page (which took %d ms)%n", run, ROWS, (scrolled - gridFirstPage) / 1e9,
                        ROWS / ((scrolled - gridFirstPage) / 1e9), peak / 1048576.0,
                        (gridFirstPage - databaseFirstPage) / 1_000_000, (databaseFirstPage - started) / 1_000_000);
            }
            robot.runOnUiThread(host::close);
        }
    }

    /** Scrolls down a screenful at a time, painting each; returns the last row of the result shown (from 1). */
    private static long scroll(Table table, GridTable rows) {
        int visible = Math.max(1, table.getClientArea().height / table.getItemHeight() - 1);
        for (int screen = 0; screen < SCREENS_PER_TURN; screen++) {
            int top = table.getTopIndex();
            int next = Math.min(top + visible, Math.max(0, table.getItemCount() - visible));
            if (next <= top) {
                break;
            }
            table.setTopIndex(next);
            table.update();
            for (int row = next; row < Math.min(next + visible + 1, table.getItemCount()); row++) {
                table.getItem(row).getText(1); // every row in view read, painted or not
            }
        }
        return Math.min(rows.rowsRead(), rows.topRow() + visible);
    }

    /** The heap in use after a full collection. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
