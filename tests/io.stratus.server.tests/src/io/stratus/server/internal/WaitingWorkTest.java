package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The line in front of the threads that wait on AWS: full means 503 with Retry-After at once, then room again. */
class WaitingWorkTest {

    @Test
    void workBeyondTheThreadsAndTheirLineIsRefusedAtOnceAndTheLineRunsWhenTheyAreFree() throws Exception {
        CountDownLatch awsAnswers = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(4);
        try (WaitingWork work = new WaitingWork("test-sign-in", "sign-ins", 1, 3)) {
            work.execute(() -> {
                busy.countDown();
                await(awsAnswers);
                done.incrementAndGet();
                allDone.countDown();
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS), "the one thread took the first");
            for (int i = 0; i < 3; i++) {
                work.execute(() -> {
                    done.incrementAndGet();
                    allDone.countDown();
                });
            }

            ApiException full = assertThrows(ApiException.class, () -> work.execute(done::incrementAndGet));
            assertEquals(ApiError.UNAVAILABLE, full.error);
            assertEquals(Optional.of(Duration.ofSeconds(5)), full.retryAfter);
            assertTrue(full.getMessage().startsWith("Stratus is busy with sign-ins for other people right now"),
                    full.getMessage());

            awsAnswers.countDown();
            assertTrue(allDone.await(10, TimeUnit.SECONDS), "the three in line ran once the thread was free");
            assertEquals(4, done.get(), "the refused work never ran");
            CountDownLatch again = new CountDownLatch(1);
            work.execute(again::countDown);
            assertTrue(again.await(10, TimeUnit.SECONDS), "there is room again");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
