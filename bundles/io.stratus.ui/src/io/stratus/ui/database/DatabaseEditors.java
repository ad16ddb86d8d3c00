package io.stratus.ui.database;

import io.stratus.core.cloud.DatabaseEngine;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Which editor opens a database of each engine, as the bundles that know the engines declare it in
 * the extension point {@code io.stratus.ui.databaseEditors}: for one engine ({@code <editor
 * engine="dynamodb" editorId="..."/>}) or for every engine of a family ({@code <editor
 * family="postgresql" .../>}), so that an engine added as a plug-in of a known family opens without
 * a word from the editor's bundle. The explorer opens databases without knowing any engine's editor.
 */
public final class DatabaseEditors {

    public static final String EXTENSION_POINT = "io.stratus.ui.databaseEditors";

    private DatabaseEditors() {
    }

    /** The id of the editor declared for the engine, else for its family, if a bundle declares one. */
    public static Optional<String> editorFor(DatabaseEngine engine) {
        return declared("engine", engine.id()).or(() -> declared("family", engine.family()));
    }

    private static Optional<String> declared(String attribute, String value) {
        return Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT))
                .filter(element -> "editor".equals(element.getName()) && value.equals(element.getAttribute(attribute)))
                .map(element -> element.getAttribute("editorId")).findFirst();
    }

    /**
     * Opens the open database in its engine's editor, which owns the connection from then on
     * (closing the editor closes it).
     *
     * @throws PartInitException when no editor is declared for the engine, or it fails to open
     */
    public static IEditorPart open(IWorkbenchPage page, DatabaseEditorInput input) throws PartInitException {
        String editorId = editorFor(input.engine()).orElseThrow(() -> new PartInitException("No editor for "
                + input.engine().name() + " databases is installed."));
        return page.openEditor(input, editorId);
    }
}
