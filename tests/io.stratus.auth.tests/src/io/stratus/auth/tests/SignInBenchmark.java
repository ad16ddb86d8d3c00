package io.stratus.auth.tests;

import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Sign-in overhead over the STS round trip, and sign-in under 200 concurrent people. Prints its
 * figures and asserts nothing: run it with {@code ./mvnw verify -DskipTests -Dbenchmarks}.
 * <p>
 * STS answers after a fixed latency (the simulator's). The STS round trip is measured with the
 * same keys, client and latency, then sign-in; the overhead is what sign-in adds: local checks,
 * admission, the store transaction, the audit entry and opening the session.
 */
class SignInBenchmark {

    private static final Duration STS_LATENCY = Duration.ofMillis(20);
    private static final int WARM_UP = 200;
    private static final int SAMPLES = 1_000;
    private static final int CONCURRENT = 200;

    @Test
    void signInOverheadAndConcurrency() throws Exception {
        try (TestAwsSimulator simulator = TestAwsSimulator.start(TestAccounts.SEED)) {
            StratusServices stratus = new StratusServices();
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
            stratus.freshInstance("benchmark");
            SignInService signIn = stratus.signIn();
            signIn.setUp(TestAccounts.alice());
            simulator.faults().latency("sts:*", STS_LATENCY);

            Supplier<Long> stsRoundTrip = () -> nanos(() -> stratus.aws().call(AwsKeys.of(TestAccounts.bob()),
                    AwsService.sts(), "GetCallerIdentity",
                    (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs))));
            Supplier<Long> signInOnce = () -> nanos(() -> signIn.signOut(signIn.signIn(TestAccounts.bob()).id()));
            for (int i = 0; i < WARM_UP; i++) {
                stsRoundTrip.get();
                signInOnce.get();
            }
            long[] sts = new long[SAMPLES];
            long[] signIns = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) { // interleaved, so both see the same machine
                sts[i] = stsRoundTrip.get();
                signIns[i] = signInOnce.get();
            }
            Arrays.sort(sts);
            Arrays.sort(signIns);
            System.out.printf("%n[benchmark] sign-in, %d samples, STS latency %d ms (simulator)%n", SAMPLES,
                    STS_LATENCY.toMillis());
            System.out.printf("[benchmark]   STS round trip      p50 %7.2f ms   p99 %7.2f ms%n", ms(p(sts, 50)), ms(p(sts, 99)));
            System.out.printf("[benchmark]   sign-in + sign-out  p50 %7.2f ms   p99 %7.2f ms%n", ms(p(signIns, 50)),
                    ms(p(signIns, 99)));
            System.out.printf("[benchmark]   overhead            p50 %7.2f ms   p99 %7.2f ms   (target: p50 <= 5 ms)%n",
                    ms(p(signIns, 50) - p(sts, 50)), ms(p(signIns, 99) - p(sts, 99)));

            concurrentSignIns(signIn);
            stratus.stop();
        }
    }

    private static void concurrentSignIns(SignInService signIn) throws InterruptedException {
        List<Supplier<AwsCredentials>> people = List.of(TestAccounts::bob, TestAccounts::dave, TestAccounts::alice);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> attempts = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            Supplier<AwsCredentials> keys = people.get(i % people.size());
            attempts.add(pool.submit(() -> {
                start.await();
                long begun = System.nanoTime();
                UserSession session = signIn.signIn(keys.get());
                long took = System.nanoTime() - begun;
                signIn.signOut(session.id());
                return took;
            }));
        }
        long begun = System.nanoTime();
        start.countDown();
        List<Long> took = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Future<Long> attempt : attempts) {
            try {
                took.add(attempt.get());
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(e.getCause().toString());
            }
        }
        long wall = System.nanoTime() - begun;
        pool.shutdown();
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("[benchmark] %d concurrent sign-ins: %d ok, %d errors (target: 0), wall %.0f ms, "
                + "p50 %.1f ms, p99 %.1f ms%n", CONCURRENT, took.size(), errors.size(), ms(wall),
                sorted.length == 0 ? 0 : ms(p(sorted, 50)), sorted.length == 0 ? 0 : ms(p(sorted, 99)));
        errors.stream().distinct().forEach(e -> System.out.println("[benchmark]   error: " + e));
    }

    private static long nanos(Runnable work) {
        long begun = System.nanoTime();
        work.run();
        return System.nanoTime() - begun;
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
