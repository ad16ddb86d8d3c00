package io.stratus.aws.simulator;

import io.stratus.aws.simulator.internal.CallControl;
import io.stratus.aws.simulator.internal.server.SimulatorServer;
import io.stratus.aws.simulator.seed.Seed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for AWS that the real AWS SDK talks to: STS, IAM, RDS (also DocumentDB) and Redshift
 * over the Query protocol, Organizations over JSON 1.1, and DynamoDB over JSON 1.0, tables and
 * their data both (items, Query and Scan with their expressions, batches, PartiQL), all on one
 * HTTP endpoint on 127.0.0.1. DynamoDB items live in memory as long as the simulator does, and
 * each table starts with the items its seed gives.
 * Requests are routed by the service in their SigV4 credential scope, so a client only needs
 * {@code endpointOverride(simulator.endpoint())}; any region works, and regional services answer
 * with what the seed holds for the region the request was signed for. Tests use the test-support
 * fragment's {@code TestAwsSimulator} instead, which adds faults, a call log, a clock of their
 * choosing and RDS token checks.
 *
 * <pre>{@code
 * try (AwsSimulator aws = AwsSimulator.start(seed)) {
 *     StsClient sts = StsClient.builder().endpointOverride(aws.endpoint())...build();
 *     ...
 * }
 * }</pre>
 */
public final class AwsSimulator implements AutoCloseable {

    private final SimulatorServer server;

    private AwsSimulator(SimulatorServer server) {
        this.server = server;
    }

    /** Starts on a free port. */
    public static AwsSimulator start(Seed seed) {
        return builder(seed).start();
    }

    public static Builder builder(Seed seed) {
        return new Builder(seed);
    }

    /** The one base URL of every service, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Stops listening; calls in flight are cut off. */
    @Override
    public void close() {
        server.close();
    }

    public static final class Builder {
        private final Seed seed;
        private int port;
        private final Map<String, Duration> latencies = new HashMap<>();

        private Builder(Seed seed) {
            this.seed = seed;
        }

        /** The port on 127.0.0.1 to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Answers every call of a service ({@code "sts"}) this much later, as a distant or busy AWS would. */
        public Builder latency(String service, Duration delay) {
            latencies.put(service, delay);
            return this;
        }

        public AwsSimulator start() {
            Map<String, Duration> delays = Map.copyOf(latencies);
            CallControl control = delays.isEmpty() ? CallControl.NONE : (call, simulator) -> {
                Duration delay = delays.get(call.action().substring(0, Math.max(0, call.action().indexOf(':'))));
                if (delay != null) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return simulator.get();
            };
            return new AwsSimulator(new SimulatorServer(seed, port, Clock.systemUTC(), control));
        }
    }

    /**
     * Runs the simulator on its own: {@code AwsSimulator SEED.json [PORT] [--latency SERVICE=MILLIS]...}.
     * Prints the endpoint on the first line of standard output and serves until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: AwsSimulator SEED.json [PORT] [--latency SERVICE=MILLIS]...   (PORT 0 or none:"
                    + " a free port; --latency sts=50 answers STS 50 ms later)");
            System.exit(2);
        }
        Builder builder = builder(Seed.fromJson(Path.of(args[0])));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--latency") && i + 1 < args.length && args[i + 1].matches("[a-z0-9-]+=\\d+")) {
                String[] latency = args[++i].split("=");
                builder.latency(latency[0], Duration.ofMillis(Long.parseLong(latency[1])));
            } else if (args[i].matches("\\d+")) {
                builder.port(Integer.parseInt(args[i]));
            } else {
                System.err.println("AwsSimulator: unknown argument " + args[i]);
                System.exit(2);
            }
        }
        AwsSimulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "aws-simulator-shutdown"));
        System.out.println(simulator.endpoint());
        System.out.flush();
        stopped.await();
    }
}
