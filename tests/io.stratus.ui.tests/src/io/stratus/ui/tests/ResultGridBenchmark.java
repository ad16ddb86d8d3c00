package io.stratus.ui.tests;

import io.stratus.core.database.ResultPage;
import io.stratus.results.PageSizes;
import io.stratus.testing.PairedRounds;
import io.stratus.testing.TestCertificates;
import io.stratus.ui.results.ResultGrid;
import io.stratus.ui.results.internal.ExportFormat;
import io.stratus.ui.results.internal.GridTable;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The result grid on a table of 1,000,000 rows of 5 columns (bigint, text, numeric, timestamptz,
 * boolean) on a real PostgreSQL on loopback over verified TLS (see {@link LocalDatabases}), read
 * through the desktop's database service, each figure beside raw JDBC on a connection of its own
 * (the same driver, TLS and fetch size, typed getters):
 * <ol>
 * <li>export to CSV: the statement run and its first page shown in the grid, then the grid's export
 * of the whole result (the Export command's code: {@link GridTable#export}), against raw JDBC
 * writing the same file (checked byte for byte), in {@link PairedRounds}; target at least 80%;</li>
 * <li>time to first page: from running the statement to the grid having painted its first page,
 * against raw JDBC's executing it and reading its first page, back to back, alternately first;
 * target within 200 ms;</li>
 * <li>scrolling from the first row to the last, a screenful at a time, painted and each row in
 * view read, the grid reading pages of {@value PageSizes#DEFAULT_ROWS} rows as it goes: the peak
 * heap growth (the most live heap, after a full collection every 100,000 rows, above the heap
 * before the statement ran); target under 64 MB.</li>
 * </ol>
 * Prints the median and range of several runs of each. Asserts only that every way read every row:
 * run it with {@code ./mvnw verify -DskipTests -Dbenchmarks -Dtest=ResultGridBenchmark}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultGridBenchmark {

    private static final int ROWS = 1_000_000;
    private static final String QUERY = "SELECT id, label, amount, at, flag FROM wide ORDER BY id";
    /** Rows per round trip for raw JDBC, as the connector fetches them, and the grid's page. */
    private static final int FETCH = PageSizes.DEFAULT_ROWS;
    private static final int EXPORT_WARM_UPS = 2;
    private static final int EXPORT_PAIRS = 9;
    private static final int FIRST_PAGE_RUNS = 9;
    private static final int SCROLL_RUNS = 3;
    private static final int MEASURE_EVERY = 100_000;
    private static final Duration STALLED = Duration.ofSeconds(60);
    /** Screens scrolled in one turn of the UI thread, between which it reads its events (pages read, slides). */
    private static final int SCREENS_PER_TURN = 50;

    private static UiRobot robot;
    private static LocalDatabases local;
    private static LocalDatabases.Opened postgres;
    private static Connection raw;
    private static Shell host;
    private static ResultGrid grid;
    private static Table table;
    private static GridTable rows;
    private static Path folder;

    @BeforeAll
    static void fillATableAndOpenAGrid() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), Duration.ofMinutes(10));
        IWorkbenchWindow window = DemoDesktop.awaitWindow(robot);
        Shell windowShell = robot.onUiThread(window::getShell);
        robot.closeShellsExcept(windowShell); // the setup wizard of the fresh instance
        CurrentSession current = robot.onUiThread(() -> window.getService(CurrentSession.class));
        local = LocalDatabases.start();
        LocalDatabases.Database database = local.postgres(List.of(
                "CREATE TABLE wide (id bigint PRIMARY KEY, label text, amount numeric(12,2), at timestamptz, flag boolean)",
                "INSERT INTO wide SELECT n, 'row number ' || n, n * 0.01, timestamptz '2026-01-01 00:00:00+00'"
                        + " + n * interval '1 second', n % 2 = 0 FROM generate_series(1, " + ROWS + ") AS n",
                "VACUUM (FREEZE, ANALYZE) wide",
                "CHECKPOINT")); // so that no autovacuum or checkpoint of the fresh table runs while measuring
        local.inTheExplorer("grid-pg", "postgres", database, false);
        postgres = local.openAsAda(current, "grid-pg", database);
        raw = rawConnection(database);
        robot.closeShellsExcept(windowShell);
        host = robot.onUiThread(() -> {
            Shell shell = new Shell(windowShell, SWT.SHELL_TRIM);
            shell.setText("Result grid benchmark");
            shell.setLayout(new FillLayout());
            grid = new ResultGrid(shell);
            shell.setSize(1000, 800);
            shell.open();
            return shell;
        });
        table = (Table) robot.onUiThread(grid::control);
        rows = robot.onUiThread(() -> GridTable.of(table).orElseThrow());
        folder = Files.createTempDirectory("stratus-grid-benchmark-");
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (host != null) {
            robot.runOnUiThread(host::close);
        }
        if (raw != null) {
            raw.close();
        }
        if (local != null) {
            local.close();
        }
        if (folder != null) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    @Test
    @Order(1)
    void exportingAMillionRowsToCsv() throws Exception {
        Path desktopCsv = folder.resolve("desktop.csv");
        Path rawCsv = folder.resolve("raw.csv");
        exportThroughTheGrid(desktopCsv);
        rawJdbcCsv(rawCsv);
        long differ = Files.mismatch(desktopCsv, rawCsv);
        if (differ >= 0) {
            throw new AssertionError("The export and raw JDBC wrote different files, from byte " + differ);
        }
        new PairedRounds("rows", ROWS, EXPORT_WARM_UPS, EXPORT_PAIRS).run(String.format("exporting %,d rows of 5 columns"
                + " to CSV from PostgreSQL on loopback over TLS", ROWS), "raw JDBC", () -> rawJdbcCsv(rawCsv),
                List.of(new PairedRounds.Contender("desktop export", () -> exportThroughTheGrid(desktopCsv), 0.80)));
        robot.runOnUiThread(grid::clear);
    }

    /** The statement run through the database service, its first page shown, then the grid's Export to CSV. */
    private static long exportThroughTheGrid(Path file) throws Exception {
        ResultPage first = postgres.execute(QUERY, FETCH);
        Job export = robot.onUiThread(() -> {
            grid.show(first, postgres::nextPage);
            return rows.export(ExportFormat.CSV, file).orElseThrow();
        });
        export.join();
        IStatus outcome = export.getResult();
        if (!outcome.isOK()) {
            throw new AssertionError("The export failed: " + outcome.getMessage(), outcome.getException());
        }
        return robot.onUiThread(rows::rowsRead);
    }

    /** Raw JDBC writing the same CSV as the export: column names, then RFC 4180 lines of the exact values. */
    private static long rawJdbcCsv(Path file) throws Exception {
        long read = 0;
        try (Statement statement = raw.createStatement()) {
            statement.setFetchSize(FETCH);
            try (ResultSet result = statement.executeQuery(QUERY);
                    Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                            StandardCharsets.UTF_8), 1 << 16)) {
                out.write("id,label,amount,at,flag\r\n");
                while (result.next()) {
                    out.write(Long.toString(result.getLong(1)));
                    out.write(',');
                    out.write(result.getString(2)); // "row number N": nothing to quote
                    out.write(',');
                    out.write(result.getBigDecimal(3).toPlainString());
                    out.write(',');
                    out.write(result.getObject(4, OffsetDateTime.class).toString());
                    out.write(',');
                    out.write(result.getBoolean(5) ? "true" : "false");
                    out.write("\r\n");
                    read++;
                }
            }
        }
        raw.commit();
        return read;
    }

    @Test
    @Order(2)
    void firstPageInTheGridAndFromRawJdbc() throws Exception {
        List<Double> gridMillis = new ArrayList<>();
        List<Double> rawMillis = new ArrayList<>();
        List<Double> later = new ArrayList<>();
        for (int run = 0; run < FIRST_PAGE_RUNS; run++) {
            double inGrid;
            double fromRaw;
            if (run % 2 == 0) {
                inGrid = firstPageInTheGrid();
                fromRaw = firstPageFromRawJdbc();
            } else {
                fromRaw = firstPageFromRawJdbc();
                inGrid = firstPageInTheGrid();
            }
            gridMillis.add(inGrid);
            rawMillis.add(fromRaw);
            later.add(inGrid - fromRaw);
        }
        robot.runOnUiThread(grid::clear);
        System.out.printf("%n[benchmark] the first page of %,d rows: run through the database service and painted in the"
                + " grid, against raw JDBC executing the statement and reading %d rows; %d runs back to back, alternately"
                + " first%n", ROWS, FETCH, FIRST_PAGE_RUNS);
        System.out.printf("[benchmark]   grid painted    %s%n", spread(gridMillis, "ms"));
        System.out.printf("[benchmark]   raw JDBC        %s%n", spread(rawMillis, "ms"));
        System.out.printf("[benchmark]   grid later by   %s; target at most 200 ms: %s%n", spread(later, "ms"),
                PairedRounds.median(later) <= 200 ? "met" : "NOT MET");
    }

    private static double firstPageInTheGrid() {
        long started = System.nanoTime();
        ResultPage first = postgres.execute(QUERY, FETCH);
        robot.runOnUiThread(() -> {
            grid.show(first, postgres::nextPage);
            table.update();
        });
        return (System.nanoTime() - started) / 1e6;
    }

    private static double firstPageFromRawJdbc() throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = raw.createStatement()) {
            statement.setFetchSize(FETCH);
            try (ResultSet result = statement.executeQuery(QUERY)) {
                for (int row = 0; row < FETCH && result.next(); row++) {
                    result.getLong(1);
                    result.getString(2);
                    result.getBigDecimal(3);
                    result.getObject(4, OffsetDateTime.class);
                    result.getBoolean(5);
                }
                double millis = (System.nanoTime() - started) / 1e6;
                raw.rollback();
                return millis;
            }
        }
    }

    @Test
    @Order(3)
    void scrollingAMillionRowsEndToEnd() throws Exception {
        List<Double> peaks = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= SCROLL_RUNS; run++) {
            robot.runOnUiThread(grid::clear);
            long before = liveHeap();
            ResultPage first = postgres.execute(QUERY, FETCH);
            robot.runOnUiThread(() -> {
                grid.show(first, postgres::nextPage);
                table.update();
            });
            long shownAt = System.nanoTime();
            long peak = 0;
            long nextMeasure = MEASURE_EVERY;
            long shownTo = 0;
            long lastProgress = System.nanoTime();
            while (shownTo < ROWS) {
                long reached = robot.onUiThread(ResultGridBenchmark::scroll);
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
            double took = (System.nanoTime() - shownAt) / 1e9;
            peak = Math.max(peak, liveHeap() - before);
            peaks.add(peak / 1048576.0);
            seconds.add(took);
            System.out.printf("[benchmark] result grid scroll, run %d: %,d rows end to end in %.1f s (%,.0f rows/s),"
                    + " peak heap growth %.1f MB%n", run, ROWS, took, ROWS / took, peak / 1048576.0);
        }
        robot.runOnUiThread(grid::clear);
        System.out.printf("[benchmark] result grid scroll, %d runs: peak heap growth %s (target under 64 MB: %s);"
                + " end to end in %s%n", SCROLL_RUNS, spread(peaks, "MB"),
                peaks.stream().allMatch(peak -> peak < 64) ? "met" : "NOT MET", spread(seconds, "s"));
    }

    /** Scrolls down a screenful at a time, painting each; returns the last row of the result shown (from 1). */
    private static long scroll() {
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

    /** Median and range: {@code 12.3 ms median (10.1 to 15.0)}. */
    private static String spread(List<Double> values, String unit) {
        return String.format("%.1f %s median (%.1f to %.1f)", PairedRounds.median(values), unit,
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** Raw JDBC as the connector connects: the same driver, verified TLS, a transaction to stream in. */
    private static Connection rawConnection(LocalDatabases.Database database) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("user", database.server().user());
        settings.setProperty("password", database.server().password());
        settings.setProperty("sslmode", "verify-full");
        settings.setProperty("sslrootcert", TestCertificates.shared().authority().toString());
        Connection connection = new org.postgresql.Driver().connect(
                "jdbc:postgresql://127.0.0.1:" + database.server().port() + "/" + database.name(), settings);
        connection.setAutoCommit(false);
        return connection;
    }

    /** The heap in use after a full collection. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
