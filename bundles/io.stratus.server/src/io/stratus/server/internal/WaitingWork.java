package io.stratus.server.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of their own for handlers that wait on AWS or a database, so that a slow AWS holds these
 * and never the HTTP listener's threads, which answer the health check and everybody else. At most
 * {@code threads} run at once and {@code queuedPerThread} times as many wait in line; beyond that the
 * request gets 503 with Retry-After at once rather than waiting without end.
 */
final class WaitingWork implements AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final String what;
    private final ThreadPoolExecutor executor;

    /**
     * @param what what the work is, for the message when it is full ("sign-ins")
     * @param queuedPerThread how many may wait in line for each thread
     */
    WaitingWork(String name, String what, int threads, int queuedPerThread) {
        this.what = what;
        AtomicInteger number = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * queuedPerThread), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs the work on one of these threads, or refuses it with 503 when they and the line are full. */
    void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            throw new ApiException(ApiError.UNAVAILABLE, "Stratus is busy with " + what + " for other people "
                    + "right now, waiting on AWS or databases. Try again in " + RETRY_AFTER.toSeconds() + " s.",
                    Optional.of(RETRY_AFTER));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
