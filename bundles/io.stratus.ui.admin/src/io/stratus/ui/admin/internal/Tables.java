package io.stratus.ui.admin.internal;

import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The administration's tables: of elements a list holds, with text columns. */
final class Tables {

    private Tables() {
    }

    /** A table of the elements of the list or array it is given as input, found by tests under {@code dataKey}. */
    static TableViewer viewer(Composite parent, int style, String dataKey) {
        TableViewer viewer = new TableViewer(parent, style | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setData(dataKey, Boolean.TRUE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** A column showing {@code text} of each element, which must be a {@code T}. */
    static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public String getText(Object element) {
                return Objects.toString(text.apply((T) element), "");
            }
        });
    }
}
