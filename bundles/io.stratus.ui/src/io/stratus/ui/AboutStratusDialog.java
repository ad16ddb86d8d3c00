package io.stratus.ui;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/** Name, version and a one-line description of Stratus. */
public final class AboutStratusDialog extends Dialog {

    public static final String TITLE = "About Stratus";
    /** Data key of the version label, so tests and people read the same text. */
    public static final String VERSION_LABEL = "io.stratus.ui.about.version";

    public AboutStratusDialog(Shell parent) {
        super(parent);
    }

    /** The version people see: major.minor.micro, then the build qualifier. */
    public static String versionText() {
        Version v = FrameworkUtil.getBundle(AboutStratusDialog.class).getVersion();
        String release = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        return v.getQualifier().isEmpty() ? "Version " + release : "Version " + release + " (build " + v.getQualifier() + ")";
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().margins(16, 16).spacing(0, 8).applyTo(area);
        Label name = new Label(area, SWT.NONE);
        name.setText("Stratus");
        name.setFont(JFaceResources.getHeaderFont());
        Label version = new Label(area, SWT.NONE);
        version.setText(versionText());
        version.setData(VERSION_LABEL, Boolean.TRUE);
        Label blurb = new Label(area, SWT.WRAP);
        blurb.setText("A database workbench for AWS: sign in with your own AWS keys and open the account's "
                + "RDS, Aurora, Redshift, DocumentDB and DynamoDB databases with their native clients.");
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(blurb);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
