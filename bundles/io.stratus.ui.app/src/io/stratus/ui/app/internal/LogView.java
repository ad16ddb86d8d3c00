package io.stratus.ui.app.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/**
 * The desktop's Log view, in place of the IDE's Error Log (which needs the IDE's workspace
 * bundles): what Stratus and the platform logged, newest first, with the selected entry's whole
 * message and stack trace below.
 */
public final class LogView extends ViewPart {

    public static final String ID = "io.stratus.ui.app.log";
    /** Data keys of the table and the details, for tests. */
    public static final String TABLE = ID + ".table";
    public static final String DETAILS = ID + ".details";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private RecentLog log;
    private TableViewer table;
    private Text details;
    /** Newest first. */
    private final List<RecentLog.Entry> shown = new ArrayList<>();
    private final Consumer<RecentLog.Entry> follower = this::logged;

    @Override
    public void createPartControl(Composite parent) {
        log = getSite().getService(RecentLog.class);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite top = new Composite(sash, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        top.setLayout(columns);
        table = new TableViewer(top, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.getTable().setData(TABLE, Boolean.TRUE);
        column(columns, "Message", 60, entry -> firstLine(entry.status().getMessage()), true);
        column(columns, "Plug-in", 20, entry -> entry.status().getPlugin(), false);
        column(columns, "Date", 20, entry -> TIME.format(entry.at()), false);
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(shown);
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setData(DETAILS, Boolean.TRUE);
        sash.setWeights(65, 35);
        table.addSelectionChangedListener(event -> details.setText(
                ((IStructuredSelection) event.getSelection()).getFirstElement() instanceof RecentLog.Entry entry
                        ? describe(entry) : ""));

        Action clear = new Action("Clear Log View") {
            @Override
            public void run() {
                log.clear();
                shown.clear();
                table.refresh();
                details.setText("");
            }
        };
        clear.setImageDescriptor(sharedImage(ISharedImages.IMG_ETOOL_CLEAR));
        getViewSite().getActionBars().getToolBarManager().add(clear);

        if (log == null) {
            details.setText("The log is not being recorded: the bundle io.stratus.ui.app is not running its services.");
            return;
        }
        log.follow(follower);
        shown.addAll(log.entries().reversed());
        table.refresh();
    }

    private void column(TableColumnLayout columns, String title, int weight,
            Function<RecentLog.Entry, String> text, boolean withSeverityIcon) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, 80));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RecentLog.Entry) element);
            }

            @Override
            public Image getImage(Object element) {
                return withSeverityIcon ? severityImage(((RecentLog.Entry) element).status()) : null;
            }
        });
    }

    /** Entries come from any thread; the table changes on the UI thread. */
    private void logged(RecentLog.Entry entry) {
        Display display = table.getTable().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!table.getTable().isDisposed()) {
                    shown.addFirst(entry);
                    table.insert(entry, 0);
                }
            });
        }
    }

    private static Image severityImage(IStatus status) {
        String image = switch (status.getSeverity()) {
            case IStatus.ERROR, IStatus.CANCEL -> ISharedImages.IMG_OBJS_ERROR_TSK;
            case IStatus.WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
            default -> ISharedImages.IMG_OBJS_INFO_TSK;
        };
        return PlatformUI.getWorkbench().getSharedImages().getImage(image);
    }

    private static ImageDescriptor sharedImage(String name) {
        return PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(name);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The whole entry: severity, plug-in, time, message, children and the stack trace. */
    static String describe(RecentLog.Entry entry) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        describe(out, entry.status(), "");
        out.printf("%nLogged at %s%n", TIME.format(entry.at()));
        return text.toString();
    }

    private static void describe(PrintWriter out, IStatus status, String indent) {
        out.printf("%s%s in %s: %s%n", indent, severity(status), status.getPlugin(), status.getMessage());
        if (status.getException() != null) {
            status.getException().printStackTrace(out);
        }
        for (IStatus child : status.getChildren()) {
            describe(out, child, indent + "  ");
        }
    }

    private static String severity(IStatus status) {
        return switch (status.getSeverity()) {
            case IStatus.ERROR -> "Error";
            case IStatus.WARNING -> "Warning";
            case IStatus.CANCEL -> "Cancelled";
            case IStatus.OK -> "OK";
            default -> "Info";
        };
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        if (log != null) {
            log.unfollow(follower);
        }
        super.dispose();
    }
}
