package io.stratus.ui.sql.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Below the SQL: the rows of the last statement that returned rows (Result), and what each
 * statement did, how long it took and why one failed (Messages).
 */
public final class ResultsPane {

    /** Data keys of the result and the messages, for tests. */
    public static final String RESULT = "io.stratus.ui.sql.result";
    public static final String MESSAGES = "io.stratus.ui.sql.messages";

    private final CTabFolder folder;
    private final CTabItem resultTab;
    private final CTabItem messagesTab;
    private final Composite resultArea;
    private final Text messages;

    public ResultsPane(Composite parent) {
        folder = new CTabFolder(parent, SWT.BOTTOM | SWT.BORDER);
        resultTab = new CTabItem(folder, SWT.NONE);
        resultTab.setText("Result");
        resultArea = new Composite(folder, SWT.NONE);
        resultArea.setLayout(new FillLayout());
        resultTab.setControl(resultArea);
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

    /** The rows of a statement, shown in Result. */
    public void showRows(ResultPage first) {
        for (Control old : resultArea.getChildren()) {
            old.dispose();
        }
        Table table = new Table(resultArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData(RESULT, Boolean.TRUE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        List<ResultColumn> columns = first.columns();
        for (ResultColumn column : columns) {
            TableColumn header = new TableColumn(table, SWT.LEFT);
            header.setText(column.name());
            header.setToolTipText(column.type());
        }
        for (List<Object> row : first.rows()) {
            TableItem item = new TableItem(table, SWT.NONE);
            for (int i = 0; i < row.size(); i++) {
                item.setText(i, row.get(i) == null ? "NULL" : String.valueOf(row.get(i)));
            }
        }
        for (TableColumn header : table.getColumns()) {
            header.pack();
        }
        resultArea.layout(true, true);
        folder.setSelection(resultTab);
    }
}
