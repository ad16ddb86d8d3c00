package io.stratus.ui.admin.internal;

import io.stratus.ui.admin.AdminCommands;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** A part's line saying what it did last, or what went wrong (with a warning sign). */
final class StatusLine {

    private final CLabel label;

    StatusLine(Composite parent) {
        label = new CLabel(parent, SWT.NONE);
        label.setData(AdminCommands.STATUS_LINE, Boolean.TRUE);
    }

    Control control() {
        return label;
    }

    void say(String message) {
        show(message, null);
    }

    void warn(String message) {
        show(message, ISharedImages.IMG_OBJS_WARN_TSK);
    }

    private void show(String message, String image) {
        label.setText(message);
        label.setImage(image == null ? null : PlatformUI.getWorkbench().getSharedImages().getImage(image));
        label.getParent().layout();
    }
}
