package io.stratus.ui.documentdb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.BsonValue;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;

/**
 * The documents read, as a tree: a document by its {@code _id}, then its fields, nested documents
 * and arrays expandable, with each value and its BSON type. While the result has more, its last
 * line reads the next page on a double-click or Enter.
 */
public final class DocumentTree {

    /** Data key of the tree, for tests. */
    public static final String TREE = "io.stratus.ui.documentdb.tree";
    /** The text of the line that reads the next page. */
    public static final String MORE = "More documents\u2026";

    /** A document of the result, by its place in it (the same document may be found twice). */
    private record Row(int index, FoundDocument document) {
    }

    /**
     * A field of a document, or an element of an array ({@code [0]}), in the document numbered
     * {@code document}; its path from the document ({@code address.lines.[0]}) tells equal fields
     * of different places apart, as the viewer finds items by equality.
     */
    private record Field(int document, String path, String name, BsonValue value) {

        Field child(String childName, BsonValue childValue) {
            return new Field(document, path + "." + childName, childName, childValue);
        }
    }

    /** The line after the documents while the result has more. */
    private static final Object READ_MORE = new Object();

    private final TreeViewer viewer;
    private final List<FoundDocument> documents = new ArrayList<>();
    private final Color quiet;
    private boolean more;

    public DocumentTree(Composite parent, Runnable readMore) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setData(TREE, Boolean.TRUE);
        quiet = tree.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        column("Field", 160, this::name);
        column("Value", 220, this::value);
        column("Type", 80, this::type);
        viewer.setContentProvider(new Content());
        viewer.setInput(documents);
        viewer.addDoubleClickListener(event -> {
            Object chosen = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (chosen == READ_MORE) {
                readMore.run();
            } else if (chosen != null && viewer.isExpandable(chosen)) {
                viewer.setExpandedState(chosen, !viewer.getExpandedState(chosen));
            }
        });
    }

    public Tree control() {
        return viewer.getTree();
    }

    /** Shows these documents in place of those shown, and whether the result has more. */
    public void show(List<FoundDocument> first, boolean hasMore) {
        documents.clear();
        add(first, hasMore);
    }

    /** Adds the next page of the result. */
    public void add(List<FoundDocument> page, boolean hasMore) {
        documents.addAll(page);
        more = hasMore;
        viewer.refresh();
    }

    /** The documents read so far, in the result's order. */
    public List<FoundDocument> documents() {
        return List.copyOf(documents);
    }

    /** The document the selection is in (on it, or on one of its fields). */
    public Optional<FoundDocument> selectedDocument() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return switch (selected) {
            case Row row -> Optional.of(row.document());
            case Field field -> Optional.of(documents.get(field.document()));
            case null, default -> Optional.empty();
        };
    }

    /** Hears the selected document change (empty when none is). */
    public void onSelection(Consumer<Optional<FoundDocument>> listener) {
        viewer.addSelectionChangedListener(event -> listener.accept(selectedDocument()));
    }

    private String name(Object element) {
        return switch (element) {
            case Row row -> row.document().idText();
            case Field field -> field.name();
            default -> MORE;
        };
    }

    private String value(Object element) {
        return switch (element) {
            case Row row -> DocumentJson.text(row.document().document());
            case Field field -> DocumentJson.text(field.value());
            default -> "";
        };
    }

    private String type(Object element) {
        return switch (element) {
            case Row row -> "Document";
            case Field field -> DocumentJson.type(field.value());
            default -> "";
        };
    }

    private void column(String title, int width, Function<Object, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public Color getForeground(Object element) {
                return element == READ_MORE ? quiet : null;
            }
        });
    }

    /** Documents, then the fields of a document and the elements of an array, as they are expanded. */
    private final class Content implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            List<Object> top = new ArrayList<>(IntStream.range(0, documents.size())
                    .mapToObj(i -> new Row(i, documents.get(i))).toList());
            if (more) {
                top.add(READ_MORE);
            }
            return top.toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return switch (parent) {
                case Row row -> row.document().document().entrySet().stream()
                        .map(entry -> new Field(row.index(), entry.getKey(), entry.getKey(), entry.getValue())).toArray();
                case Field field when field.value().isDocument() -> field.value().asDocument().entrySet().stream()
                        .map(entry -> field.child(entry.getKey(), entry.getValue())).toArray();
                case Field field when field.value().isArray() -> IntStream.range(0, field.value().asArray().size())
                        .mapToObj(i -> field.child("[" + i + "]", field.value().asArray().get(i))).toArray();
                default -> new Object[0];
            };
        }

        @Override
        public Object getParent(Object element) {
            return null; // not needed: the tree is only walked down
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Row row ? !row.document().document().isEmpty()
                    : element instanceof Field field && (field.value().isDocument() && !field.value().asDocument().isEmpty()
                            || field.value().isArray() && !field.value().asArray().isEmpty());
        }
    }
}
