package io.stratus.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.part.EditorPart;

/**
 * An editor whose work goes to Stratus's services as the person does it (a statement run, a role
 * granted): it is never dirty, and Save has nothing to do.
 */
public abstract class NothingToSaveEditorPart extends EditorPart {

    @Override
    public final void doSave(IProgressMonitor monitor) {
        // nothing to save
    }

    @Override
    public final void doSaveAs() {
        // nothing to save
    }

    @Override
    public final boolean isDirty() {
        return false;
    }

    @Override
    public final boolean isSaveAsAllowed() {
        return false;
    }
}
