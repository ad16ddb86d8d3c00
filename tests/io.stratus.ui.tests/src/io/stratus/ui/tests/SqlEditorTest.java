package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.sql.SqlEditor;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
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

/**
 * Opening a database from the Cloud Explorer into the SQL editor and working in it, against real
 * PostgreSQL and MariaDB servers that a discovery contribution of the tests puts in the explorer
 * ({@link LocalDatabases}): open through the connect dialog, Ctrl+Enter, a script, auto-commit
 * off with commit and rollback, cancel, a Viewer's refused write, closing the editor and signing out,
 * and opening with IAM database authentication, whose token the AWS simulator checks at login and
 * which, like the person's secret key, the desktop writes nowhere.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlEditorTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    /** A PostgreSQL user who logs in with IAM database authentication only. */
    private static final String IAM_USER = "iam_reader";

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static LocalDatabases local;
    private static LocalDatabases.Database postgres;
    private static LocalDatabases.Database mariadb;
    /** The tokens IAM logins to {@code pg-shop} sent, as the simulator checked them. */
    private static List<LocalDatabases.CheckedToken> iamTokens;

    @BeforeAll
    static void startTheDatabasesAndPutThemInTheExplorer() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        local = LocalDatabases.start();
        postgres = local.postgres(List.of("CREATE TABLE items (name text PRIMARY KEY, price numeric(8,2))",
                "INSERT INTO items VALUES ('apple', 0.50), ('bread', 2.10), ('cheese', 7.25)",
                "CREATE ROLE " + IAM_USER + " LOGIN", "GRANT SELECT ON items TO " + IAM_USER));
        mariadb = local.mariadb(List.of("CREATE TABLE items (name varchar(40) PRIMARY KEY, price decimal(8,2))",
                "INSERT INTO items VALUES ('apple', 0.50), ('bread', 2.10)"));
        local.inTheExplorer("pg-shop", "postgres", postgres, true);
        local.inTheExplorer("maria-shop", "mariadb", mariadb, false);
        iamTokens = local.iamLogins(postgres, IAM_USER);
    }

    @AfterAll
    static void stopTheDatabases() throws Exception {
        robot.closeShellsExcept(windowShell);
        session.signOut();
        if (local != null) {
            local.close();
        }
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void openFromTheExplorerRunTheStatementAtTheCaretAndRememberIt() {
        signIn("ada");
        SqlEditor editor = open("pg-shop", postgres.server().user(), Optional.of(postgres.server().password()));
        assertEquals("pg-shop/" + postgres.name(), robot.onUiThread(editor::getPartName));
        DatabaseEditorInput input = robot.onUiThread(() -> (DatabaseEditorInput) editor.getEditorInput());
        assertFalse(input.toString().contains(postgres.server().password()), input.toString());
        assertFalse(input.readOnly(), "ada may write");

        StyledText text = editorText(editor);
        String script = "select 1 as one;\n\nselect name, price from items order by name;\n";
        type(text, script, script.indexOf("items"));
        robot.pressKey(text, SWT.MOD1, SWT.CR, '\r');
        awaitRows(editor, 3);
        awaitMessages(editor, "select name, price from items order by name\n  3 rows in ");
        assertEquals(script, robot.onUiThread(text::getText), "Ctrl+Enter runs, it does not type a line break");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-statement.png"));

        // the statement is in the connection's history, which puts it back at the caret
        String ran = "select name, price from items order by name";
        robot.runOnUiThread(() -> text.setCaretOffset(text.getCharCount()));
        CompletableFuture<Void> history = robot.click(robot.waitForToolItem(root(editor), "History\u2026"));
        Shell chooser = robot.waitForShell("SQL History");
        Table statements = robot.waitForControl(chooser, Table.class);
        assertEquals(List.of(List.of(ran)), robot.rowsOf(statements), "the last statement run, not the one beside it");
        robot.selectRow(statements, ran);
        robot.click(robot.waitForControlWithText(chooser, Button.class, "OK"));
        robot.awaitCompletion("choosing from the history", history);
        assertEquals(script + ran, robot.onUiThread(text::getText));
    }

    @Test
    @Order(2)
    void completionOffersTheCatalogsTablesAndAnAliassColumns() {
        SqlEditor editor = activeSqlEditor();
        StyledText text = editorText(editor);
        type(text, "select * from ", "select * from ".length());
        robot.pressKey(text, SWT.MOD1, ' ', ' ');
        assertTrue(awaitProposals("items").contains("items  table"), "read from the catalog in a Job, then proposed");
        robot.pressKey(text, SWT.NONE, SWT.ESC, (char) 27);
        String aliased = "select i. from items i";
        type(text, aliased, "select i.".length());
        robot.pressKey(text, SWT.MOD1, ' ', ' ');
        List<String> columns = awaitProposals("price");
        assertTrue(columns.stream().anyMatch(proposal -> proposal.startsWith("name  column")), columns.toString());
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-completion.png"));
        robot.pressKey(text, SWT.NONE, SWT.ESC, (char) 27);
    }

    /** The proposals of the content assist popup, once one of them starts with {@code expected}. */
    private static List<String> awaitProposals(String expected) {
        try {
            return proposals(expected);
        } catch (AssertionError none) {
            robot.screenshotOfDisplay(SCREENSHOTS.resolve("sql-editor-no-proposals.png"));
            throw new AssertionError(none.getMessage() + "; shells: " + robot.onUiThread(() -> Arrays.stream(
                    PlatformUI.getWorkbench().getDisplay().getShells()).map(shell -> shell.getText() + " visible="
                            + shell.isVisible() + " tables=" + tables(shell).stream().map(table -> Arrays.stream(
                                    table.getItems()).map(item -> item.getText()).toList()).toList()).toList()), none);
        }
    }

    private static List<String> proposals(String expected) {
        return robot.waitFor("a proposal " + expected, () -> Arrays.stream(PlatformUI.getWorkbench().getDisplay().getShells())
                .filter(shell -> shell != windowShell && shell.isVisible()).flatMap(shell -> tables(shell).stream())
                .map(table -> Arrays.stream(table.getItems()).map(item -> item.getText()).toList())
                .filter(items -> items.stream().anyMatch(item -> item.startsWith(expected))).findFirst());
    }

    private static List<Table> tables(Composite root) {
        List<Table> found = new ArrayList<>();
        for (org.eclipse.swt.widgets.Control child : root.getChildren()) {
            if (child instanceof Table table) {
                found.add(table);
            } else if (child instanceof Composite composite) {
                found.addAll(tables(composite));
            }
        }
        return found;
    }

    @Test
    @Order(3)
    void aScriptRunsStatementByStatementWithTheDialectsQuotesAndComments() throws SQLException {
        SqlEditor editor = activeSqlEditor();
        String script = """
                -- a comment; with a semicolon
                create table notes (id int primary key, body text);
                insert into notes values (1, 'it''s; fine'), (2, $$dollar; quoted$$);
                /* block; comment */ update notes set body = body || '!' where id = 2;
                select id, body from notes order by id
                """;
        type(editorText(editor), script, 0);
        robot.pressKey(editorText(editor), SWT.MOD3, 'x', 'x');
        awaitMessages(editor, "4 of 4 statements ran.");
        awaitRows(editor, 2);
        assertEquals(List.of("it's; fine", "dollar; quoted!"), column(postgres,
                "select body from notes order by id"));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-script.png"));
    }

    @Test
    @Order(4)
    void withAutoCommitOffChangesWaitForCommitOrRollback() throws SQLException {
        SqlEditor editor = activeSqlEditor();
        robot.click(robot.waitForToolItem(root(editor), "Auto-Commit"));
        awaitMessages(editor, "Auto-commit is off");
        run(editor, "insert into items values ('dates', 4.00)");
        awaitMessages(editor, "1 row changed");
        assertEquals(List.of("3"), column(postgres, "select count(*) from items"),
                "others do not see what is not committed");
        robot.click(robot.waitForToolItem(root(editor), "Rollback"));
        awaitMessages(editor, "Rolled back.");
        run(editor, "insert into items values ('eggs', 3.20)");
        awaitMessages(editor, "1 row changed");
        robot.click(robot.waitForToolItem(root(editor), "Commit"));
        awaitMessages(editor, "Committed.");
        assertEquals(List.of("apple", "bread", "cheese", "eggs"), column(postgres,
                "select name from items order by name"));
        robot.click(robot.waitForToolItem(root(editor), "Auto-Commit"));
        awaitMessages(editor, "Auto-commit is on");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-transaction.png"));
    }

    @Test
    @Order(5)
    void cancelStopsALongStatement() {
        SqlEditor editor = activeSqlEditor();
        run(editor, "select pg_sleep(120)");
        robot.waitUntil("the statement to run", () -> Job.getJobManager().find(SqlEditor.JOB_FAMILY).length == 1
                && robot.isToolItemEnabled(root(editor), "Cancel"));
        // cancelled while PostgreSQL runs it (one cancelled on its way there is the connector tests')
        robot.waitUntil("pg_sleep running in PostgreSQL", () -> runningInPostgres("select pg_sleep(120)"));
        long started = System.nanoTime();
        robot.click(robot.waitForToolItem(root(editor), "Cancel"));
        awaitMessages(editor, "Cancelled");
        robot.waitUntil("the run to end", () -> Job.getJobManager().find(SqlEditor.JOB_FAMILY).length == 0);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 20, "cancelled, not waited out");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-cancelled.png"));
        run(editor, "select count(*) from items");
        awaitRows(editor, 1); // the connection works on
    }

    @Test
    @Order(6)
    void closingTheEditorClosesTheConnection() {
        SqlEditor editor = activeSqlEditor();
        String connection = robot.onUiThread(() -> ((DatabaseEditorInput) editor.getEditorInput()).connectionId());
        DatabaseService databases = service(DatabaseService.class);
        UserSession ada = session.signedIn().orElseThrow().session();
        assertTrue(databases.list(ada).stream().anyMatch(open -> open.id().equals(connection)));
        robot.runOnUiThread(() -> window.getActivePage().closeEditor(editor, false));
        robot.waitUntil("the connection to close", () -> databases.list(ada).stream().noneMatch(open -> open.id().equals(connection)));
    }

    @Test
    @Order(7)
    void mariaDbOpensInTheSqlEditorWithItsOwnDialect() {
        SqlEditor editor = open("maria-shop", mariadb.server().user(), Optional.of(mariadb.server().password()));
        // "2--1" is 2 - -1 in MariaDB, not a comment: the line holds two statements
        type(editorText(editor), "# MariaDB's comment; with a semicolon\nselect 2--1 as three; select `name` from items "
                + "where name <> 'it\\'s' order by 1;\n", 0);
        robot.pressKey(editorText(editor), SWT.MOD3, 'x', 'x');
        awaitRows(editor, 2);
        awaitMessages(editor, "2 rows in ");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-mariadb.png"));
    }

    @Test
    @Order(8)
    void signingOutClosesTheDatabaseEditors() {
        assertTrue(robot.onUiThread(() -> window.getActivePage().getEditorReferences().length) > 0);
        session.signOut();
        robot.waitUntil("the database editors to close", () -> Arrays.stream(window.getActivePage().getEditorReferences())
                .noneMatch(reference -> reference.getId().equals(SqlEditor.ID)));
    }

    @Test
    @Order(9)
    void aViewersSessionCannotWrite() throws SQLException {
        DesktopServices.setRoles("cleo", Set.of("viewer"));
        signIn("cleo");
        SqlEditor editor = open("pg-shop", postgres.server().user(), Optional.of(postgres.server().password()));
        robot.waitForControlShowing(root(editor), "Read-only");
        run(editor, "delete from items");
        awaitMessages(editor, "read-only");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-viewer-refused.png"));
        assertEquals(List.of("4"), column(postgres, "select count(*) from items"));
        robot.click(robot.waitForToolItem(root(editor), "Auto-Commit"));
        awaitMessages(editor, "nothing to commit or roll back");
        run(editor, "select count(*) from items");
        awaitRows(editor, 1);
    }

    @Test
    @Order(10)
    void iamDatabaseAuthenticationOpensWithTheUserAloneAndTheTokenIsWrittenNowhere() throws Exception {
        signIn("ada");
        // Views an earlier test opened (the Audit Trail) would leave the result no room in the screenshot.
        robot.runOnUiThread(() -> window.getActivePage().resetPerspective());
        SqlEditor editor = open("pg-shop", IAM_USER, Optional.empty());
        run(editor, "select current_user, count(*) from items");
        awaitMessages(editor, "select current_user, count(*) from items\n  1 rows in ");
        List<String> row = robot.rowsOf(awaitRows(editor, 1)).getFirst();
        assertTrue(row.contains(IAM_USER), "logged in as the IAM user: " + row);
        robot.screenshot(windowShell, SCREENSHOTS.resolve("sql-editor-iam.png"));
        String ada = session.signedIn().orElseThrow().session().identity().arn();
        assertFalse(iamTokens.isEmpty(), "the login sent a token in place of a password");
        assertEquals(List.of(Optional.of(ada)), iamTokens.stream().map(LocalDatabases.CheckedToken::signedBy).distinct()
                .toList(), "every token the simulator checked was signed with ada's own keys");
        List<Path> places = DemoDesktop.dataAndLogs();
        for (LocalDatabases.CheckedToken token : iamTokens) {
            assertEquals(List.of(), DemoDesktop.filesHolding(places, token.token()), "files holding the IAM token");
        }
        assertEquals(List.of(), DemoDesktop.filesHolding(places, DemoDesktop.keyOf("ada").secret()),
                "files holding ada's secret key");
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

    /**
     * Opens a database of the explorer through the connect dialog, as a person does, with the
     * password or else IAM database authentication; returns its editor.
     */
    private static SqlEditor open(String database, String user, Optional<String> password) {
        Tree explorer = DemoDesktop.showExplorer(robot, window);
        TreeItem item = trees.waitForItem(explorer, top -> true, LocalDatabases.LOCAL.displayName(), LocalDatabases.REGION,
                database);
        CompletableFuture<Void> dialogClosed = trees.doubleClick(item);
        Shell dialog = robot.waitForShell("Connect to " + database);
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.USER), user);
        if (password.isPresent()) {
            robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.PASSWORD), password.get());
        } else {
            robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.IAM_TOKEN)), true);
        }
        robot.screenshot(dialog, SCREENSHOTS.resolve("sql-connect-" + database + (password.isPresent() ? "" : "-iam") + ".png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        try {
            robot.waitUntil("the connect dialog of " + database + " to close", dialog::isDisposed);
        } catch (AssertionError stillOpen) {
            robot.screenshot(dialog, SCREENSHOTS.resolve("sql-connect-" + database + "-failed.png"));
            throw stillOpen;
        }
        robot.awaitCompletion("the connect dialog of " + database, dialogClosed);
        return robot.waitFor("the SQL editor of " + database, () -> Optional.ofNullable(window.getActivePage().getActiveEditor())
                .filter(SqlEditor.class::isInstance).map(SqlEditor.class::cast)
                .filter(editor -> editor.getPartName().startsWith(database + "/")));
    }

    private static SqlEditor activeSqlEditor() {
        return robot.onUiThread(() -> (SqlEditor) window.getActivePage().getActiveEditor());
    }

    private static StyledText editorText(SqlEditor editor) {
        return robot.onUiThread(() -> editor.text().widget());
    }

    private static void type(StyledText text, String sql, int caret) {
        robot.runOnUiThread(() -> {
            text.setFocus();
            text.setText(sql);
            text.setCaretOffset(caret);
        });
    }

    private static void run(SqlEditor editor, String statement) {
        type(editorText(editor), statement, 0);
        robot.pressKey(editorText(editor), SWT.MOD1, SWT.CR, '\r');
    }

    /** The editor's own controls: its tool bar, text and results. */
    private static Composite root(SqlEditor editor) {
        return robot.onUiThread(() -> editorText(editor).getParent().getParent());
    }

    /** The result grid's table once the run has ended with this many rows in it. */
    private static Table awaitRows(SqlEditor editor, int rows) {
        Composite root = root(editor);
        return robot.waitForRows(SqlEditor.JOB_FAMILY, () -> robot.findControlWithData(root,
                org.eclipse.swt.widgets.Control.class, SqlEditor.RESULT).flatMap(grid -> grid instanceof Table table
                        ? Optional.of(table) : grid instanceof Composite composite ? tables(composite).stream().findFirst()
                        : Optional.empty()), rows);
    }

    private static void awaitMessages(SqlEditor editor, String part) {
        Text messages = robot.waitForControlWithData(root(editor), Text.class, SqlEditor.MESSAGES);
        robot.waitUntil("the messages to say '" + part + "'", () -> messages.getText().contains(part));
    }

    // ---- set-up through the services

    private static <T> T service(Class<T> type) {
        return DesktopServices.service(type);
    }

    /** Whether the test's PostgreSQL runs {@code statement} now (on any connection). */
    private static boolean runningInPostgres(String statement) {
        try {
            return column(postgres, "select count(*) from pg_stat_activity where state = 'active' "
                    + "and query = '" + statement.replace("'", "''") + "'").equals(List.of("1"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of a query's rows, as text, read by another connection than the editor's. */
    private static List<String> column(LocalDatabases.Database database, String query) throws SQLException {
        try (Connection connection = database.server().connect(database.name());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
