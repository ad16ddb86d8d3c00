package io.stratus.ui.documentdb.internal;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The JSON commands the DocumentDB connector runs (see its {@code MongoLink}), each naming its
 * collection and, with {@code "$db"}, its database; writes name one document by its {@code _id}.
 */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** A find; an empty projection or sort, and a limit of 0, are left out (all fields, natural order, no limit). */
    public static String find(Target target, BsonDocument filter, BsonDocument projection, BsonDocument sort, int limit) {
        BsonDocument find = command("find", target).append("filter", filter);
        if (!projection.isEmpty()) {
            find.append("projection", projection);
        }
        if (!sort.isEmpty()) {
            find.append("sort", sort);
        }
        if (limit > 0) {
            find.append("limit", new BsonInt32(limit));
        }
        return DocumentJson.exact(find);
    }

    public static String aggregate(Target target, BsonArray pipeline) {
        return DocumentJson.exact(command("aggregate", target).append("pipeline", pipeline));
    }

    public static String insert(Target target, BsonDocument document) {
        return DocumentJson.exact(command("insertOne", target).append("document", document));
    }

    /** Replaces the document whose {@code _id} is {@code id} with {@code document} (which keeps that {@code _id}). */
    public static String replace(Target target, BsonValue id, BsonDocument document) {
        return DocumentJson.exact(command("replaceOne", target).append("filter", new BsonDocument("_id", id))
                .append("replacement", document));
    }

    public static String delete(Target target, BsonValue id) {
        return DocumentJson.exact(command("deleteOne", target).append("filter", new BsonDocument("_id", id)));
    }

    /** The operation first: the connector takes the first field as the operation. */
    private static BsonDocument command(String operation, Target target) {
        return new BsonDocument(operation, new BsonString(target.collection())).append("$db",
                new BsonString(target.database()));
    }

    /** A collection of a database. */
    public record Target(String database, String collection) {

        @Override
        public String toString() {
            return database + "." + collection;
        }
    }
}
