package io.stratus.ui.app.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * What the platform logged since the desktop started (the last {@link #KEPT} entries), for the Log
 * view, which may open long after an entry was written. The same entries go to the log file in
 * the workspace's {@code .metadata}; nothing here writes anywhere.
 */
@Component(service = RecentLog.class, immediate = true)
public final class RecentLog implements ILogListener {

    /** Enough to see what led to a problem, bounded so that a noisy plug-in cannot fill the heap. */
    static final int KEPT = 1_000;

    /** One entry: when it was logged, and what. */
    public record Entry(Instant at, IStatus status) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> followers = new CopyOnWriteArrayList<>();

    @Activate
    void activate() {
        Platform.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        Platform.removeLogListener(this);
    }

    @Override
    public void logging(IStatus status, String plugin) {
        Entry entry = new Entry(Instant.now(), status);
        synchronized (entries) {
            if (entries.size() == KEPT) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        followers.forEach(follower -> follower.accept(entry));
    }

    /** The entries kept, oldest first. */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** {@code follower} hears of each new entry, on the thread that logged it. */
    public void follow(Consumer<Entry> follower) {
        followers.add(follower);
    }

    public void unfollow(Consumer<Entry> follower) {
        followers.remove(follower);
    }
}
