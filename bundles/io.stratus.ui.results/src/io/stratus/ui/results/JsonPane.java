package io.stratus.ui.results;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

/**
 * A read-only pane beside a grid that shows the selected row's JSON (a DynamoDB item, a
 * document) indented, or a hint while nothing is selected. Every method runs on the UI thread.
 */
public final class JsonPane {

    /** Tests find the pane's text under this data key. */
    public static final String TEXT_KEY = "io.stratus.ui.results.jsonPane";

    private final Text text;
    private final String hint;

    /** @param hint what the pane says while it shows nothing, such as "Select an item to see it here." */
    public JsonPane(Composite parent, String hint) {
        this.hint = hint;
        text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setData(TEXT_KEY, Boolean.TRUE);
        clear();
    }

    public Control control() {
        return text;
    }

    /** Shows the JSON indented (text that is not JSON as it is). */
    public void show(String json) {
        text.setText(JsonIndent.of(json).orElse(json));
        text.setForeground(null);
    }

    /** Shows the hint. */
    public void clear() {
        text.setText(hint);
        text.setForeground(text.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
    }
}
