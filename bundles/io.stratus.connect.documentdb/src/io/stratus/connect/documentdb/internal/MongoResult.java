package io.stratus.connect.documentdb.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.StatementResult;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Documents read from a server cursor a page at a time, each as one value: its relaxed Extended
 * JSON (what people read and write in MongoDB tools), except that 64-bit integers keep their type
 * as {@code {"$numberLong": "n"}} (relaxed JSON writes them as plain numbers, which read back as
 * 32-bit ones when small: a document edited and written back would change type). Cancel closes
 * the cursor, which the server then drops.
 */
final class MongoResult implements StatementResult {

    static final List<ResultColumn> DOCUMENT = List.of(new ResultColumn("document", "json"));
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .int64Converter((value, writer) -> {
                writer.writeStartObject();
                writer.writeString("$numberLong", Long.toString(value));
                writer.writeEndObject();
            }).build();

    private final MongoCursor<Document> cursor;
    private volatile boolean cancelled;
    private boolean exhausted;

    MongoResult(MongoCursor<Document> cursor) {
        this.cursor = cursor;
    }

    @Override
    public List<ResultColumn> columns() {
        return DOCUMENT;
    }

    @Override
    public OptionalLong updateCount() {
        return OptionalLong.empty();
    }

    @Override
    public List<List<Object>> nextPage(int maxRows) {
        List<List<Object>> page = new ArrayList<>();
        if (exhausted && !cancelled) {
            return page;
        }
        try {
            while (page.size() < maxRows && cursor.hasNext()) {
                page.add(List.of(cursor.next().toJson(JSON)));
            }
        } catch (MongoException | IllegalStateException e) {
            if (cancelled) {
                throw new StratusException(Problem.CONFLICT, "The statement was cancelled.", e);
            }
            cursor.close();
            throw e instanceof MongoException mongo ? MongoErrors.explain(mongo, "reading the documents")
                    : new StratusException(Problem.CONFLICT, "The documents cannot be read any more: " + e.getMessage(), e);
        }
        if (cancelled) { // the closed cursor may just have stopped giving documents
            throw new StratusException(Problem.CONFLICT, "The statement was cancelled.");
        }
        if (page.size() < maxRows) {
            exhausted = true;
            cursor.close();
        }
        return page;
    }

    /** From any thread: the reader then gets a CONFLICT that says so. */
    void cancel() {
        cancelled = true;
        cursor.close();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
