package io.stratus.core.connect;

import io.stratus.core.session.UserSession;

/**
 * Which discovered databases a person may open: an Administrator can limit a role to databases
 * whose resource ids match its patterns. A person may open a database if any of their roles that
 * allows connecting is not limited, or has a pattern that matches it.
 */
public interface DatabaseAccess {

    /**
     * @throws io.stratus.core.StratusException FORBIDDEN, saying which roles limit the person and
     *         whom to ask
     */
    void requireMayOpen(UserSession session, String resourceId);
}
