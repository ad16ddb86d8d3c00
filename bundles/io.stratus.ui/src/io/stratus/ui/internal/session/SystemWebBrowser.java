package io.stratus.ui.internal.session;

import io.stratus.ui.session.WebBrowser;

import java.net.URI;

import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Component;

/** The person's default web browser, as the desktop environment launches it. */
@Component(service = WebBrowser.class)
public final class SystemWebBrowser implements WebBrowser {

    @Override
    public boolean open(URI page) {
        boolean[] launched = new boolean[1];
        Display.getDefault().syncExec(() -> launched[0] = Program.launch(page.toString()));
        return launched[0];
    }
}
