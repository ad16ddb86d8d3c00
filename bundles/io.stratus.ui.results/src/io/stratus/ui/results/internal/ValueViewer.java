package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.results.DisplayText;
import io.stratus.results.ValueText;
import io.stratus.ui.results.JsonIndent;

import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * One value in full, read-only, for what a cell cannot show: long text as it is (line breaks
 * included), JSON pretty-printed, binary as a hex dump with its printable characters.
 */
public final class ValueViewer extends Dialog {

    /** Tests find the value's text under this data key. */
    public static final String TEXT_KEY = "io.stratus.ui.results.value";
    private static final int HEX_BYTES_PER_LINE = 16;

    private final String title;
    private final String text;

    ValueViewer(Shell parent, ResultColumn column, long row, Object value) {
        super(parent);
        this.title = column.name() + " of row " + (row + 1) + " (" + column.type() + ")";
        this.text = text(column, value);
    }

    /** The value as the viewer shows it. */
    static String text(ResultColumn column, Object value) {
        return switch (value) {
            case null -> DisplayText.NULL;
            case byte[] bytes -> hex(bytes);
            case String string when looksLikeJson(column, string) -> JsonIndent.of(string).orElse(string);
            default -> ValueText.exact(value);
        };
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(720, 480);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text value = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        value.setFont(JFaceResources.getTextFont());
        value.setText(text);
        value.setData(TEXT_KEY, Boolean.TRUE);
        value.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }

    /** JSON by the column's type, or text that opens as an object or array. */
    private static boolean looksLikeJson(ResultColumn column, String value) {
        String start = value.stripLeading();
        return column.type().toLowerCase(Locale.ROOT).startsWith("json") || start.startsWith("{") || start.startsWith("[");
    }

    /** Offset, 16 bytes in hex, and those of them that are printable ASCII. */
    private static String hex(byte[] bytes) {
        StringBuilder dump = new StringBuilder(bytes.length * 4 + 32);
        dump.append(bytes.length).append(" bytes\n");
        for (int line = 0; line < bytes.length; line += HEX_BYTES_PER_LINE) {
            dump.append(String.format("%08x  ", line));
            StringBuilder printable = new StringBuilder(HEX_BYTES_PER_LINE);
            for (int i = line; i < line + HEX_BYTES_PER_LINE; i++) {
                if (i < bytes.length) {
                    int b = bytes[i] & 0xff;
                    dump.append(String.format("%02x ", b));
                    printable.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    dump.append("   ");
                }
            }
            dump.append(' ').append(printable).append('\n');
        }
        return dump.toString();
    }
}
