package io.stratus.ui.session;

import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Optional;

/**
 * A person signed in to the workbench: their session, the names of their Stratus roles (as of sign-in or the last
 * change of roles) and how they signed in with keys (what a re-authentication asks for again); no method for a
 * session another service opened ({@link CurrentSession#adopt}, such as IAM Identity Center's), which the person
 * renews by signing in again that way.
 */
public record SignedIn(UserSession session, List<String> roleNames, Optional<SignInMethod> method) {

    public SignedIn {
        roleNames = List.copyOf(roleNames);
    }
}
