package io.stratus.ui.database;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Which editor opens a database of each engine, as the bundles that know the engines declare it in
 * the extension point {@code io.stratus.ui.databaseEditors} ({@code <editor engine="postgres"
 * editorId="..."/>}): the explorer opens databases without knowing any engine's editor.
 */
public final class DatabaseEditors {

    public static final String EXTENSION_POINT = "io.stratus.ui.databaseEditors";

    private DatabaseEditors() {
    }

    /** The id of the editor declared for the engine, if a bundle declares one. */
    public static Optional<String> editorFor(String engineId) {
        return Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT))
                .filter(element -> "editor".equals(element.getName()) && engineId.equals(element.getAttribute("engine")))
                .map(element -> element.getAttribute("editorId")).findFirst();
    }

    /**
     * Opens the open database in its engine's editor, which owns the connection from then on
     * (closing the editor closes it).
     *
     * @throws PartInitException when no editor is declared for the engine, or it fails to open
     */
    public static IEditorPart open(IWorkbenchPage page, DatabaseEditorInput input) throws PartInitException {
        String editorId = editorFor(input.engine().id()).orElseThrow(() -> new PartInitException("No editor for "
                + input.engine().name() + " databases is installed."));
        return page.openEditor(input, editorId);
    }
}
