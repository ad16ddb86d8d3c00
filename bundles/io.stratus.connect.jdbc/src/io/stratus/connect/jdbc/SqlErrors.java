package io.stratus.connect.jdbc;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.sql.SQLException;

/**
 * Turns a database's refusal into a message a person can act on, keeping the database's own
 * words and SQLSTATE. Drivers do not put passwords in their messages, and nothing here adds one.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static StratusException explain(SQLException e, String doing) {
        return explainLogin(e, doing, false);
    }

    /** Like {@link #explain}, for a login with a password or, with {@code iam}, an IAM token. */
    static StratusException explainLogin(SQLException e, String doing, boolean iam) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = e.getMessage() + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        if (state.startsWith("08")) {
            return new StratusException(Problem.REMOTE_UNREACHABLE, "The database cannot be reached while " + doing
                    + ": " + reason + ". Check the endpoint, network and TLS settings, then reconnect.", e);
        }
        if (state.startsWith("28")) {
            return new StratusException(Problem.INVALID_INPUT, "The database refused the login: " + reason
                    + (iam ? ". Check that your IAM policy allows rds-db:connect for this database user, and that the user"
                            + " may log in with IAM (PostgreSQL: GRANT rds_iam; MySQL: IDENTIFIED WITH AWSAuthenticationPlugin)."
                            : ". Check the user name and password."), e);
        }
        if (state.equals("25006")) {
            return new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you "
                    + "read data, not change it): " + reason, e);
        }
        if (state.equals("57014") || state.equals("70100")) { // PostgreSQL's, MySQL's "query canceled"
            return new StratusException(Problem.CONFLICT, "The statement was cancelled: " + reason, e);
        }
        return new StratusException(Problem.INVALID_INPUT, "The database refused " + doing + ": " + reason, e);
    }
}
