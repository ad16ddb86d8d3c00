package io.stratus.ui.documentdb.internal;

import io.stratus.core.database.ResultPage;

import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A document of a find or aggregate result: the JSON the connector read (relaxed Extended JSON,
 * which the JSON pane shows as it is) and that JSON parsed, for the tree, the table and writes by
 * its {@code _id}.
 */
public record FoundDocument(String json, BsonDocument document) {

    /** The documents of a page of results: each row holds one document's JSON. */
    public static List<FoundDocument> of(ResultPage page) {
        return page.rows().stream().map(row -> String.valueOf(row.getFirst()))
                .map(json -> new FoundDocument(json, BsonDocument.parse(json))).toList();
    }

    public Optional<BsonValue> id() {
        return Optional.ofNullable(document.get("_id"));
    }

    /** How the document is named to people: by its {@code _id}. */
    public String idText() {
        return id().map(DocumentJson::text).orElse("(no _id)");
    }
}
