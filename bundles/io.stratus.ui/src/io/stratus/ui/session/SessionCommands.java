package io.stratus.ui.session;

/** The ids of the session's commands and of the expression variables that enable commands. */
public final class SessionCommands {

    /** Opens the sign-in dialog, or the setup wizard on an instance nobody has set up. */
    public static final String SIGN_IN = "io.stratus.ui.session.signIn";
    public static final String SIGN_OUT = "io.stratus.ui.session.signOut";

    /** Expression variable: {@code Boolean.TRUE} while somebody is signed in. */
    public static final String SIGNED_IN_VARIABLE = "io.stratus.ui.session.signedIn";
    /**
     * Expression variable: the ids of the {@link io.stratus.core.access.Action actions} the signed-in
     * person may do (empty when signed out), for {@code <with><iterate><equals value="read-audit"/>}.
     */
    public static final String ACTIONS_VARIABLE = "io.stratus.ui.session.actions";

    private SessionCommands() {
    }
}
