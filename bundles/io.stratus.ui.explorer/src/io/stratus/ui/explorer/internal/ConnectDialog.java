package io.stratus.ui.explorer.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.DatabaseSecret;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.Login;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.ui.FormParts;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.database.DatabaseEditors;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.eclipse.swt.graphics.Point;
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
 * Connects to a database of the Cloud Explorer, with one of the login methods its engine takes (see
 * {@link DatabaseEngine.ConnectionDefaults#logins()}), showing only the fields of the method chosen (the dialog
 * grows and shrinks with them), as each needs: a database user
 * with a password; a user alone with IAM database authentication where the explorer saw it enabled (a
 * token made with the person's own AWS keys replaces the password); a secret of AWS Secrets Manager
 * chosen from those the person may read for this database; temporary credentials AWS issues for the
 * person's IAM identity, or for a database user they name with its groups (Redshift); or nothing to
 * type where the engine opens with the person's AWS identity (DynamoDB). Whatever AWS holds or issues
 * is asked for with the person's keys at login, never kept. Open (the default button) opens the
 * database in a Job and then its engine's editor (see {@link DatabaseEditors}), which owns the
 * connection from then on. Test Connection opens it, makes a round trip and closes it again, so that
 * the answer (or the database's reason) shows here. The password serves that one login: it is wiped
 * once the driver has logged in and never stored.
 */
public final class ConnectDialog extends TitleAreaDialog {

    /** What a dialog says of a database that takes IAM tokens only (Aurora DSQL), where there is nothing to choose. */
    public static final String IAM_ONLY = "This database takes IAM database authentication only: a token signed with"
            + " your own AWS keys stands in for the password at every connection. Give the database user your IAM policy"
            + " lets you connect as.";
    /** Data keys of the fields, for tests. */
    public static final String USER = "io.stratus.ui.explorer.connect.user";
    public static final String PASSWORD = "io.stratus.ui.explorer.connect.password";
    public static final String DATABASE = "io.stratus.ui.explorer.connect.database";
    public static final String SECRET_CHOICE = "io.stratus.ui.explorer.connect.secretChoice";
    public static final String GROUPS = "io.stratus.ui.explorer.connect.groups";
    public static final String AUTO_CREATE = "io.stratus.ui.explorer.connect.autoCreate";
    public static final String TEST_LABEL = "Test Connection";
    public static final String OPEN_LABEL = "Open";
    private static final int TEST = IDialogConstants.CLIENT_ID + 1;
    private static final int OPEN = IDialogConstants.CLIENT_ID + 2;
    /** The methods that log in as a database user the person names. */
    private static final Set<LoginMethod> NAMED_USER = EnumSet.of(LoginMethod.PASSWORD, LoginMethod.IAM_TOKEN,
            LoginMethod.ISSUED_FOR_USER);

    private final IWorkbenchPage page;
    private final CloudResource resource;
    private final DatabaseEngine engine;
    /** The login methods the engine takes, in the order offered. */
    private final List<LoginMethod> offered;
    /** The editor the engine's bundle declares, if any: without one, the database can only be tested here. */
    private final Optional<String> editor;
    private final UserSession session;
    private final DatabaseService databases;
    private final Map<LoginMethod, Button> methods = new EnumMap<>(LoginMethod.class);
    /** The methods each field (or its label) serves: it shows only while one of them is chosen. */
    private final Map<Control, Set<LoginMethod>> fieldsOf = new LinkedHashMap<>();
    private LoginMethod chosen;
    private Composite form;
    private Text user;
    private Text password;
    private Combo secretChoice;
    /** The ARNs of the secrets offered, in the order of {@link #secretChoice}'s items. */
    private List<String> secretArns = List.of();
    private Text groups;
    private Button autoCreate;
    private Text database;
    private Job running;

    /** The data key of the choice of a login method, for tests. */
    public static String methodKey(LoginMethod method) {
        return "io.stratus.ui.explorer.connect.login." + method.id();
    }

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
        this.offered = List.copyOf(engine.defaults().logins());
        this.chosen = offered.stream().filter(this::possible).findFirst().orElse(offered.get(0));
        this.editor = DatabaseEditors.editorFor(engine);
        this.session = session;
        this.databases = databases;
    }

    /** IAM database authentication only where the explorer saw it enabled on the database. */
    private boolean possible(LoginMethod method) {
        return method != LoginMethod.IAM_TOKEN || resource.iamAuthentication();
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

    /** As wide as a title area dialog is, as tall as the chosen method's fields need: no gap below them. */
    @Override
    protected Point getInitialSize() {
        int width = super.getInitialSize().x;
        return new Point(width, getShell().computeSize(width, SWT.DEFAULT).y);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(resource.name() + " (" + engine.name() + ")");
        form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        if (offered.size() > 1) {
            new Label(form, SWT.NONE).setText("Log in with:");
            Composite choices = new Composite(form, SWT.NONE);
            GridLayoutFactory.fillDefaults().applyTo(choices);
            for (LoginMethod method : offered) {
                Button choice = new Button(choices, SWT.RADIO);
                String text = method.description();
                choice.setText(Character.toUpperCase(text.charAt(0)) + text.substring(1));
                choice.setData(methodKey(method), Boolean.TRUE);
                choice.setEnabled(possible(method));
                choice.setSelection(method == chosen);
                if (!possible(method)) {
                    choice.setToolTipText("IAM database authentication is not enabled on this database.");
                }
                choice.addListener(SWT.Selection, e -> {
                    if (choice.getSelection()) {
                        choose(method);
                    }
                });
                methods.put(method, choice);
            }
        }
        if (chosen == LoginMethod.AWS_IDENTITY && offered.size() == 1) {
            wrapped(form, "Opened with your own AWS identity (" + session.identity().arn() + "): your IAM permissions "
                    + "decide what you may read and change. There is no database user or password.");
            return area;
        }
        if (offered.equals(List.of(LoginMethod.IAM_TOKEN))) {
            wrapped(form, IAM_ONLY);
        }
        if (offered.stream().anyMatch(NAMED_USER::contains)) {
            user = field(form, "&User:", SWT.NONE, USER, NAMED_USER);
            user.addModifyListener(e -> validate());
        }
        if (offered.contains(LoginMethod.PASSWORD)) {
            password = field(form, "&Password:", SWT.PASSWORD, PASSWORD, EnumSet.of(LoginMethod.PASSWORD));
            password.addModifyListener(e -> validate());
        }
        if (offered.contains(LoginMethod.SECRET)) {
            Label label = new Label(form, SWT.NONE);
            label.setText("S&ecret:");
            secretChoice = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
            secretChoice.setData(SECRET_CHOICE, Boolean.TRUE);
            secretChoice.setToolTipText("Read with your own AWS keys each time Stratus logs in; nothing of its value is kept.");
            GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(secretChoice);
            secretChoice.addListener(SWT.Selection, e -> validate());
            shownFor(EnumSet.of(LoginMethod.SECRET), label, secretChoice);
        }
        if (offered.contains(LoginMethod.ISSUED_FOR_IDENTITY)) { // nothing to type: says why instead
            shownFor(EnumSet.of(LoginMethod.ISSUED_FOR_IDENTITY), wrapped(form, "At each login AWS issues temporary "
                    + "credentials for your IAM identity, " + session.identity().arn() + ", and names the database user "
                    + "after it."));
        }
        if (offered.contains(LoginMethod.ISSUED_FOR_USER)) {
            groups = field(form, "&Groups:", SWT.NONE, GROUPS, EnumSet.of(LoginMethod.ISSUED_FOR_USER));
            groups.setMessage("database groups to join, separated by commas");
            Label belowLabels = new Label(form, SWT.NONE);
            autoCreate = new Button(form, SWT.CHECK);
            autoCreate.setText("&Create the user if it does not exist");
            autoCreate.setData(AUTO_CREATE, Boolean.TRUE);
            shownFor(EnumSet.of(LoginMethod.ISSUED_FOR_USER), belowLabels, autoCreate);
        }
        database = FormParts.field(form, "&Database:", SWT.NONE, DATABASE);
        database.setMessage(resource.databaseName().orElse("the engine's default"));
        showFields();
        return area;
    }

    /** Another login method: only its fields show; the secrets offered are looked up in a Job the first time. */
    private void choose(LoginMethod method) {
        chosen = method;
        methods.forEach((other, choice) -> choice.setSelection(other == method)); // as a click on a radio button would
        showFields();
        validate();
        if (method == LoginMethod.SECRET && secretChoice.getItemCount() == 0) {
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

    /** Shows the fields of the chosen method and hides the others; an open dialog fits itself to them. */
    private void showFields() {
        fieldsOf.forEach((field, serves) -> FormParts.setShown(field, serves.contains(chosen)));
        FormParts.refit(form);
    }

    /** A labelled text field that shows for the methods {@code serves}. */
    private Text field(Composite parent, String label, int style, String dataKey, Set<LoginMethod> serves) {
        Text text = FormParts.field(parent, label, style, dataKey);
        shownFor(serves, FormParts.labelOf(text), text);
        return text;
    }

    private void shownFor(Set<LoginMethod> serves, Control... controls) {
        for (Control control : controls) {
            if (control.getLayoutData() == null) {
                GridDataFactory.swtDefaults().applyTo(control);
            }
            fieldsOf.put(control, serves);
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

    private static Label wrapped(Composite form, String text) {
        Label label = new Label(form, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(420, SWT.DEFAULT).applyTo(label);
        return label;
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
        if (NAMED_USER.contains(chosen) && user.getText().isBlank()) {
            return Optional.of("Give the database user to log in as.");
        }
        if (chosen == LoginMethod.PASSWORD && password.getCharCount() == 0) {
            return Optional.of("Give the password of " + user.getText().strip() + (!offered.contains(LoginMethod.IAM_TOKEN)
                    ? "." : resource.iamAuthentication() ? ", or log in with IAM database authentication."
                    : ": IAM database authentication is not enabled on this database."));
        }
        if (chosen == LoginMethod.SECRET && secretChoice.getSelectionIndex() < 0) {
            return Optional.of("Choose a secret: the secrets you may read that hold " + resource.name()
                    + "'s credentials are offered.");
        }
        return Optional.empty();
    }

    private String ready() {
        String where = resource.endpoint().map(e -> e.host() + ":" + e.port()).orElse(resource.name());
        return (editor.isPresent() ? "Open " + where + ", or test the connection first."
                : "Test the connection to " + where + " (no editor for " + engine.name() + " is installed).")
                + " Stratus saves no password.";
    }

    /** Logs in as chosen, in a Job: then opens the editor, or tests and closes the connection. */
    private void connect(boolean open) {
        Login login;
        try {
            login = login();
        } catch (StratusException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        Optional<String> other = database == null ? Optional.empty()
                : Optional.of(database.getText().strip()).filter(name -> !name.isEmpty());
        String name = (open ? "Opening " : "Testing the connection to ") + resource.name();
        running = Job.create(name, (IProgressMonitor monitor) -> attempt(monitor, name, open, login, other));
        setMessage(name + login.databaseUser().map(as -> " as " + as).orElse("") + "\u2026");
        enableButtons();
        running.schedule();
    }

    /** The login chosen, with what was typed; a password is taken out of its field for this login only. */
    private Login login() {
        return switch (chosen) {
            case PASSWORD -> new Login.Password(user.getText(), Optional.of(FormParts.secretOf(password)));
            case IAM_TOKEN -> new Login.IamToken(user.getText());
            case SECRET -> new Login.SecretsManager(secretArns.get(secretChoice.getSelectionIndex()));
            case ISSUED_FOR_IDENTITY -> new Login.IssuedForIdentity();
            case ISSUED_FOR_USER -> new Login.IssuedForUser(user.getText(), Arrays.stream(groups.getText().split(","))
                    .map(String::strip).filter(group -> !group.isEmpty()).toList(), autoCreate.getSelection());
            case AWS_IDENTITY -> new Login.AwsIdentity();
        };
    }

    /**
     * Runs in the Job: logs in, then either hands the connection to the editor or makes a round trip
     * and closes it; the outcome goes to the dialog if it is still open.
     */
    private IStatus attempt(IProgressMonitor monitor, String name, boolean open, Login login, Optional<String> other) {
        SubMonitor.convert(monitor, name, IProgressMonitor.UNKNOWN);
        long started = System.nanoTime();
        try {
            OpenDatabase opened;
            try {
                opened = databases.open(session, resource.id(), login, other);
            } finally {
                if (login instanceof Login.Password(String who, Optional<Secret> password)) {
                    password.ifPresent(Secret::clear); // the driver has logged in with it, or refused it
                }
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
        LoginMethod method = opened.login().method();
        String how = method == LoginMethod.AWS_IDENTITY ? " with your AWS identity"
                : " as " + opened.username() + " (" + method.description() + ")";
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
