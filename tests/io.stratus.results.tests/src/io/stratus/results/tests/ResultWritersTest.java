package io.stratus.results.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratus.core.StratusException;
import io.stratus.core.database.ResultPage;
import io.stratus.core.database.ResultColumn;
import io.stratus.results.AllRows;
import io.stratus.results.CsvResultWriter;
import io.stratus.results.DisplayText;
import io.stratus.results.JsonDocumentWriter;
import io.stratus.results.JsonResultWriter;
import io.stratus.results.NdjsonResultWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The writers on a real PostgreSQL result with the values that trip writers up, and the read-all-rows loop. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultWritersTest {

    private static final String QUERY = "SELECT * FROM awkward ORDER BY id";
    private static final String COLUMNS = "id,label,amount,at,flag,data,big,ratio";

    private PostgresResults postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = PostgresResults.start(List.of(
                "CREATE TABLE awkward (id int PRIMARY KEY, label text, amount numeric(12,2), at timestamptz, flag boolean,"
                        + " data bytea, big bigint, ratio double precision)",
                // 2^53 + 1 is beyond what a JavaScript number holds exactly
                "INSERT INTO awkward VALUES (1, 'plain', 12.50, '2026-01-01 10:00:00+00', true, '\\xcafe', 9007199254740993, 0.5)",
                "INSERT INTO awkward VALUES (2, E'comma, \"quoted\"\\r\\nnew line', -0.01, NULL, false, NULL, 1, 'NaN')",
                "INSERT INTO awkward (id, label) VALUES (3, '')",
                "INSERT INTO awkward (id) VALUES (4)"));
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void csvQuotesByRfc4180AndKeepsNullApartFromEmptyText() throws IOException {
        ResultPage page = postgres.page(QUERY);
        StringWriter csv = new StringWriter();
        CsvResultWriter.writeHeader(page.columns(), csv);
        CsvResultWriter.writeRows(page, csv);
        assertEquals(COLUMNS + "\r\n"
                + "1,plain,12.50,2026-01-01T10:00Z,true,yv4=,9007199254740993,0.5\r\n"
                + "2,\"comma, \"\"quoted\"\"\r\nnew line\",-0.01,,false,,1,NaN\r\n"
                + "3,\"\",,,,,,\r\n"
                + "4,,,,,,,\r\n", csv.toString());
    }

    @Test
    void csvQuotesColumnNamesAndLoneLineBreaks() throws IOException {
        StringWriter csv = new StringWriter();
        CsvResultWriter.writeHeader(List.of(new ResultColumn("a,b", "text"), new ResultColumn("say \"hi\"", "text"),
                new ResultColumn("plain", "text")), csv);
        CsvResultWriter.writeRows(new ResultPage(1, List.of(), List.of(List.of("\r", "\n", " spaced ")),
                OptionalLong.empty(), false), csv);
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",plain\r\n\"\r\",\"\n\", spaced \r\n", csv.toString());
    }

    @Test
    void jsonKeepsValuesExact() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonResultWriter.write(postgres.page(QUERY), json);
        assertEquals("{\"statement\":1,\"columns\":[{\"name\":\"id\",\"type\":\"int4\"},{\"name\":\"label\",\"type\":\"text\"},"
                + "{\"name\":\"amount\",\"type\":\"numeric\"},{\"name\":\"at\",\"type\":\"timestamptz\"},"
                + "{\"name\":\"flag\",\"type\":\"bool\"},{\"name\":\"data\",\"type\":\"bytea\"},"
                + "{\"name\":\"big\",\"type\":\"int8\"},{\"name\":\"ratio\",\"type\":\"float8\"}],\"rows\":["
                + "[1,\"plain\",\"12.50\",\"2026-01-01T10:00Z\",true,{\"base64\":\"yv4=\"},\"9007199254740993\",0.5],"
                + "[2,\"comma, \\\"quoted\\\"\\r\\nnew line\",\"-0.01\",null,false,null,1,\"NaN\"],"
                + "[3,\"\",null,null,null,null,null,null],"
                + "[4,null,null,null,null,null,null,null]],\"more\":false}", json.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonDocumentTakesRowsAsTheyComeInThePagesShape() throws IOException {
        ResultPage page = postgres.page(QUERY);
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        JsonDocumentWriter writer = new JsonDocumentWriter(page.columns(), document);
        writer.rows(page.rows().subList(0, 1));
        writer.rows(page.rows().subList(1, page.rows().size()));
        writer.end();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonResultWriter.write(page, json);
        assertEquals(json.toString(StandardCharsets.UTF_8).replace("{\"statement\":1,", "{").replace(",\"more\":false}", "}"),
                document.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonOfAChangeCarriesItsCount() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonResultWriter.write(new ResultPage(7, List.of(), List.of(), OptionalLong.of(3), false), json);
        assertEquals("{\"statement\":7,\"columns\":[],\"rows\":[],\"more\":false,\"updateCount\":3}",
                json.toString(StandardCharsets.UTF_8));
    }

    @Test
    void displayTextShowsNullApartFromEmptyTextOnOneLine() throws IOException {
        ResultPage page = postgres.page(QUERY);
        StringWriter text = new StringWriter();
        DisplayText.writeHeader(page.columns(), text);
        DisplayText.writeRows(page, text);
        assertEquals(COLUMNS.replace(',', '\t') + "\n"
                + "1\tplain\t12.50\t2026-01-01T10:00Z\ttrue\tbinary, 2 bytes\t9007199254740993\t0.5\n"
                + "2\tcomma, \"quoted\"\\r\\nnew line\t-0.01\tNULL\tfalse\tNULL\t1\tNaN\n"
                + "3\t\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\n"
                + "4\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\tNULL\n", text.toString());
        assertEquals("a\\tb", DisplayText.of("a\tb"));
    }

    /** Pages of two rows: the loop reads them all, one NDJSON line per row between the columns and the end. */
    @Test
    void allRowsReadsEveryPageIntoNdjson() throws IOException {
        try (PagedDatabaseService databaseService = new PagedDatabaseService(postgres.execute(QUERY), 2, 0)) {
            ResultPage first = databaseService.first();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (NdjsonResultWriter ndjson = new NdjsonResultWriter(out)) {
                ndjson.start(first);
                ndjson.end(AllRows.read(databaseService, null, "db", first, ndjson::rows));
            }
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(6, lines.size(), String.join("\n", lines));
            assertEquals("[1,\"plain\",\"12.50\",\"2026-01-01T10:00Z\",true,{\"base64\":\"yv4=\"},\"9007199254740993\",0.5]",
                    lines.get(1));
            assertEquals("[4,null,null,null,null,null,null,null]", lines.get(4));
            assertEquals("{\"end\":{\"rows\":4}}", lines.get(5));
            assertEquals(0, databaseService.cancels);
        }
    }

    /**
     * Decimals and date-times are written digit by digit, not through their strings: the text must
     * still be exactly {@code toPlainString} and {@code toString}, for every scale, sign, fraction of
     * a second and offset, and for the years and sizes that take the general way.
     */
    @Test
    void jsonWritesDecimalsAndTimesExactlyAsTheirText() throws IOException {
        Random random = new Random(20261207);
        List<Object> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-0.01"),
                new BigDecimal("1E+3"), new BigDecimal("123456789012345678901234.5"), new BigDecimal(Long.MIN_VALUE).movePointLeft(4),
                LocalDateTime.of(2026, 1, 1, 10, 0), LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 59, 59, 1),
                OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(999, 2, 3, 4, 5, 6, 7_000,
                        ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15))));
        for (int i = 0; i < 20_000; i++) {
            values.add(BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(24) - 2));
            LocalDateTime time = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(3) == 0 ? 0 : random.nextInt(60),
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            values.add(random.nextBoolean() ? time : time.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(36_001) - 18_000)));
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (NdjsonResultWriter ndjson = new NdjsonResultWriter(json)) {
            ResultPage page = new ResultPage(1, List.of(new ResultColumn("value", "any")),
                    values.stream().map(value -> List.of(value)).toList(), OptionalLong.empty(), false);
            ndjson.start(page);
            ndjson.rows(page);
        }
        List<String> lines = json.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
        assertEquals(values.size(), lines.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            assertEquals("[\"" + text + "\"]", lines.get(i), "value " + i);
        }
    }

    /** The page after the one the reader takes is already being read: the database need not wait for the reader. */
    @Test
    void theNextPageIsReadWhileTheReaderTakesOne() throws IOException {
        try (PagedDatabaseService databaseService = new PagedDatabaseService(postgres.execute(QUERY), 1, 0)) {
            List<Integer> askedWhileTaking = new ArrayList<>();
            AllRows.read(databaseService, null, "db", databaseService.first(), page -> {
                int taking = askedWhileTaking.size() + 1;
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (page.more() && databaseService.pagesAsked() <= taking && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                askedWhileTaking.add(databaseService.pagesAsked());
            });
            // four rows, one a page, then the empty last page: each page but the last saw the next one asked for
            assertEquals(List.of(2, 3, 4, 5, 5), askedWhileTaking);
        }
    }

    /** A reader that goes away (the client hung up) lets go of the statement; no page is read after it returns. */
    @Test
    void aReaderGoingAwayCancelsTheStatement() {
        IOException gone = new IOException("the client went away");
        try (PagedDatabaseService databaseService = new PagedDatabaseService(postgres.execute(QUERY), 1, 0).slow(200)) {
            AtomicInteger pages = new AtomicInteger();
            assertSame(gone, assertThrows(IOException.class, () -> AllRows.read(databaseService, null, "db", databaseService.first(),
                    page -> {
                        if (pages.incrementAndGet() == 3) {
                            throw gone;
                        }
                    })));
            assertEquals(1, databaseService.cancels);
            assertFalse(databaseService.reading(), "the page read ahead is settled before reading returns");
        }
    }

    /** The service's own failure (the connection closed meanwhile) reaches the caller, with nothing to cancel. */
    @Test
    void theServicesFailurePassesThroughUncancelled() {
        try (PagedDatabaseService databaseService = new PagedDatabaseService(postgres.execute(QUERY), 1, 3)) {
            List<ResultPage> read = new ArrayList<>();
            assertThrows(StratusException.class, () -> AllRows.read(databaseService, null, "db", databaseService.first(), read::add));
            assertEquals(2, read.size());
            assertEquals(0, databaseService.cancels);
        }
    }
}
