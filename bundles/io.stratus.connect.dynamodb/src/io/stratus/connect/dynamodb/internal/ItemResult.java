package io.stratus.connect.dynamodb.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.StatementResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items read from DynamoDB one response at a time, as it pages them (1 MB or {@code Limit} items
 * per response): a response is asked for only when the rows already read are used up. Each row
 * holds the table's key attributes, then the whole item in DynamoDB JSON.
 *
 * @param <C> where DynamoDB continues: a last evaluated key, or a PartiQL next token
 */
final class ItemResult<C> implements StatementResult {

    /** Reads the page after {@code cursor} ({@code null}: the first). */
    @FunctionalInterface
    interface PageReader<C> {
        Page<C> read(C cursor);
    }

    /** One response's items, and where the next continues ({@code null} when this was the last). */
    record Page<C>(List<Map<String, AttributeValue>> items, C next) {
    }

    private final TableShape table;
    private final PageReader<C> reader;
    private final Queue<Map<String, AttributeValue>> unread = new ArrayDeque<>();
    /** Where each item's JSON is written on its way to the row. */
    private final StringBuilder itemJson = new StringBuilder(256);
    private C next;
    private boolean lastRead;
    private volatile boolean cancelled;

    ItemResult(TableShape table, PageReader<C> reader) {
        this.table = table;
        this.reader = reader;
    }

    /** Reads the first page now, so that a refused statement fails when it is run. */
    void readFirstPage() {
        readPage();
    }

    @Override
    public List<ResultColumn> columns() {
        return table.columns();
    }

    @Override
    public OptionalLong updateCount() {
        return OptionalLong.empty();
    }

    @Override
    public List<List<Object>> nextPage(int maxRows) {
        List<List<Object>> rows = new ArrayList<>(Math.min(maxRows, 1024));
        while (rows.size() < maxRows) {
            if (cancelled) {
                throw cancelledError();
            }
            if (unread.isEmpty()) {
                if (lastRead) {
                    break;
                }
                readPage();
                continue;
            }
            rows.add(table.row(unread.poll(), itemJson));
        }
        return rows;
    }

    private void readPage() {
        if (cancelled) {
            throw cancelledError();
        }
        Page<C> page = reader.read(next);
        unread.addAll(page.items());
        next = page.next();
        lastRead = next == null;
    }

    /** From any thread: no further page is asked for, and the reader hears that it was cancelled. */
    void cancel() {
        cancelled = true;
    }

    private static StratusException cancelledError() {
        return new StratusException(Problem.CONFLICT, "The statement was cancelled.");
    }

    @Override
    public void close() {
        unread.clear();
        lastRead = true;
    }
}
