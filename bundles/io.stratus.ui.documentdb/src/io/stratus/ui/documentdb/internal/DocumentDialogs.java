package io.stratus.ui.documentdb.internal;

import io.stratus.ui.database.JsonTextDialog;
import io.stratus.ui.documentdb.internal.DocumentCommands.Target;

import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.eclipse.swt.widgets.Shell;

/**
 * The JSON dialogs ({@link JsonTextDialog}) of a document to insert, or of the selected document to change: a
 * document may be written once it is valid JSON, and an edited document keeps its {@code _id}, by which it is
 * replaced.
 */
public final class DocumentDialogs {

    public static final String INSERT_TITLE = "Insert Document";
    public static final String EDIT_TITLE = "Edit Document";
    private static final String EXAMPLE = "{\"name\": \"Ada\", \"langs\": [\"en\"]}";

    private DocumentDialogs() {
    }

    public static JsonTextDialog insert(Shell parent, Target target) {
        return new JsonTextDialog(parent, INSERT_TITLE, "A document for " + target + ", as JSON. Without an _id, the "
                + "database gives it one.", "Insert\u2026", "{\n  \n}", text -> problemOf(text, Optional.empty()));
    }

    /** The document's JSON, indented, to change; it is replaced by its _id. */
    public static JsonTextDialog edit(Shell parent, Target target, FoundDocument found, String indented) {
        return new JsonTextDialog(parent, EDIT_TITLE, "The document with _id " + found.idText() + " of " + target
                + ". What you write here replaces it, after you confirm.", "Replace\u2026", indented,
                text -> problemOf(text, found.id()));
    }

    /** The document written in one of these dialogs, once its OK was pressed. */
    public static BsonDocument document(JsonTextDialog written) {
        return DocumentJson.document("The document", written.json(), EXAMPLE);
    }

    /** What to fix before the text can be written, if anything. */
    private static Optional<String> problemOf(String text, Optional<BsonValue> keptId) {
        try {
            BsonValue id = DocumentJson.document("The document", text, EXAMPLE).get("_id");
            if (keptId.isPresent() && id != null && !id.equals(keptId.get())) {
                return Optional.of("Keep the _id as it was (" + DocumentJson.text(keptId.get()) + "): the document is "
                        + "replaced by its _id. To store a copy under another _id, use Insert.");
            }
            return Optional.empty();
        } catch (InvalidJson invalid) {
            return Optional.of(invalid.getMessage());
        }
    }
}
