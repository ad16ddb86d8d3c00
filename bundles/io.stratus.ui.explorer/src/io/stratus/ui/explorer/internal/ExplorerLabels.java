package io.stratus.ui.explorer.internal;

import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonLabelProvider;

/**
 * What the explorer's label providers share: styled labels (null for nodes of other content, which
 * the navigator then asks elsewhere), their plain text, icons made once and disposed with the
 * provider, and no state to keep between sessions.
 */
public abstract class ExplorerLabels extends LabelProvider implements ICommonLabelProvider, IStyledLabelProvider {

    private ExplorerIcons icons = new ExplorerIcons(Engines.NONE);

    /** Created by the navigator from plugin.xml: the engines of the services running by now name the icons. */
    @Override
    public void init(ICommonContentExtensionSite site) {
        icons.dispose();
        icons = new ExplorerIcons(Engines.running());
    }

    protected final ExplorerIcons icons() {
        return icons;
    }

    @Override
    public final String getText(Object element) {
        StyledString text = getStyledText(element);
        return text == null ? null : text.getString();
    }

    @Override
    public void restoreState(IMemento memento) {
    }

    @Override
    public void saveState(IMemento memento) {
    }

    @Override
    public void dispose() {
        icons.dispose();
        super.dispose();
    }
}
