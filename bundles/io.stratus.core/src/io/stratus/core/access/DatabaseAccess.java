package io.stratus.core.access;

import io.stratus.core.database.AccessMode;
import io.stratus.core.session.UserSession;

/**
 * Which discovered databases a person may open, and how: an Administrator can limit a role to
 * databases whose resource ids match its patterns. Only the person's roles that allow connecting
 * and are not limited away from the database count: it may be opened if there is one, and written
 * if one of those also allows writing data.
 */
public interface DatabaseAccess {

    /**
     * @return how the person may work in the database
     * @throws io.stratus.core.StratusException FORBIDDEN, saying which roles limit the person and
     *         whom to ask
     */
    AccessMode modeFor(UserSession session, String resourceId);
}
