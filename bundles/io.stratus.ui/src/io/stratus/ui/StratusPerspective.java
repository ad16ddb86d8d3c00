package io.stratus.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Stratus perspective: where the database explorer and editors will live. */
public final class StratusPerspective implements IPerspectiveFactory {

    public static final String ID = "io.stratus.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
    }
}
