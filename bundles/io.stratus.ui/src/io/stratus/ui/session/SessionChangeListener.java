package io.stratus.ui.session;

/** Told of each {@link SessionChange}; returns quickly, and moves to the UI thread itself when it needs to. */
@FunctionalInterface
public interface SessionChangeListener {

    void changed(SessionChange change);
}
