package io.stratus.ui.internal.session;

import io.stratus.ui.FormParts;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * How Stratus's dialogs show a problem (the sign-in dialog, the setup wizard, the re-authentication dialog, the
 * database editors' JSON dialogs), the one way for all: its whole text in the form, wrapped and selectable (AWS's
 * refusals end with what to check, past the two lines a title area holds), and a short message in the title area,
 * as Eclipse's dialogs have it. Hidden while there is no problem.
 */
public final class ProblemArea {

    /** Data key of the problem's text, for tests. */
    public static final String PROBLEM = "io.stratus.ui.session.problem";
    /** Longer first sentences are cut for the title area (its two lines); the form has them whole. */
    private static final int TITLE_AREA_CHARS = 90;

    private final Consumer<String> titleArea;
    private final Runnable relayout;
    private final Composite area;
    private final Text text;

    /**
     * @param parent a composite with a grid layout; the area takes a whole row of it
     * @param titleArea sets the error message of the dialog's or wizard page's title area ({@code null} clears it)
     * @param relayout lays the dialog out again once the area shows or hides
     */
    public ProblemArea(Composite parent, Consumer<String> titleArea, Runnable relayout) {
        this.titleArea = titleArea;
        this.relayout = relayout;
        area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(area);
        GridDataFactory.fillDefaults().span(((GridLayout) parent.getLayout()).numColumns, 1).grab(true, false)
                .indent(0, 4).applyTo(area);
        Label icon = new Label(area, SWT.NONE);
        icon.setImage(JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_ERROR));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
        text = new Text(area, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
        text.setData(PROBLEM, Boolean.TRUE);
        text.setBackground(area.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(text);
        FormParts.setShown(area, false);
    }

    /** Shows {@code problem} whole, and its first sentence as the title area's message. */
    public void show(String problem) {
        show(firstSentence(problem), problem);
    }

    /** Shows {@code problem} whole, and {@code headline} as the title area's message. */
    public void show(String headline, String problem) {
        titleArea.accept(headline);
        text.setText(problem);
        FormParts.setShown(area, true);
        relayout.run();
    }

    public void clear() {
        titleArea.accept(null);
        if (area.getVisible()) {
            text.setText("");
            FormParts.setShown(area, false);
            relayout.run();
        }
    }

    /** Puts the area below everything its parent shows so far: the problem comes last, above the buttons. */
    void moveToEnd() {
        area.moveBelow(null);
    }

    private static String firstSentence(String problem) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(problem);
        int end = sentences.next();
        String first = end == BreakIterator.DONE ? problem : problem.substring(0, end).strip();
        if (first.length() <= TITLE_AREA_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_AREA_CHARS);
        return first.substring(0, cut > 0 ? cut : TITLE_AREA_CHARS) + "\u2026";
    }
}
