package io.stratus.ui.sql.internal;

import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.sql.internal.StatementSplitter.Statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.commands.ActionHandler;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The text of a SQL editor: a JFace {@link SourceViewer} with the dialect's colouring and
 * completion from the database's catalog, and what the editor runs from it.
 */
public final class SqlEditorText {

    /** Data key of the text widget, for tests. */
    public static final String TEXT = "io.stratus.ui.sql.text";

    /** Edit commands the text serves while its editor is active. */
    private static final Map<String, Integer> EDITING = Map.of(
            IWorkbenchCommandConstants.EDIT_COPY, ITextOperationTarget.COPY,
            IWorkbenchCommandConstants.EDIT_CUT, ITextOperationTarget.CUT,
            IWorkbenchCommandConstants.EDIT_PASTE, ITextOperationTarget.PASTE,
            IWorkbenchCommandConstants.EDIT_SELECT_ALL, ITextOperationTarget.SELECT_ALL,
            IWorkbenchCommandConstants.EDIT_UNDO, ITextOperationTarget.UNDO,
            IWorkbenchCommandConstants.EDIT_REDO, ITextOperationTarget.REDO);

    private final SourceViewer viewer;
    private final StatementSplitter splitter;
    private final SqlCompletion completion;
    private final Completions assistant = new Completions();

    public SqlEditorText(Composite parent, DatabaseEditorInput database, DatabaseService databases, UserSession session) {
        SqlDialect dialect = SqlDialect.of(database.engine().family());
        splitter = new StatementSplitter(dialect);
        Set<String> defaultSchemas = new LinkedHashSet<>(dialect.defaultSchemas());
        database.database().database().ifPresent(defaultSchemas::add); // MySQL's schemas are its databases
        CatalogCache catalog = new CatalogCache(databases, session, database.connectionId(), database.getName());
        completion = new SqlCompletion(dialect, catalog, List.copyOf(defaultSchemas), loaded -> reopenCompletion());
        SqlColouring colouring = new SqlColouring(dialect);
        viewer = new SourceViewer(parent, null, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.configure(new SourceViewerConfiguration() {
            @Override
            public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
                return SqlColouring.PARTITIONING;
            }

            @Override
            public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
                return SqlColouring.CONTENT_TYPES;
            }

            @Override
            public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
                return colouring.reconciler();
            }

            @Override
            public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
                assistant.setDocumentPartitioning(SqlColouring.PARTITIONING);
                assistant.setContentAssistProcessor(completion, IDocument.DEFAULT_CONTENT_TYPE);
                assistant.enableAutoActivation(true);
                assistant.setAutoActivationDelay(300);
                assistant.enableAutoInsert(true);
                assistant.setShowEmptyList(true);
                return assistant;
            }
        });
        IDocument document = new Document();
        colouring.partition(document);
        viewer.setDocument(document);
        StyledText widget = viewer.getTextWidget();
        widget.setFont(JFaceResources.getTextFont());
        widget.setData(TEXT, Boolean.TRUE);
    }

    public StyledText widget() {
        return viewer.getTextWidget();
    }

    public void setFocus() {
        viewer.getTextWidget().setFocus();
    }

    /** The selection's statements, else the statement at the caret. */
    public List<Statement> statementsToRun() {
        String text = viewer.getDocument().get();
        Point selected = viewer.getSelectedRange();
        if (selected.y > 0) {
            List<Statement> statements = new ArrayList<>();
            for (Statement part : splitter.split(text.substring(selected.x, selected.x + selected.y))) {
                statements.add(new Statement(part.start() + selected.x, part.end() + selected.x, part.text()));
            }
            return statements;
        }
        return splitter.statementAt(text, selected.x).map(List::of).orElse(List.of());
    }

    public List<Statement> allStatements() {
        return splitter.split(viewer.getDocument().get());
    }

    /** Shows a statement (the one that failed) with the caret at its start; selecting it would let typing replace it. */
    public void showStart(Statement statement) {
        viewer.setSelectedRange(statement.start(), 0);
        viewer.revealRange(statement.start(), statement.end() - statement.start());
    }

    /** Puts text in at the caret, in place of the selection. */
    public void insertAtCaret(String inserted) {
        Point selected = viewer.getSelectedRange();
        viewer.getTextWidget().replaceTextRange(selected.x, selected.y, inserted);
        viewer.setSelectedRange(selected.x + inserted.length(), 0);
    }

    public void completeAtCaret() {
        viewer.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
    }

    /** The catalog has read more: the proposals open again if they were asked for here and lacked it. */
    private void reopenCompletion() {
        StyledText widget = viewer.getTextWidget();
        if (widget.isDisposed()) {
            return;
        }
        widget.getDisplay().asyncExec(() -> {
            if (!widget.isDisposed() && completion.lacking(viewer.getSelectedRange().x)) {
                assistant.showAgain();
            }
        });
    }

    /** The content assistant, which can show its proposals again with what the catalog has read since. */
    private static final class Completions extends ContentAssistant {

        /** An open popup keeps the proposals it was opened with: it closes first. */
        void showAgain() {
            hide();
            showPossibleCompletions();
        }
    }

    /** Copy, cut, paste, select all, undo and redo act on the text while its editor is active. */
    public void activateEditingHandlers(IHandlerService handlers) {
        EDITING.forEach((command, operation) -> handlers.activateHandler(command, new ActionHandler(new Action() {
            @Override
            public void run() {
                viewer.doOperation(operation);
            }
        })));
    }
}
