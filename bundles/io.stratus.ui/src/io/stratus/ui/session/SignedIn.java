package io.stratus.ui.session;

import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Objects;

/**
 * A person signed in to the workbench: their session, the names of their Stratus roles (as of sign-in or the last
 * change of roles) and how they signed in (what a re-authentication asks for again).
 */
public record SignedIn(UserSession session, List<String> roleNames, SignInWay way) {

    public SignedIn {
        roleNames = List.copyOf(roleNames);
        Objects.requireNonNull(way, "way");
    }
}
