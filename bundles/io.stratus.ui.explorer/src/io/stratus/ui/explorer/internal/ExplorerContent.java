package io.stratus.ui.explorer.internal;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonContentProvider;
import org.eclipse.ui.navigator.IExtensionStateModel;

/**
 * What the explorer's contributed contents share: the tree they show in, changed from Jobs on the UI
 * thread, top nodes found as any children are, and no state to keep between sessions.
 */
public abstract class ExplorerContent implements ICommonContentProvider {

    private volatile AbstractTreeViewer viewer;

    @Override
    public final void inputChanged(Viewer changed, Object oldInput, Object newInput) {
        viewer = changed instanceof AbstractTreeViewer tree ? tree : null;
    }

    @Override
    public final Object[] getElements(Object input) {
        return getChildren(input);
    }

    /**
     * Makes this provider findable by its view's commands and its label provider, in the navigator's
     * state model of its content (one per view).
     */
    protected final void publish(ICommonContentExtensionSite site) {
        site.getExtensionStateModel().setProperty(getClass().getName(), this);
    }

    /** The provider of {@code type} that shows the content {@code contentId} (its id in plugin.xml) in a view. */
    public static <T extends ExplorerContent> Optional<T> of(CommonNavigator view, String contentId, Class<T> type) {
        return in(view.getNavigatorContentService().findStateModel(contentId), type);
    }

    /** The provider of {@code type} that keeps itself in this state model. */
    public static <T extends ExplorerContent> Optional<T> in(IExtensionStateModel state, Class<T> type) {
        return Optional.ofNullable(state == null ? null : state.getProperty(type.getName())).filter(type::isInstance)
                .map(type::cast);
    }

    /** Changes the tree on the UI thread, later, from any thread; nothing happens once the tree is gone. */
    protected final void inViewer(Consumer<AbstractTreeViewer> change) {
        AbstractTreeViewer tree = viewer;
        if (tree != null && !tree.getControl().isDisposed()) {
            tree.getControl().getDisplay().asyncExec(() -> {
                if (!tree.getControl().isDisposed()) {
                    change.accept(tree);
                }
            });
        }
    }

    @Override
    public void restoreState(IMemento memento) {
    }

    @Override
    public void saveState(IMemento memento) {
    }
}
