package io.stratus.aws.simulator;

import io.stratus.aws.simulator.internal.CallRecorder;
import io.stratus.aws.simulator.internal.Dispatcher;
import io.stratus.aws.simulator.internal.FaultInjection;
import io.stratus.aws.simulator.internal.HttpListener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for AWS that the real AWS SDK talks to: STS, IAM, RDS (also DocumentDB) and Redshift
 * over the Query protocol, Organizations over JSON 1.1, and DynamoDB over JSON 1.0, tables and
 * their data both (items, Query and Scan with their expressions, batches, PartiQL), all on one
 * HTTP endpoint on 127.0.0.1. DynamoDB items live in memory as long as the simulator does, and
 * each table starts with the items its seed gives.
 * Requests are routed by the service in their SigV4 credential scope, so a client only needs
 * {@code endpointOverride(simulator.endpoint())}; any region works, and regional services answer
 * with what the seed holds for the region the request was signed for.
 *
 * <pre>{@code
 * try (AwsSimulator aws = AwsSimulator.start(seed)) {
 *     StsClient sts = StsClient.builder().endpointOverride(aws.endpoint())...build();
 *     aws.faults().failNext(2, Fault.THROTTLING, "sts:*");
 *     ...
 *     assertEquals(3, aws.calls().count("sts:GetCallerIdentity"));
 * }
 * }</pre>
 */
public final class AwsSimulator implements AutoCloseable {

    private final FaultInjection faults;
    private final CallRecorder calls;
    private final Dispatcher dispatcher;
    private final HttpListener listener;
    private final URI endpoint;

    private AwsSimulator(Builder builder) {
        this.faults = new FaultInjection();
        this.calls = new CallRecorder();
        this.dispatcher = new Dispatcher(builder.seed, faults, calls, builder.clock);
        this.listener = new HttpListener(dispatcher, builder.port);
        int port;
        try {
            port = listener.start();
        } catch (Exception e) {
            throw new IllegalStateException("The AWS simulator could not listen on 127.0.0.1:" + builder.port, e);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts on a free port with the system clock. */
    public static AwsSimulator start(Seed seed) {
        return builder(seed).start();
    }

    public static Builder builder(Seed seed) {
        return new Builder(seed);
    }

    /** The one base URL of every service, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Latency, failures and clock skew to inject from now on. */
    public Faults faults() {
        return faults;
    }

    public CallLog calls() {
        return calls;
    }

    /** The simulator's current time: its clock plus any {@link Faults#clockOffset offset}. */
    public Instant now() {
        return dispatcher.now();
    }

    /**
     * Checks an RDS IAM database authentication token as an RDS database does at login, by the
     * simulator's clock: it must be a presigned {@code rds-db} "connect" for this endpoint, region
     * and database user, signed with a current key the simulator issued.
     *
     * @return the ARN of the identity whose keys signed the token
     * @throws IllegalArgumentException saying why the database would refuse the login
     */
    public String verifyRdsAuthToken(String token, String host, int port, String region, String dbUser) {
        return dispatcher.verifyRdsAuthToken(token, host, port, region, dbUser);
    }

    /** Stops listening; calls in flight are cut off. */
    @Override
    public void close() {
        try {
            listener.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The AWS simulator at " + endpoint + " did not stop cleanly", e);
        }
    }

    public static final class Builder {
        private final Seed seed;
        private int port;
        private Clock clock = Clock.systemUTC();

        private Builder(Seed seed) {
            this.seed = seed;
        }

        /** The port on 127.0.0.1 to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock that signing times and credential expiry are judged by; see {@link ManualClock}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AwsSimulator start() {
            return new AwsSimulator(this);
        }
    }

    /**
     * Runs the simulator on its own: {@code AwsSimulator SEED.json [PORT]}. Prints the endpoint on
     * the first line of standard output and serves until the process is stopped.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: AwsSimulator SEED.json [PORT]   (PORT 0 or none: a free port)");
            System.exit(2);
        }
        Seed seed = Seed.fromJson(Path.of(args[0]));
        AwsSimulator simulator = builder(seed).port(args.length == 2 ? Integer.parseInt(args[1]) : 0).start();
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
