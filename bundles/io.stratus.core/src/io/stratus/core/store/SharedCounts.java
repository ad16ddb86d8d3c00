package io.stratus.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts kept in the store, which every node on it shares, for limits that must hold however many
 * nodes there are (failed sign-ins). Each count is one atomic statement of the database, so attempts
 * made at once on any number of nodes cannot pass a limit together.
 * <p>
 * A name's count lives in a window that begins with the first attempt counted while there was none
 * (none yet, all taken back, or the last window over) and lasts the duration that attempt gives; when
 * the window ends, the count starts again from nothing. Failures surface as {@code StratusException}
 * with {@code Problem.UNAVAILABLE}.
 */
public interface SharedCounts {

    /** One attempt counted: the count with it, and the end of its window, which names the window. */
    record Counted(String name, int count, Instant windowEnds) {
    }

    /**
     * Counts one attempt for {@code name} if its count is below {@code limit}; empty, counting
     * nothing, if it has reached it.
     *
     * @param window how long a window begun by this attempt lasts
     */
    Optional<Counted> countBelow(String name, int limit, Duration window);

    /** When the window of a name's count ends, if it has one that has not. */
    Optional<Instant> windowEnds(String name);

    /** Takes back an attempt counted, unless its window has ended since. */
    void takeBack(Counted counted);

    /** Forgets a name's count. */
    void forget(String name);
}
