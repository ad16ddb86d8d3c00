package io.stratus.core.database;

/**
 * Whiteboard service told when a sign-in session's open databases change: one opened, or one
 * closed (by its owner, because their roles no longer allow it as it was opened, or with the
 * session), so that a front end showing them (the desktop's Cloud Explorer) follows at once.
 * Called on the thread that made the change, after it; implementations return quickly and never throw.
 */
public interface OpenDatabasesListener {

    void opened(String sessionId, OpenDatabase database);

    void closed(String sessionId, String connectionId);
}
