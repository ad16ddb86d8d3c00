package io.stratus.ui.results.internal;

import io.stratus.ui.results.ResultGridCommands;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISources;
import org.eclipse.ui.handlers.HandlerUtil;

/** The handlers of the grid's commands, active while a grid's table has the focus. */
public final class GridHandlers {

    private GridHandlers() {
    }

    static GridTable grid(ExecutionEvent event) throws ExecutionException {
        return GridTable.of(HandlerUtil.getVariable(event, ISources.ACTIVE_FOCUS_CONTROL_NAME))
                .orElseThrow(() -> new ExecutionException("No result grid has the focus"));
    }

    /** Copy (Edit > Copy, Ctrl+C: tab-separated) and Copy as CSV, JSON or SQL INSERT. */
    public static final class Copy extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            String format = event.getParameter(ResultGridCommands.FORMAT);
            grid(event).copy(format == null ? CopyFormat.TSV : CopyFormat.named(format));
            return null;
        }
    }

    /** Export to CSV or JSON: every row, to the file given as parameter or one the person picks. */
    public static final class Export extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            GridTable grid = grid(event);
            ExportFormat format = ExportFormat.named(event.getParameter(ResultGridCommands.FORMAT));
            String file = event.getParameter(ResultGridCommands.FILE);
            if (file == null) {
                FileDialog dialog = new FileDialog(HandlerUtil.getActiveShellChecked(event), SWT.SAVE);
                dialog.setText("Export the Result to " + format);
                dialog.setFilterExtensions(new String[] {"*." + format.extension(), "*"});
                dialog.setFileName("result." + format.extension());
                dialog.setOverwrite(true);
                file = dialog.open();
            }
            if (file != null) {
                grid.export(format, Path.of(file));
            }
            return null;
        }
    }

    /** View Value: the selected row's value in the column last clicked, in full. */
    public static final class ViewValue extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            grid(event).viewValue();
            return null;
        }
    }
}
