package io.stratus.connect.documentdb.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.FixedResult;
import io.stratus.core.connector.StatementResult;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;

import org.bson.BsonInvalidOperationException;
import org.bson.Document;
import org.bson.json.JsonParseException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One person's connection to a DocumentDB cluster. A statement is a JSON document naming, as
 * mongosh does, what to do and on which collection: {@code find} (with {@code filter},
 * {@code projection}, {@code sort}, {@code skip}, {@code limit}), {@code aggregate} (with
 * {@code pipeline}), {@code count} (with {@code filter}), {@code insertOne} ({@code document}),
 * {@code insertMany} ({@code documents}), {@code updateOne} and {@code updateMany} ({@code filter},
 * {@code update}), {@code replaceOne} ({@code filter}, {@code replacement}; it counts the document
 * it matched, changed or not, so that 0 says the document is gone), {@code deleteOne} and
 * {@code deleteMany} ({@code filter}); {@code "$db"} names another database than the connection's. A read-only link refuses writes before sending them.
 */
public final class MongoLink implements DatabaseLink {

    /** The server's own databases, not the person's data. */
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final Set<String> WRITE_STAGES = Set.of("$out", "$merge");
    private static final int BATCH = 500;

    private final MongoClient client;
    private final Optional<String> database;
    private final AccessMode mode;
    private volatile MongoResult running;

    public MongoLink(MongoClient client, Optional<String> database, AccessMode mode) {
        this.client = client;
        this.database = database;
        this.mode = mode;
    }

    @Override
    public void test() {
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            throw MongoErrors.explain(e, "testing the connection");
        }
    }

    @Override
    public List<CatalogEntry> browse(List<String> path) {
        try {
            List<CatalogEntry> items = new ArrayList<>();
            switch (path.size()) {
                case 0 -> client.listDatabaseNames().forEach(name -> {
                    if (!SYSTEM_DATABASES.contains(name)) {
                        items.add(new CatalogEntry(name, "database", ""));
                    }
                });
                case 1 -> client.getDatabase(path.get(0)).listCollectionNames()
                        .forEach(name -> items.add(new CatalogEntry(name, "collection", "")));
                case 2 -> client.getDatabase(path.get(0)).getCollection(path.get(1)).listIndexes()
                        .forEach(index -> items.add(new CatalogEntry(index.getString("name"), "index",
                                index.get("key", Document.class).toJson())));
                default -> throw new StratusException(Problem.INVALID_INPUT, "Indexes are the deepest level of the catalog:"
                        + " give at most a database and a collection.");
            }
            items.sort(Comparator.comparing(CatalogEntry::name));
            return items;
        } catch (MongoException e) {
            throw MongoErrors.explain(e, "reading the catalog");
        }
    }

    @Override
    public StatementResult execute(String statement) {
        Document command = parse(statement);
        String operation = command.keySet().stream().filter(key -> !key.equals("$db")).findFirst()
                .orElseThrow(() -> invalid("The statement names no operation."));
        MongoCollection<Document> collection = database(command).getCollection(text(command, operation));
        boolean writes = switch (operation) {
            case "insertOne", "insertMany", "updateOne", "updateMany", "replaceOne", "deleteOne", "deleteMany" -> true;
            case "aggregate" -> documents(command, "pipeline").stream().anyMatch(stage -> stage.keySet().stream()
                    .anyMatch(WRITE_STAGES::contains));
            default -> false;
        };
        if (writes && mode == AccessMode.READ_ONLY) {
            throw new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you "
                    + "read data, not change it): the " + operation + " was not sent.");
        }
        try {
            return switch (operation) {
                case "find" -> reading(collection.find(document(command, "filter"))
                        .projection(optionalDocument(command, "projection"))
                        .sort(optionalDocument(command, "sort"))
                        .skip(command.getInteger("skip", 0))
                        .limit(command.getInteger("limit", 0))
                        .batchSize(BATCH).iterator());
                case "aggregate" -> reading(collection.aggregate(documents(command, "pipeline")).batchSize(BATCH).iterator());
                case "count" -> FixedResult.rows(List.of(new ResultColumn("count", "long")),
                        List.of(List.of(collection.countDocuments(document(command, "filter")))));
                case "insertOne" -> {
                    collection.insertOne(document(command, "document"));
                    yield FixedResult.changed(1);
                }
                case "insertMany" -> FixedResult.changed(collection.insertMany(documents(command, "documents")).getInsertedIds().size());
                case "updateOne" -> FixedResult.changed(collection.updateOne(document(command, "filter"),
                        document(command, "update")).getModifiedCount());
                case "updateMany" -> FixedResult.changed(collection.updateMany(document(command, "filter"),
                        document(command, "update")).getModifiedCount());
                case "replaceOne" -> FixedResult.changed(collection.replaceOne(document(command, "filter"),
                        document(command, "replacement")).getMatchedCount());
                case "deleteOne" -> FixedResult.changed(collection.deleteOne(document(command, "filter")).getDeletedCount());
                case "deleteMany" -> FixedResult.changed(collection.deleteMany(document(command, "filter")).getDeletedCount());
                default -> throw invalid("Unknown operation '" + operation + "'. Use find, aggregate, count, insertOne,"
                        + " insertMany, updateOne, updateMany, replaceOne, deleteOne or deleteMany, such as"
                        + " {\"find\": \"orders\", \"filter\": {\"status\": \"open\"}, \"limit\": 20}.");
            };
        } catch (MongoException e) {
            throw MongoErrors.explain(e, "running the " + operation);
        } catch (ClassCastException e) {
            throw invalid("A field of the " + operation + " has the wrong type: " + e.getMessage());
        }
    }

    @Override
    public void cancel() {
        MongoResult result = running;
        if (result != null) {
            result.cancel();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private StatementResult reading(MongoCursor<Document> cursor) {
        MongoResult result = new MongoResult(cursor);
        running = result;
        return result;
    }

    private MongoDatabase database(Document command) {
        String name = command.containsKey("$db") ? text(command, "$db") : database.orElseThrow(() -> invalid(
                "Name the database: open the connection with one, or give \"$db\" in the statement."));
        return client.getDatabase(name);
    }

    private static Document parse(String statement) {
        if (statement == null || statement.isBlank()) {
            throw invalid("The statement is empty.");
        }
        try {
            return Document.parse(statement);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw invalid("The statement is not a JSON document: " + e.getMessage()
                    + ". Write it like {\"find\": \"orders\", \"filter\": {}}.");
        }
    }

    private static String text(Document command, String field) {
        if (!(command.get(field) instanceof String value) || value.isBlank()) {
            throw invalid("\"" + field + "\" must name a collection (or a database, for $db).");
        }
        return value;
    }

    private static Document document(Document command, String field) {
        Document value = optionalDocument(command, field);
        return value == null ? new Document() : value;
    }

    private static Document optionalDocument(Document command, String field) {
        Object value = command.get(field);
        if (value != null && !(value instanceof Document)) {
            throw invalid("\"" + field + "\" must be a JSON object.");
        }
        return (Document) value;
    }

    private static List<Document> documents(Document command, String field) {
        if (!(command.get(field) instanceof List<?> values) || values.stream().anyMatch(v -> !(v instanceof Document))) {
            throw invalid("\"" + field + "\" must be a list of JSON objects.");
        }
        return values.stream().map(Document.class::cast).toList();
    }

    private static StratusException invalid(String message) {
        return new StratusException(Problem.INVALID_INPUT, message);
    }
}
