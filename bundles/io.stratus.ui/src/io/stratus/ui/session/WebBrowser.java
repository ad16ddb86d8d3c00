package io.stratus.ui.session;

import java.net.URI;

/**
 * Opens a web page for the person, outside Stratus: the verification page of an IAM Identity Center
 * sign-in. An OSGi service; the one with the highest ranking is used, so tests (which must not open
 * a real browser) put their own in front of the system's.
 */
public interface WebBrowser {

    /** Opens {@code page}; returns whether a browser took it (if not, the person has the link to click or copy). */
    boolean open(URI page);
}
