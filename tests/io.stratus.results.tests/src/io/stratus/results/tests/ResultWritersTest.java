package io.stratus.results.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratus.core.StratusException;
import io.stratus.core.database.ResultPage;
import io.stratus.core.database.ResultColumn;
import io.stratus.results.AllRows;
import io.stratus.results.CsvResultWriter;
import io.stratus.results.DisplayText;
import io.stratus.results.JsonResultWriter;
import io.stratus.results.NdjsonResultWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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

    /** A reader that goes away (the client hung up) lets go of the statement. */
    @Test
    void aReaderGoingAwayCancelsTheStatement() {
        IOException gone = new IOException("the client went away");
        try (PagedDatabaseService databaseService = new PagedDatabaseService(postgres.execute(QUERY), 1, 0)) {
            AtomicInteger pages = new AtomicInteger();
            assertSame(gone, assertThrows(IOException.class, () -> AllRows.read(databaseService, null, "db", databaseService.first(),
                    page -> {
                        if (pages.incrementAndGet() == 3) {
                            throw gone;
                        }
                    })));
            assertEquals(1, databaseService.cancels);
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
