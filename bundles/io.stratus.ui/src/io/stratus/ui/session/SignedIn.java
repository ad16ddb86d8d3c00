package io.stratus.ui.session;

import io.stratus.core.session.UserSession;

import java.util.List;

/** A person signed in to the workbench: their session and the names of their Stratus roles (as of sign-in or the last change of roles). */
public record SignedIn(UserSession session, List<String> roleNames) {

    public SignedIn {
        roleNames = List.copyOf(roleNames);
    }
}
