package io.stratus.ui.internal.database;

import io.stratus.ui.database.DatabaseEditorPart;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;

import java.util.Arrays;
import java.util.Objects;

import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Closes the editors of open databases when the session that opened them ends (signed out, timed
 * out, or replaced by another person's sign-in): their connections ended with it, and another
 * person must not work in them.
 */
@Component(service = {}, immediate = true)
public final class DatabaseEditorCloser implements SessionChangeListener {

    private final CurrentSession session;

    @Activate
    public DatabaseEditorCloser(@Reference CurrentSession session) {
        this.session = session;
        session.addListener(this);
    }

    @Deactivate
    void deactivate() {
        session.removeListener(this);
    }

    @Override
    public void changed(SessionChange change) {
        if (!change.keepsSession() && PlatformUI.isWorkbenchRunning()) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(this::closeEditorsOfEndedSessions);
        }
    }

    private void closeEditorsOfEndedSessions() {
        String current = session.signedIn().map(who -> who.session().id()).orElse(null);
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                IEditorReference[] ended = Arrays.stream(page.getEditorReferences())
                        .filter(reference -> reference.getEditor(false) instanceof DatabaseEditorPart editor
                                && !Objects.equals(editor.session().id(), current))
                        .toArray(IEditorReference[]::new);
                page.closeEditors(ended, false);
            }
        }
    }
}
