package io.stratus.connect.jdbc;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.connector.StatementResult;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** The rows of one statement, read from the open cursor a page at a time. */
final class JdbcResult implements StatementResult {

    private final JdbcLink link;
    private final Statement statement;
    private final ResultSet rows;
    private final List<ResultColumn> columns;
    private final JdbcValues.ValueReader[] readers;
    private final OptionalLong updateCount;
    private boolean exhausted;
    private boolean closed;

    JdbcResult(JdbcLink link, Statement statement, ResultSet rows) throws SQLException {
        this.link = link;
        this.statement = statement;
        this.rows = rows;
        ResultSetMetaData metadata = rows.getMetaData();
        List<ResultColumn> described = new ArrayList<>();
        this.readers = new JdbcValues.ValueReader[metadata.getColumnCount()];
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            described.add(new ResultColumn(metadata.getColumnLabel(i), metadata.getColumnTypeName(i)));
            readers[i - 1] = JdbcValues.readerFor(metadata, i);
        }
        this.columns = List.copyOf(described);
        this.updateCount = OptionalLong.empty();
    }

    private JdbcResult(JdbcLink link, Statement statement, long updateCount) {
        this.link = link;
        this.statement = statement;
        this.rows = null;
        this.columns = List.of();
        this.readers = new JdbcValues.ValueReader[0];
        this.updateCount = OptionalLong.of(updateCount);
        this.exhausted = true;
    }

    /** A statement that changed rows: it is committed at once. */
    static JdbcResult updated(JdbcLink link, Statement statement, long count) {
        JdbcResult result = new JdbcResult(link, statement, count);
        result.close();
        return result;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public OptionalLong updateCount() {
        return updateCount;
    }

    @Override
    public List<List<Object>> nextPage(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("A page has at least one row, not " + maxRows);
        }
        List<List<Object>> page = new ArrayList<>(Math.min(maxRows, JdbcLink.FETCH_SIZE));
        if (exhausted) {
            return page;
        }
        try {
            while (page.size() < maxRows && rows.next()) {
                Object[] row = new Object[readers.length];
                for (int i = 0; i < readers.length; i++) {
                    row[i] = readers[i].read(rows, i + 1);
                }
                page.add(Arrays.asList(row));
            }
            if (page.size() < maxRows) {
                exhausted = true;
                close();
            }
            return page;
        } catch (SQLException e) {
            closed = true;
            JdbcLink.closeQuietly(rows);
            JdbcLink.closeQuietly(statement);
            link.failed(statement);
            throw SqlErrors.explain(e, "reading the rows");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (rows != null) {
            JdbcLink.closeQuietly(rows);
        }
        JdbcLink.closeQuietly(statement);
        link.finished(statement);
    }
}
