package io.stratus.aws.simulator.testing;

import java.time.Duration;

/**
 * Latency and failures injected into a running simulator; safe to call from any thread while
 * requests are served. Calls are selected by IAM-style action patterns: {@code *} (every call),
 * {@code sts:*} (one service), {@code iam:ListAccountAliases} (one action); case does not matter.
 * Every rule can also be limited to a region (as signed in the request's credential scope), given
 * as a pattern too: {@code eu-west-1}, {@code eu-*}; {@code *}, the default, is every region.
 * Latency and faults apply before authentication, as they would at AWS's front door.
 */
public interface Faults {

    /**
     * Delays every matching call by {@code delay} before it is answered; {@link Duration#ZERO}
     * removes the delay. When several patterns match, the longest (most specific) one applies.
     */
    default Faults latency(String actionPattern, Duration delay) {
        return latency(actionPattern, "*", delay);
    }

    /**
     * Delays matching calls to the regions matching {@code regionPattern}, e.g. one slow region
     * while the others answer at once. Among matching rules the longest action pattern wins, then
     * the longest region pattern.
     */
    Faults latency(String actionPattern, String regionPattern, Duration delay);

    default Faults latency(Duration delay) {
        return latency("*", delay);
    }

    /** Answers the next {@code calls} matching calls with {@code fault}, then answers normally again. */
    default Faults failNext(int calls, Fault fault, String actionPattern) {
        return failNext(calls, fault, actionPattern, "*");
    }

    /** As {@link #failNext(int, Fault, String)}, for calls to the regions matching {@code regionPattern} only. */
    Faults failNext(int calls, Fault fault, String actionPattern, String regionPattern);

    default Faults failNext(int calls, Fault fault) {
        return failNext(calls, fault, "*");
    }

    /**
     * Answers about {@code fraction} (0..1) of the matching calls with {@code fault}, until
     * {@link #clear()}. The random sequence is fixed, so a test run is repeatable.
     */
    default Faults failFraction(double fraction, Fault fault, String actionPattern) {
        return failFraction(fraction, fault, actionPattern, "*");
    }

    /** As {@link #failFraction(double, Fault, String)}, for calls to the regions matching {@code regionPattern} only. */
    Faults failFraction(double fraction, Fault fault, String actionPattern, String regionPattern);

    default Faults failFraction(double fraction, Fault fault) {
        return failFraction(fraction, fault, "*");
    }

    /**
     * Moves the simulator's clock by {@code offset} (positive: the simulator is ahead of the
     * client), as if the client's clock were skewed the other way. It affects signature time
     * checks, credential expiry and the {@code Date} response header.
     */
    Faults clockOffset(Duration offset);

    /** Removes every latency, fault and clock offset. */
    void clear();
}
