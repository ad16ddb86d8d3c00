package io.stratus.ui.sql.internal;

import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.PageSource;
import io.stratus.ui.results.ResultGrid;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * Below the SQL: the rows of the last statement that returned rows in the result grid (Result),
 * and what each statement did, how long it took and why one failed (Messages).
 */
public final class ResultsPane {

    /** Data keys of the result grid's control and of the messages, for tests. */
    public static final String RESULT = "io.stratus.ui.sql.result";
    public static final String MESSAGES = "io.stratus.ui.sql.messages";

    private final CTabFolder folder;
    private final CTabItem resultTab;
    private final CTabItem messagesTab;
    private final ResultGrid grid;
    private final Text messages;

    public ResultsPane(Composite parent) {
        folder = new CTabFolder(parent, SWT.BOTTOM | SWT.BORDER);
        resultTab = new CTabItem(folder, SWT.NONE);
        resultTab.setText("Result");
        grid = new ResultGrid(folder);
        grid.control().setData(RESULT, Boolean.TRUE);
        resultTab.setControl(grid.control());
        messagesTab = new CTabItem(folder, SWT.NONE);
        messagesTab.setText("Messages");
        messages = new Text(folder, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
        messages.setData(MESSAGES, Boolean.TRUE);
        messagesTab.setControl(messages);
        folder.setSelection(messagesTab);
    }

    /** A new run: the last run's messages go. */
    public void clearMessages() {
        messages.setText("");
    }

    /** A line of the messages; shown at once when {@code show}. */
    public void say(String line, boolean show) {
        messages.append((messages.getCharCount() == 0 ? "" : "\n") + line);
        if (show) {
            folder.setSelection(messagesTab);
        }
    }

    /** The rows of a statement in the grid, which reads the pages after the first from {@code more} as the person scrolls. */
    public void showRows(ResultPage first, PageSource more) {
        grid.show(first, more);
        folder.setSelection(resultTab);
    }
}
