package io.stratus.ui.admin.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;
import io.stratus.results.CsvResultWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** Audit entries as CSV, written by the results' CSV writer (RFC 4180 quoting, ISO-8601 times in UTC). */
final class AuditCsv {

    private static final List<ResultColumn> COLUMNS = Arrays.stream(
            new String[] {"when", "principal_id", "name", "action", "outcome", "detail"})
            .map(name -> new ResultColumn(name, "text")).toList();

    private AuditCsv() {
    }

    static void write(List<AuditRow> rows, Writer out) throws IOException {
        List<List<Object>> values = rows.stream().<List<Object>>map(row -> Arrays.asList(row.record().at(),
                row.record().actor(), row.name(), row.record().action(), row.record().outcome(), row.record().detail()))
                .toList();
        CsvResultWriter.writeHeader(COLUMNS, out);
        CsvResultWriter.writeRows(new ResultPage(0, COLUMNS, values, OptionalLong.empty(), false), out);
    }
}
