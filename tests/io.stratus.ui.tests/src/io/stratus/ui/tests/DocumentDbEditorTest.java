package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.database.Login;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.ResultPage;
import io.stratus.ui.database.JsonTextDialog;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;
import io.stratus.testing.MongoWireServer;
import io.stratus.ui.documentdb.DocumentDbEditor;
import io.stratus.ui.documentdb.internal.DocumentDialogs;
import io.stratus.ui.documentdb.internal.DocumentTree;
import io.stratus.ui.documentdb.internal.QueryForm;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.results.JsonPane;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The DocumentDB editor on the MongoDB wire-protocol server of the tests (TLS and a SCRAM login, as
 * DocumentDB has), which a discovery contribution of this test puts in the Cloud Explorer: open it
 * through the connect dialog, find with a filter (and a filter that is not JSON), aggregate, insert,
 * edit and delete a document with their confirmations, and a Viewer's session without writes and
 * with the connector's refusal shown.
 */
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentDbEditorTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String REGION = "eu-west-1";
    private static final CloudService LOCAL = new CloudService("LOCAL_DOCUMENTS", "Local Test Documents", List.of(), 900);
    private static final String CLUSTER = "profiles-local";
    private static final String PEOPLE = """
            {"insertMany": "people", "documents": [
              {"_id": 1, "name": "Ada", "city": "London", "langs": ["en", "fr"],
               "address": {"street": "1 Analytical Way", "zip": "N1"}, "visits": {"$numberLong": "12"}},
              {"_id": 2, "name": "Ben", "city": "Paris", "langs": ["fr"], "visits": {"$numberLong": "3"}},
              {"_id": 3, "name": "Cleo", "city": "London", "langs": [], "visits": {"$numberLong": "7"}},
              {"_id": {"$oid": "65a0000000000000000000aa"}, "name": "Dan", "city": "Berlin",
               "since": {"$date": "2024-03-01T00:00:00Z"}}
            ]}""";

    /** More than the editor's page of 100 documents, in the database logs. */
    private static final int EVENTS = 150;

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static MongoWireServer mongo;
    private static AutoCloseable trust;
    private static ServiceRegistration<Discovery> discovery;

    @BeforeAll
    static void startTheServerAndPutItInTheExplorer() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        mongo = MongoWireServer.start();
        trust = DesktopServices.trustTheTestAuthority();
        discovery = FrameworkUtil.getBundle(DocumentDbEditorTest.class).getBundleContext().registerService(Discovery.class,
                new LocalDocumentDb(), null);
        signIn("ada");
        run(PEOPLE);
        run("{\"insertMany\": \"events\", \"$db\": \"logs\", \"documents\": [" + IntStream.rangeClosed(1, EVENTS)
                .mapToObj(n -> "{\"_id\": " + n + ", \"kind\": \"click\"}").collect(Collectors.joining(", ")) + "]}");
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        robot.closeShellsExcept(windowShell);
        if (discovery != null) {
            discovery.unregister();
        }
        session.signOut();
        if (trust != null) {
            trust.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void openFromTheExplorerAndFindWithAFilter() {
        open();
        Composite root = root();
        robot.waitUntil("the database app and its collection people to be chosen", () -> combo(root, QueryForm.DATABASE)
                .getText().equals("app") && combo(root, QueryForm.COLLECTION).getText().equals("people"));

        Text filter = field(root, QueryForm.FILTER);
        robot.type(filter, "{\"city\": London}");
        robot.waitUntil("the form to say what to fix", () -> problem(root).startsWith("The filter is not valid JSON"));
        assertTrue(problem(root).contains("Write it like {\"status\": \"open\""), problem(root));
        screenshot(windowShell, "documentdb-invalid-filter.png");
        robot.pressKey(filter, SWT.MOD1, SWT.CR, '\r');
        awaitMessage(root, "Fix the form first");

        robot.type(filter, "{\"city\": \"London\"}");
        robot.type(field(root, QueryForm.SORT), "{\"name\": -1}");
        robot.waitUntil("the form to be content", () -> problem(root).isEmpty());
        robot.pressKey(filter, SWT.MOD1, SWT.CR, '\r');
        Tree documents = awaitDocuments(root, List.of("3", "1"));
        awaitMessage(root, "2 documents in app.people");

        TreeItem ada = trees.waitForItem(documents, "1");
        assertEquals("{ 6 fields }", trees.textOf(ada, 1));
        assertEquals(List.of("_id", "name", "city", "langs", "address", "visits"), trees.childTexts(ada));
        assertEquals(List.of("visits", "12", "Int64"), columns(trees.waitForItem(documents, "1", "visits")));
        assertEquals(List.of("langs", "[ 2 elements ]", "Array"), columns(trees.waitForItem(documents, "1", "langs")));
        assertEquals(List.of("[1]", "\"fr\"", "String"), columns(trees.waitForItem(documents, "1", "langs", "[1]")));
        assertEquals(List.of("zip", "\"N1\"", "String"), columns(trees.waitForItem(documents, "1", "address", "zip")));
        trees.select(trees.waitForItem(documents, "1", "address", "zip"));
        Text json = robot.waitForControlWithData(root, Text.class, JsonPane.TEXT_KEY);
        robot.waitUntil("the selected document as JSON", () -> json.getText().contains("\"street\" : \"1 Analytical Way\""));
        assertTrue(robot.onUiThread(json::getText).contains("\"visits\" : {\n    \"$numberLong\" : \"12\"\n  }"),
                robot.onUiThread(json::getText));
        screenshot(windowShell, "documentdb-find.png");

        CTabFolder tabs = robot.waitForControlWithData(root, CTabFolder.class, DocumentDbEditor.TABS);
        robot.runOnUiThread(() -> tabs.setSelection(1));
        Table table = robot.waitForControlWithData(root, Table.class, DocumentDbEditor.TABLE);
        assertEquals(List.of("#", "_id", "name", "city", "langs", "visits", "address"), robot.onUiThread(() -> Arrays
                .stream(table.getColumns()).map(column -> column.getText()).toList()), "a column per top-level field");
        List<List<String>> rows = robot.rowsOf(table);
        assertEquals(List.of("1", "3", "Cleo", "London", "[]", "7", ""), rows.get(0));
        screenshot(windowShell, "documentdb-table.png");
        robot.runOnUiThread(() -> tabs.setSelection(0));
    }

    @Test
    @Order(2)
    void anAggregationPipelineRuns() {
        Composite root = root();
        robot.check(button(root, QueryForm.FIND), false);
        robot.check(button(root, QueryForm.AGGREGATE), true);
        Text pipeline = field(root, QueryForm.PIPELINE);
        robot.type(pipeline, "[{\"$group\": {\"_id\": \"$city\", \"people\": {\"$sum\": 1}}},\n {\"$sort\": {\"_id\": 1}}]");
        robot.pressKey(pipeline, SWT.MOD1, SWT.CR, '\r');
        Tree documents = awaitDocuments(root, List.of("\"Berlin\"", "\"London\"", "\"Paris\""));
        assertEquals(List.of("people", "2"), columns(trees.waitForItem(documents, "\"London\"", "people")).subList(0, 2));
        trees.select(trees.waitForItem(documents, "\"London\""));
        assertFalse(robot.isToolItemEnabled(root, "Edit\u2026"),
                "the documents of a pipeline are not the collection's: nothing to edit by _id");
        screenshot(windowShell, "documentdb-aggregate.png");
        robot.check(button(root, QueryForm.AGGREGATE), false);
        robot.check(button(root, QueryForm.FIND), true);
    }

    @Test
    @Order(3)
    void anotherDatabaseIsChosenAndALargeResultIsReadAPageAtATime() {
        Composite root = root();
        robot.choose(combo(root, QueryForm.DATABASE), "logs");
        robot.waitUntil("the collection events of logs", () -> combo(root, QueryForm.COLLECTION).getText().equals("events"));
        robot.type(field(root, QueryForm.FILTER), "");
        robot.type(field(root, QueryForm.SORT), "");
        robot.pressKey(field(root, QueryForm.FILTER), SWT.MOD1, SWT.CR, '\r');
        Tree documents = robot.waitForControlWithData(root, Tree.class, DocumentTree.TREE);
        awaitTopItems(documents, 101, DocumentTree.MORE);
        awaitMessage(root, "100 documents and more in logs.events");
        screenshot(windowShell, "documentdb-more.png");
        robot.awaitCompletion("a double-click on More documents\u2026", trees.doubleClick(trees.waitForItem(documents,
                DocumentTree.MORE)));
        awaitTopItems(documents, EVENTS, Integer.toString(EVENTS));
        awaitMessage(root, EVENTS + " documents read of logs.events.");
        robot.choose(combo(root, QueryForm.DATABASE), "app");
        robot.waitUntil("the collection people of app", () -> combo(root, QueryForm.COLLECTION).getText().equals("people"));
    }

    /** Waits for the tree to show {@code count} top items, the last of them {@code last}. */
    private static void awaitTopItems(Tree documents, int count, String last) {
        robot.waitUntil(count + " top items, the last " + last, () -> Job.getJobManager().find(DocumentDbEditor.JOB_FAMILY)
                .length == 0 && documents.getItemCount() == count && trees.topTexts(documents).getLast().equals(last));
    }

    @Test
    @Order(4)
    void insertEditAndDeleteADocumentAfterConfirming() throws Exception {
        Composite root = root();
        robot.pressKey(field(root, QueryForm.FILTER), SWT.MOD1, SWT.CR, '\r');
        awaitDocuments(root, List.of("1", "2", "3", "ObjectId('65a0000000000000000000aa')"));

        CompletableFuture<Void> inserting = robot.click(robot.waitForToolItem(root, "Insert\u2026"));
        Shell dialog = robot.waitForShell(DocumentDialogs.INSERT_TITLE);
        robot.type(robot.waitForControlWithData(dialog, Text.class, JsonTextDialog.TEXT),
                "{\"_id\": 5, \"name\": \"Eve\", \"city\": \"Oslo\"}");
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Insert\u2026"));
        Shell confirm = awaitConfirmation(DocumentDialogs.INSERT_TITLE, dialog);
        robot.waitForControlShowing(confirm, "Insert the document with _id 5 into app.people?");
        screenshot(confirm, "documentdb-insert-confirm.png");
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Insert"));
        robot.awaitCompletion("Insert", inserting);
        awaitMessage(root, "Inserted the document with _id 5 into app.people. 5 documents in app.people");
        Tree documents = awaitDocuments(root, List.of("1", "2", "3", "ObjectId('65a0000000000000000000aa')", "5"));
        assertEquals(List.of("{\"_id\": 5, \"name\": \"Eve\", \"city\": \"Oslo\"}"), find("{\"_id\": 5}"));

        trees.select(trees.waitForItem(documents, "5"));
        CompletableFuture<Void> editing = robot.click(robot.waitForToolItem(root, "Edit\u2026"));
        dialog = robot.waitForShell(DocumentDialogs.EDIT_TITLE);
        Text json = robot.waitForControlWithData(dialog, Text.class, JsonTextDialog.TEXT);
        assertTrue(robot.onUiThread(json::getText).contains("\"city\" : \"Oslo\""), robot.onUiThread(json::getText));
        robot.type(json, "{\"_id\": 6, \"name\": \"Eve\"}");
        TitleAreaDialog editDialog = (TitleAreaDialog) robot.onUiThread(dialog::getData);
        robot.waitUntil("the dialog to keep the _id", () -> String.valueOf(editDialog.getErrorMessage())
                .startsWith("Keep the _id as it was (5)"));
        Button ok = robot.waitForControlWithText(dialog, Button.class, "Replace\u2026");
        assertFalse(robot.onUiThread(ok::isEnabled), "OK waits for the _id");
        screenshot(dialog, "documentdb-edit-keeps-id.png");
        robot.type(json, "{\"_id\": 5, \"name\": \"Eve\", \"city\": \"Bergen\", \"langs\": [\"no\"]}");
        robot.click(ok);
        confirm = awaitConfirmation(DocumentDialogs.EDIT_TITLE, dialog);
        robot.waitForControlShowing(confirm, "Replace the document with _id 5 in app.people");
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Replace"));
        robot.awaitCompletion("Edit", editing);
        awaitMessage(root, "Replaced the document with _id 5 in app.people.");
        assertEquals(List.of("{\"_id\": 5, \"name\": \"Eve\", \"city\": \"Bergen\", \"langs\": [\"no\"]}"), find("{\"_id\": 5}"));

        documents = awaitDocuments(root, List.of("1", "2", "3", "ObjectId('65a0000000000000000000aa')", "5"));
        trees.select(trees.waitForItem(documents, "5"));
        CompletableFuture<Void> deleting = robot.click(robot.waitForToolItem(root, "Delete"));
        confirm = robot.waitForShell(DocumentDbEditor.DELETE_TITLE);
        robot.waitForControlShowing(confirm, "Delete the document with _id 5 from app.people?");
        screenshot(confirm, "documentdb-delete-confirm.png");
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Delete"));
        robot.awaitCompletion("Delete", deleting);
        awaitMessage(root, "Deleted the document with _id 5 from app.people.");
        awaitDocuments(root, List.of("1", "2", "3", "ObjectId('65a0000000000000000000aa')"));
        assertEquals(List.of(), find("{\"_id\": 5}"));
        screenshot(windowShell, "documentdb-after-delete.png");
    }

    @Test
    @Order(5)
    void aViewerFindsButCannotWriteAndTheConnectorsRefusalShows() throws Exception {
        session.signOut();
        Set<String> before = DesktopServices.setRoles("cleo", Set.of("viewer"));
        try {
            signIn("cleo");
            DocumentDbEditor editor = open();
            Composite root = root();
            robot.waitForControlShowing(root, "Read-only");
            robot.waitUntil("the collection people to be chosen", () -> combo(root, QueryForm.COLLECTION).getText()
                    .equals("people"));
            robot.pressKey(field(root, QueryForm.FILTER), SWT.MOD1, SWT.CR, '\r');
            Tree documents = awaitDocuments(root, List.of("1", "2", "3", "ObjectId('65a0000000000000000000aa')"));
            trees.select(trees.waitForItem(documents, "2"));
            for (String write : List.of("Insert\u2026", "Edit\u2026", "Delete")) {
                assertFalse(robot.isToolItemEnabled(root, write), write + " is off for a Viewer");
            }
            assertFalse(robot.isCommandEnabled(editor.getSite(), DocumentDbEditor.DELETE), "and so is its command");
            // a pipeline that writes ($out) is the connector's to refuse: the editor shows its words
            robot.check(button(root, QueryForm.FIND), false);
            robot.check(button(root, QueryForm.AGGREGATE), true);
            Text pipeline = field(root, QueryForm.PIPELINE);
            robot.type(pipeline, "[{\"$match\": {}}, {\"$out\": \"people_copy\"}]");
            robot.pressKey(pipeline, SWT.MOD1, SWT.CR, '\r');
            awaitMessage(root, "read-only");
            awaitMessage(root, "was not sent");
            screenshot(windowShell, "documentdb-viewer-refused.png");
        } finally {
            DesktopServices.setRoles("cleo", before);
        }
    }

    // ---- the person's steps

    private static void signIn(String user) {
        session.signOut();
        Seed.AccessKey key = DemoDesktop.keyOf(user);
        try {
            session.signIn(new AwsCredentials(key.id(), Secret.of(key.secret()), null)).get(UI_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("Signing in as " + user + " failed", e);
        }
    }

    /** Opens the test's cluster from the explorer through the connect dialog, as a person does; returns its editor. */
    private static DocumentDbEditor open() {
        Tree explorer = DemoDesktop.showExplorer(robot, window);
        TreeItem item = trees.waitForItem(explorer, top -> true, LOCAL.displayName(), REGION, CLUSTER);
        CompletableFuture<Void> dialogClosed = trees.doubleClick(item);
        Shell dialog = robot.waitForShell("Connect to " + CLUSTER);
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.USER), mongo.user());
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.PASSWORD), mongo.password());
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        try {
            robot.waitUntil("the connect dialog of " + CLUSTER + " to close", dialog::isDisposed);
        } catch (AssertionError stillOpen) {
            screenshot(dialog, "documentdb-connect-failed.png");
            throw stillOpen;
        }
        robot.awaitCompletion("the connect dialog of " + CLUSTER, dialogClosed);
        return robot.waitFor("the DocumentDB editor of " + CLUSTER, () -> Optional.ofNullable(
                window.getActivePage().getActiveEditor()).filter(DocumentDbEditor.class::isInstance)
                .map(DocumentDbEditor.class::cast).filter(editor -> editor.getPartName().startsWith(CLUSTER + "/")));
    }

    /** The open DocumentDB editor's own controls: its tool bar, form, documents and messages. */
    private static Composite root() {
        Tree tree = robot.waitForControlWithData(windowShell, Tree.class, DocumentTree.TREE);
        return robot.onUiThread(() -> tree.getParent().getParent().getParent());
    }

    /**
     * A screenshot once what was just typed is painted: GTK paints a text field's new text when the
     * UI thread is idle, which {@code Shell.update()} does not wait for.
     */
    private static void screenshot(Shell shell, String name) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        robot.screenshot(shell, SCREENSHOTS.resolve(name));
    }

    /** The top-level items of the documents tree, once the editor has finished running and shows these. */
    private static Tree awaitDocuments(Composite root, List<String> ids) {
        Tree tree = robot.waitForControlWithData(root, Tree.class, DocumentTree.TREE);
        try {
            robot.waitUntil("the documents " + ids, () -> Job.getJobManager().find(DocumentDbEditor.JOB_FAMILY).length == 0
                    && trees.topTexts(tree).equals(ids));
        } catch (AssertionError notShown) {
            throw new AssertionError(notShown.getMessage() + "; the tree shows " + trees.topTexts(tree) + ", the message: "
                    + robot.textOf(robot.waitForControlWithData(root, Text.class, DocumentDbEditor.MESSAGE)), notShown);
        }
        return tree;
    }

    private static void awaitMessage(Composite root, String part) {
        Text message = robot.waitForControlWithData(root, Text.class, DocumentDbEditor.MESSAGE);
        robot.waitUntil("the message to say '" + part + "' (it says '" + robot.textOf(message) + "')",
                () -> message.getText().contains(part));
    }

    /** The confirmation that follows a dialog's OK (which has the same title). */
    private static Shell awaitConfirmation(String title, Shell dialog) {
        robot.waitUntil("the dialog to close", dialog::isDisposed);
        return robot.waitForShell(title);
    }

    private static List<String> columns(TreeItem item) {
        return List.of(trees.textOf(item, 0), trees.textOf(item, 1), trees.textOf(item, 2));
    }

    private static String problem(Composite root) {
        return robot.onUiThread(() -> robot.findControlWithData(root, Label.class, QueryForm.PROBLEM).orElseThrow().getText());
    }

    private static Text field(Composite root, String key) {
        return robot.waitForControlWithData(root, Text.class, key);
    }

    private static Combo combo(Composite root, String key) {
        return robot.findControlWithData(root, Combo.class, key).orElseThrow();
    }

    private static Button button(Composite root, String key) {
        return robot.waitForControlWithData(root, Button.class, key);
    }

    // ---- the database, through another connection than the editor's

    /** The documents a find returns, as the connector's JSON. */
    private static List<Object> find(String filter) {
        return run("{\"find\": \"people\", \"filter\": " + filter + "}").rows().stream().map(row -> row.getFirst()).toList();
    }

    /** Runs a statement on a connection of its own, as the person signed in (ada). */
    private static ResultPage run(String statement) {
        DatabaseService databases = DesktopServices.service(DatabaseService.class);
        UserSession ada = session.signedIn().orElseThrow().session();
        OpenDatabase opened = databases.open(ada, discovered(ada).id(), new Login.Password(mongo.user(),
                Optional.of(Secret.of(mongo.password()))), Optional.of("app"));
        try {
            return databases.execute(ada, opened.id(), statement, 100);
        } finally {
            databases.close(ada, opened.id());
        }
    }

    /** The test's cluster as the explorer's services found it for the person. */
    private static CloudResource discovered(UserSession person) {
        Instant deadline = Instant.now().plus(UI_TIMEOUT);
        while (true) {
            Optional<CloudResource> found = DesktopServices.service(CloudExplorer.class).tree(person).allResources().stream()
                    .filter(resource -> resource.name().equals(CLUSTER)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The explorer's services did not find " + CLUSTER);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The test's server as DocumentDB's discovery would find an instance: on loopback, in eu-west-1 of the account. */
    private static final class LocalDocumentDb implements Discovery {

        @Override
        public CloudService service() {
            return LOCAL;
        }

        @Override
        public Found scan(Scan scan, ScanScope scope) {
            if (!scope.region().equals(REGION)) {
                return Found.all(List.of());
            }
            return Found.all(List.of(new CloudResource(scope.arn("rds", "db:" + CLUSTER), LOCAL, scope.region(), CLUSTER,
                    "instance", "docdb", "5.0.0", "available", Optional.of(new CloudResource.Endpoint("127.0.0.1",
                            mongo.port())), Optional.of("app"), false, true, Map.of(), Map.of(), List.of())));
        }
    }
}
