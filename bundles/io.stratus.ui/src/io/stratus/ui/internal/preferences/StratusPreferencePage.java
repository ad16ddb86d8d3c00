package io.stratus.ui.internal.preferences;

import io.stratus.bootstrap.InvalidSetting;
import io.stratus.bootstrap.Setting;
import io.stratus.bootstrap.Settings;
import io.stratus.bootstrap.Startup;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window &gt; Preferences &gt; Stratus: the settings of this desktop or IDE that a person may
 * change, kept in {@code stratus.properties} of its data folder (never in Eclipse's preferences)
 * and checked as at start-up. OK writes the file and hands the services their new configuration.
 */
public final class StratusPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** Data key of each setting's text field, for tests. */
    public static final String FIELD_KEY = "io.stratus.ui.preferences.setting";

    /** A field of the page: its label and the hint its tooltip gives. */
    private record Field(String label, String hint) {
    }

    private static final Map<Setting, Field> FIELDS = fields();

    private final Map<Setting, Text> texts = new EnumMap<>(Setting.class);
    private Startup run;

    private static Map<Setting, Field> fields() {
        Map<Setting, Field> fields = new LinkedHashMap<>();
        fields.put(Setting.REGIONS, new Field("Regions to explore",
            "The AWS regions the Cloud Explorer scans, comma-separated (eu-west-1, us-east-1). Empty: the partition's standard regions."));
        fields.put(Setting.AWS_REGION, new Field("Sign-in region",
            "The region of STS and IAM calls, such as eu-west-1. Empty: us-east-1."));
        fields.put(Setting.AWS_ENDPOINT, new Field("AWS endpoint",
            "One URL for every AWS service (LocalStack, a proxy). Empty: AWS's own endpoints."));
        fields.put(Setting.AWS_SERVICE_ENDPOINTS, new Field("Service endpoints",
            "Per service, as service=URL, comma-separated (sts=https://sts-fips.us-east-1.amazonaws.com)."));
        fields.put(Setting.IDLE_TIMEOUT, new Field("Idle timeout (s)",
            "A session nobody uses for this long ends."));
        fields.put(Setting.SESSION_TIMEOUT, new Field("Session timeout (s)",
            "A session ends this long after sign-in, used or not."));
        fields.put(Setting.DATABASE_AUTHORITIES, new Field("Database CAs",
            "A PEM file of certificate authorities trusted for database TLS, besides the AWS RDS ones."));
        return fields;
    }

    @Override
    public void init(IWorkbench workbench) {
        run = workbench.getService(Startup.class);
        setDescription("Settings of Stratus on this computer, kept in stratus.properties of its data folder. "
                + "Changing AWS or session settings ends your session: sign in again afterwards.");
        noDefaultButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(page);
        if (run == null) {
            new Label(page, SWT.WRAP).setText("Stratus's services have not started; see the error shown at start.");
            return page;
        }
        Settings settings = run.settings();
        if (settings.demo()) {
            note(page, "Demo mode: AWS and its regions are the simulator's on this run; what you save here applies "
                    + "when Stratus runs without --demo.");
        }
        FIELDS.forEach((setting, field) -> field(page, settings, setting, field));
        return page;
    }

    private void field(Composite page, Settings settings, Setting setting, Field field) {
        new Label(page, SWT.NONE).setText(field.label() + ":");
        Text text = new Text(page, SWT.BORDER | SWT.SINGLE);
        text.setData(FIELD_KEY, setting.name());
        text.setText(settings.fileValues().getOrDefault(setting, ""));
        text.setToolTipText(field.hint());
        text.addModifyListener(event -> setErrorMessage(null));
        boolean pemFile = setting == Setting.DATABASE_AUTHORITIES;
        GridDataFactory.fillDefaults().grab(true, false).span(pemFile ? 1 : 2, 1).hint(460, SWT.DEFAULT).applyTo(text);
        if (pemFile) {
            Button browse = new Button(page, SWT.PUSH);
            browse.setText("Browse...");
            browse.addListener(SWT.Selection, event -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] {"*.pem;*.crt", "*"});
                Optional.ofNullable(dialog.open()).ifPresent(text::setText);
            });
        }
        Optional<String> outside = settings.givenOutsideFile(setting);
        if (outside.isPresent()) {
            text.setEnabled(false);
            note(page, "Set by " + outside.get() + " on this run, which takes precedence over this page.");
        }
        texts.put(setting, text);
    }

    private static void note(Composite page, String text) {
        Label note = new Label(page, SWT.WRAP);
        note.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(400, SWT.DEFAULT).applyTo(note);
    }

    @Override
    public boolean performOk() {
        if (run == null) {
            return true;
        }
        Settings current = run.settings();
        Map<Setting, String> file = new EnumMap<>(Setting.class);
        file.putAll(current.fileValues());
        texts.forEach((setting, text) -> {
            String value = text.getText().strip();
            if (value.isEmpty()) {
                file.remove(setting);
            } else {
                file.put(setting, value);
            }
        });
        if (file.equals(current.fileValues())) {
            return true;
        }
        try {
            Settings changed = current.withFileValues(file);
            changed.saveFile();
            run.apply(changed);
            return true;
        } catch (InvalidSetting e) {
            Text field = texts.get(e.setting());
            setErrorMessage(field == null ? e.getMessage() : FIELDS.get(e.setting()).label() + ": " + e.whatIsWrong() + ".");
            if (field != null) {
                field.setFocus();
            }
            return false;
        } catch (StratusException e) {
            setErrorMessage(e.getMessage());
            return false;
        } catch (IOException e) {
            setErrorMessage("The services could not take the new settings (" + e.getMessage()
                    + "); they apply when Stratus starts next.");
            return false;
        }
    }
}
