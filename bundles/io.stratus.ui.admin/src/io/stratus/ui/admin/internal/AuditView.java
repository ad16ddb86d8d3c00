package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.core.admin.UserAdministration;
import io.stratus.ui.admin.AdminCommands;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SignedIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The audit trail: the newest entries (up to the service's maximum), filtered by who, what and when,
 * exported to CSV as shown. When the session ends it keeps what it shows and stops reading; when
 * somebody signs in who may not read the trail, it empties.
 */
public final class AuditView extends ViewPart {

    private static final String ANY_ACTION = "Any action";

    private AdminCalls calls;
    private Text who;
    private Combo what;
    private Combo when;
    private Label count;
    private StatusLine status;
    private TableViewer table;
    private final org.eclipse.jface.action.Action refresh = new org.eclipse.jface.action.Action("Refresh") {
        @Override
        public void run() {
            reload();
        }
    };
    private List<AuditRow> rows = List.of();
    /** The rows the table shows (those the filter lets through), newest first. */
    private List<AuditRow> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(7).applyTo(top);
        new Label(top, SWT.NONE).setText("Who:");
        who = new Text(top, SWT.BORDER | SWT.SEARCH);
        who.setData(AdminCommands.AUDIT_WHO_FIELD, Boolean.TRUE);
        who.setMessage("part of a name or id");
        GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(who);
        who.addModifyListener(e -> filterChanged());
        new Label(top, SWT.NONE).setText("What:");
        what = new Combo(top, SWT.READ_ONLY);
        what.setData(AdminCommands.AUDIT_WHAT_CHOICE, Boolean.TRUE);
        what.addListener(SWT.Selection, e -> filterChanged());
        new Label(top, SWT.NONE).setText("When:");
        when = new Combo(top, SWT.READ_ONLY);
        when.setData(AdminCommands.AUDIT_WHEN_CHOICE, Boolean.TRUE);
        when.setItems(Arrays.stream(AuditFilter.Period.values()).map(period -> period.label).toArray(String[]::new));
        when.select(0);
        when.addListener(SWT.Selection, e -> filterChanged());
        count = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).grab(true, false).applyTo(count);

        status = new StatusLine(top);
        GridDataFactory.fillDefaults().grab(true, false).span(7, 1).applyTo(status.control());

        table = Tables.viewer(top, SWT.MULTI, AdminCommands.AUDIT_TABLE);
        Tables.column(table, "When", 140, (AuditRow row) -> Times.shown(row.record().at()));
        Tables.column(table, "Who", 260, AuditRow::who);
        Tables.column(table, "What", 110, (AuditRow row) -> row.record().action());
        Tables.column(table, "Outcome", 90, (AuditRow row) -> row.record().outcome());
        Tables.column(table, "Detail", 420, (AuditRow row) -> row.record().detail());
        GridDataFactory.fillDefaults().grab(true, true).span(7, 1).applyTo(table.getControl());

        getViewSite().getActionBars().getToolBarManager().add(refresh);
        calls = new AdminCalls(getSite(), top);
        calls.followSession(this::sessionChanged);
        showRows(List.of());
        reload();
    }

    private void reload() {
        calls.run("Reading the audit trail of Stratus", AuditRow::read, read -> {
            showRows(read);
            status.say("Read the newest " + read.size() + " entries (at most " + UserAdministration.MAX_AUDIT_ENTRIES
                    + ") at " + Times.shown(Instant.now()) + ".");
        }, status::warn);
    }

    private void showRows(List<AuditRow> read) {
        rows = read;
        String chosen = what.getText();
        what.setItems(Stream.concat(Stream.of(ANY_ACTION), read.stream().map(row -> row.record().action()).distinct().sorted())
                .toArray(String[]::new));
        what.select(Math.max(0, what.indexOf(chosen)));
        filterChanged();
        refresh.setEnabled(calls.session().may(Action.READ_AUDIT));
    }

    private void filterChanged() {
        AuditFilter filter = new AuditFilter(who.getText(), what.getSelectionIndex() > 0 ? Optional.of(what.getText()) : Optional.empty(),
                AuditFilter.Period.values()[Math.max(0, when.getSelectionIndex())]);
        Instant now = Instant.now();
        shown = rows.stream().filter(row -> filter.shows(row, now)).toList();
        table.setInput(shown);
        count.setText(shown.size() + " of " + rows.size() + " entries");
        count.getParent().layout();
    }

    /** Writes the entries shown to {@code file}, or to one the person picks, in a Job. */
    void export(Optional<Path> file) {
        Optional<Path> target = file.or(this::askForFile);
        if (target.isEmpty()) {
            return;
        }
        List<AuditRow> exported = shown;
        Path path = target.get();
        Job job = Job.create("Exporting the audit trail to " + path.getFileName(), monitor -> {
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                AuditCsv.write(exported, out);
                calls.onUiThread(() -> status.say("Exported " + exported.size()
                        + (exported.size() == 1 ? " entry" : " entries") + " to " + path + "."));
            } catch (IOException | UncheckedIOException e) {
                calls.onUiThread(() -> status.warn("Could not write " + path + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        getSite().getService(IWorkbenchSiteProgressService.class).schedule(job);
    }

    private Optional<Path> askForFile() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Export Audit Trail");
        dialog.setFilterExtensions(new String[] {"*.csv", "*"});
        dialog.setFileName("stratus-audit.csv");
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    private void sessionChanged(SessionChange change) {
        switch (change) {
            case SessionChange.Ended ended -> status.warn("Session ended: showing what was read before; sign in to read more.");
            case SessionChange.SignedInNow now -> {
                if (calls.session().may(Action.READ_AUDIT)) {
                    reload();
                } else {
                    mayNotRead(now.who());
                }
            }
            case SessionChange.RolesChanged roles -> {
                if (!calls.session().may(Action.READ_AUDIT)) {
                    mayNotRead(roles.who());
                }
            }
            case SessionChange.KeysChanged keys -> {
                // the trail comes from Stratus's store, not AWS: it reads on
            }
        }
        refresh.setEnabled(calls.session().may(Action.READ_AUDIT));
    }

    private void mayNotRead(SignedIn who) {
        showRows(List.of()); // what they may not read goes
        status.warn(who.session().identity().displayName() + " may not read the audit trail.");
    }

    @Override
    public void setFocus() {
        who.setFocus();
    }
}
