package io.stratus.ui.explorer.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.DatabaseSecret;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.database.DatabaseEditors;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Connects to a database of the Cloud Explorer: as a database user with a password, as a user
 * alone with IAM database authentication where the explorer saw it enabled (a token made with the
 * person's own AWS keys replaces the password), with a secret of AWS Secrets Manager chosen from
 * those the person may read for this database (read with their keys at login, never kept), or
 * with nothing to type where the engine opens
 * with the person's AWS identity (DynamoDB). Open (the default button) opens the database in a Job
 * and then its engine's editor (see {@link DatabaseEditors}), which owns the connection from then
 * on. Test Connection opens it, makes a round trip and closes it again, so that the answer (or the
 * database's reason) shows here. The password serves that one login: it is wiped once the driver
 * has logged in and never stored.
 */
public final class ConnectDialog extends TitleAreaDialog {

    /** Data keys of the fields, for tests. */
    public static final String USER = "io.stratus.ui.explorer.connect.user";
    public static final String PASSWORD = "io.stratus.ui.explorer.connect.password";
    public static final String IAM = "io.stratus.ui.explorer.connect.iam";
    public static final String DATABASE = "io.stratus.ui.explorer.connect.database";
    public static final String SECRET = "io.stratus.ui.explorer.connect.secret";
    public static final String SECRET_CHOICE = "io.stratus.ui.explorer.connect.secretChoice";
    public static final String TEST_LABEL = "Test Connection";
    public static final String OPEN_LABEL = "Open";
    private static final int TEST = IDialogConstants.CLIENT_ID + 1;
    private static final int OPEN = IDialogConstants.CLIENT_ID + 2;

    private final IWorkbenchPage page;
    private final CloudResource resource;
    private final DatabaseEngine engine;
    private final boolean awsIdentity;
    /** The editor the engine's bundle declares, if any: without one, the database can only be tested here. */
    private final Optional<String> editor;
    private final UserSession session;
    private final DatabaseService databases;
    private Text user;
    private Text password;
    private Button iam;
    private Button useSecret;
    private Combo secretChoice;
    /** The ARNs of the secrets offered, in the order of {@link #secretChoice}'s items. */
    private List<String> secretArns = List.of();
    private Text database;
    private Job running;

    /**
     * @param page where the database's editor opens
     * @param engine the database's engine, as its connector's bundle describes it
     */
    public ConnectDialog(Shell parent, IWorkbenchPage page, CloudResource resource, DatabaseEngine engine,
            UserSession session, DatabaseService databases) {
        super(parent);
        this.page = page;
        this.resource = resource;
        this.engine = engine;
        this.awsIdentity = engine.defaults().awsIdentity();
        this.editor = DatabaseEditors.editorFor(engine);
        this.session = session;
        this.databases = databases;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to " + resource.name());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(resource.name() + " (" + engine.name() + ")");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        if (awsIdentity) {
            wrapped(form, "Opened with your own AWS identity (" + session.identity().arn() + "): your IAM permissions "
                    + "decide what you may read and change. There is no database user or password.");
        } else {
            user = field(form, "&User:", SWT.BORDER, USER);
            password = field(form, "&Password:", SWT.BORDER | SWT.PASSWORD, PASSWORD);
            new Label(form, SWT.NONE);
            iam = new Button(form, SWT.CHECK);
            iam.setText("Log in with &IAM database authentication (no password)");
            iam.setData(IAM, Boolean.TRUE);
            iam.setEnabled(resource.iamAuthentication());
            iam.setToolTipText(resource.iamAuthentication()
                    ? "A token made with your own AWS keys replaces the password; the database user needs the rds_iam grant."
                    : "IAM database authentication is not enabled on this database.");
            new Label(form, SWT.NONE);
            useSecret = new Button(form, SWT.CHECK);
            useSecret.setText("Log in with a &secret from AWS Secrets Manager");
            useSecret.setData(SECRET, Boolean.TRUE);
            useSecret.setToolTipText("Read with your own AWS keys each time Stratus logs in; nothing of its value is kept.");
            new Label(form, SWT.NONE).setText("S&ecret:");
            secretChoice = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
            secretChoice.setData(SECRET_CHOICE, Boolean.TRUE);
            secretChoice.setEnabled(false);
            GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(secretChoice);
            useSecret.addListener(SWT.Selection, e -> chooseSecret());
            secretChoice.addListener(SWT.Selection, e -> validate());
            database = field(form, "&Database:", SWT.BORDER, DATABASE);
            database.setMessage(resource.databaseName().orElse("the engine's default"));
            user.addModifyListener(e -> validate());
            password.addModifyListener(e -> validate());
            iam.addListener(SWT.Selection, e -> {
                password.setEnabled(!iam.getSelection());
                validate();
            });
        }
        return area;
    }

    /** A secret replaces user, password and IAM; the secrets offered are looked up in a Job. */
    private void chooseSecret() {
        boolean secret = useSecret.getSelection();
        user.setEnabled(!secret);
        password.setEnabled(!secret && !iam.getSelection());
        iam.setEnabled(!secret && resource.iamAuthentication());
        secretChoice.setEnabled(secret);
        validate();
        if (secret && secretChoice.getItemCount() == 0) {
            setMessage("Looking for the secrets of " + resource.name() + " that you may read\u2026");
            Job.create("Listing the secrets of " + resource.name(), (IProgressMonitor monitor) -> {
                try {
                    List<DatabaseSecret> found = databases.secrets(session, resource.id());
                    show(() -> offer(found));
                } catch (StratusException e) {
                    show(() -> setErrorMessage(e.getMessage()));
                }
                return Status.OK_STATUS;
            }).schedule();
        }
    }

    private void offer(List<DatabaseSecret> secrets) {
        secretArns = secrets.stream().map(DatabaseSecret::arn).toList();
        secretChoice.setItems(secrets.stream().map(s -> s.name() + (s.managedByRds() ? " (managed by RDS)" : ""))
                .toArray(String[]::new));
        if (!secrets.isEmpty()) {
            secretChoice.select(0);
        }
        validate();
    }

    private boolean usesSecret() {
        return !awsIdentity && useSecret.getSelection();
    }

    private static Text field(Composite form, String label, int style, String dataKey) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, style);
        text.setData(dataKey, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private static void wrapped(Composite form, String text) {
        Label label = new Label(form, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(420, SWT.DEFAULT).applyTo(label);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, TEST, TEST_LABEL, false);
        createButton(parent, OPEN, OPEN_LABEL, true).setToolTipText(editor.isPresent()
                ? "Opens " + resource.name() + " in the " + engine.name() + " editor"
                : "No editor for " + engine.name() + " databases is installed: test the connection only");
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
        validate();
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == TEST) {
            connect(false);
        } else if (id == OPEN) {
            connect(true);
        } else if (id == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(id);
        }
    }

    /** Says what is missing, and allows the test and opening only when nothing is. */
    private void validate() {
        Optional<String> missing = missing();
        setErrorMessage(null);
        setMessage(missing.orElse(ready()));
        enableButtons();
    }

    private void enableButtons() {
        boolean ready = missing().isEmpty() && running == null;
        Button test = getButton(TEST);
        if (test != null) {
            test.setEnabled(ready);
            getButton(OPEN).setEnabled(ready && editor.isPresent());
        }
    }

    private Optional<String> missing() {
        if (awsIdentity) {
            return Optional.empty();
        }
        if (usesSecret()) {
            return secretChoice.getSelectionIndex() >= 0 ? Optional.empty()
                    : Optional.of("Choose a secret: the secrets you may read that hold " + resource.name()
                            + "'s credentials are offered.");
        }
        if (user.getText().isBlank()) {
            return Optional.of("Give the database user to log in as.");
        }
        if (!iam.getSelection() && password.getCharCount() == 0) {
            return Optional.of(resource.iamAuthentication()
                    ? "Give the password of " + user.getText().strip() + ", or log in with IAM database authentication."
                    : "Give the password of " + user.getText().strip() + ": IAM database authentication is not enabled "
                            + "on this database.");
        }
        return Optional.empty();
    }

    private String ready() {
        String where = resource.endpoint().map(e -> e.host() + ":" + e.port()).orElse(resource.name());
        return (editor.isPresent() ? "Open " + where + ", or test the connection first."
                : "Test the connection to " + where + " (no editor for " + engine.name() + " is installed).")
                + " Stratus saves no password.";
    }

    /** Logs in with what was typed, in a Job: then opens the editor, or tests and closes the connection. */
    private void connect(boolean open) {
        Optional<String> secretArn = usesSecret() ? Optional.of(secretArns.get(secretChoice.getSelectionIndex()))
                : Optional.empty();
        String login = awsIdentity || secretArn.isPresent() ? "" : user.getText().strip();
        Optional<Secret> secret = Optional.empty();
        if (!awsIdentity && secretArn.isEmpty() && !iam.getSelection()) {
            char[] typed = password.getTextChars();
            secret = Optional.of(Secret.of(typed));
            Arrays.fill(typed, '\0');
        }
        Optional<String> other = awsIdentity ? Optional.empty()
                : Optional.of(database.getText().strip()).filter(name -> !name.isEmpty());
        Optional<Secret> once = secret;
        String name = (open ? "Opening " : "Testing the connection to ") + resource.name();
        running = Job.create(name, (IProgressMonitor monitor) -> attempt(monitor, name, open, login, once, secretArn,
                other));
        setMessage(name + (login.isEmpty() ? "" : " as " + login) + "\u2026");
        enableButtons();
        running.schedule();
    }

    /**
     * Runs in the Job: logs in, then either hands the connection to the editor or makes a round trip
     * and closes it; the outcome goes to the dialog if it is still open.
     */
    private IStatus attempt(IProgressMonitor monitor, String name, boolean open, String login, Optional<Secret> password,
            Optional<String> secretArn, Optional<String> other) {
        SubMonitor.convert(monitor, name, IProgressMonitor.UNKNOWN);
        long started = System.nanoTime();
        try {
            OpenDatabase opened;
            try {
                opened = secretArn.isPresent() ? databases.openWithSecret(session, resource.id(), secretArn.get(), other)
                        : databases.open(session, resource.id(), login, password, other);
            } finally {
                password.ifPresent(Secret::clear); // the driver has logged in with it, or refused it
            }
            if (open) {
                show(() -> openEditor(opened), () -> closeInJob(opened)); // closed meanwhile: nobody takes it
                return Status.OK_STATUS;
            }
            try {
                databases.test(session, opened.id());
            } finally {
                databases.close(session, opened.id());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            show(() -> setMessage(connected(opened, millis), IMessageProvider.INFORMATION));
        } catch (StratusException e) {
            show(() -> setErrorMessage(e.getMessage()));
        }
        return Status.OK_STATUS; // the dialog shows the outcome next to what the person typed
    }

    /** The editor owns the connection from here on; if it cannot open, the connection is closed again. */
    private void openEditor(OpenDatabase opened) {
        try {
            DatabaseEditors.open(page, new DatabaseEditorInput(opened, resource.name(), engine));
            close();
        } catch (PartInitException e) {
            closeInJob(opened);
            setErrorMessage("The " + engine.name() + " editor did not open: " + e.getMessage());
        }
    }

    private void closeInJob(OpenDatabase opened) {
        Job.create("Closing " + resource.name(), (IProgressMonitor monitor) -> {
            try {
                databases.close(session, opened.id());
            } catch (StratusException alreadyClosed) {
                // the session ended meanwhile, and the connection with it
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private String connected(OpenDatabase opened, long millis) {
        String how = opened.awsIdentity() ? " with your AWS identity" : " as " + opened.username()
                + (opened.iamAuthentication() ? " (IAM token)" : "");
        return "Connected to " + resource.name() + how + " in " + millis + " ms"
                + (opened.mode() == AccessMode.READ_ONLY ? "; read-only for your roles." : ".");
    }

    private void show(Runnable outcome) {
        show(outcome, () -> { });
    }

    /** Runs {@code outcome} on the UI thread if the dialog is still open, else {@code gone}. */
    private void show(Runnable outcome, Runnable gone) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            gone.run();
        } else {
            shell.getDisplay().asyncExec(() -> {
                if (shell.isDisposed()) {
                    gone.run();
                } else {
                    running = null;
                    outcome.run();
                    if (!shell.isDisposed()) {
                        enableButtons();
                    }
                }
            });
        }
    }
}
