package io.stratus.aws.simulator.testing;

import io.stratus.aws.simulator.internal.server.SimulatorServer;
import io.stratus.aws.simulator.seed.Seed;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The AWS simulator as tests need it: the same services as {@code AwsSimulator}, plus latency and
 * faults to inject, the calls it was asked, a clock of the test's choosing and RDS token checks.
 * Test support only; no product ships it.
 *
 * <pre>{@code
 * try (TestAwsSimulator aws = TestAwsSimulator.start(seed)) {
 *     StsClient sts = StsClient.builder().endpointOverride(aws.endpoint())...build();
 *     aws.faults().failNext(2, Fault.THROTTLING, "sts:*");
 *     ...
 *     assertEquals(3, aws.calls().count("sts:GetCallerIdentity"));
 * }
 * }</pre>
 */
public final class TestAwsSimulator implements AutoCloseable {

    private final FaultInjection faults = new FaultInjection();
    private final CallRecorder calls = new CallRecorder();
    private final SimulatorServer server;

    private TestAwsSimulator(Seed seed, Clock clock) {
        this.server = new SimulatorServer(seed, 0, clock, new TestCallControl(faults, calls));
    }

    /** Starts on a free port with the system clock. */
    public static TestAwsSimulator start(Seed seed) {
        return start(seed, Clock.systemUTC());
    }

    /** Starts on a free port; signing times and credential expiry are judged by {@code clock} (see {@link ManualClock}). */
    public static TestAwsSimulator start(Seed seed, Clock clock) {
        return new TestAwsSimulator(seed, clock);
    }

    /** The one base URL of every service, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return server.endpoint();
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
        return server.now();
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
        return server.verifyRdsAuthToken(token, host, port, region, dbUser);
    }

    /**
     * Checks Redshift temporary credentials as the cluster or Serverless workgroup does at login:
     * issued by {@code GetClusterCredentials} or {@code GetClusterCredentialsWithIAM} for this cluster,
     * or by Redshift Serverless's {@code GetCredentials} for this workgroup ({@code resourceArn} is the
     * cluster's or workgroup's ARN), for this database user ({@code IAM:name}, {@code IAMR:role}), and
     * not expired by the simulator's clock.
     */
    public boolean verifyRedshiftCredentials(String resourceArn, String dbUser, String password) {
        return server.verifyRedshiftCredentials(resourceArn, dbUser, password);
    }

    /**
     * Rotates a Secrets Manager secret: a new version holding {@code secretString} becomes {@code
     * AWSCURRENT}, the one before {@code AWSPREVIOUS}.
     *
     * @return the new version's id
     */
    public String rotateSecret(String accountId, String region, String name, String secretString) {
        return server.rotateSecret(accountId, region, name, secretString);
    }

    /**
     * Checks an Aurora DSQL IAM authentication token for the database role at the cluster's host, as
     * the cluster would at login, by the simulator's clock.
     *
     * @return the ARN of the identity whose keys signed the token
     * @throws IllegalArgumentException saying why the cluster would refuse the login
     */
    public String verifyDsqlAuthToken(String token, String host, String region, String role) {
        return server.verifyDsqlAuthToken(token, host, region, role);
    }

    /**
     * Approves a pending IAM Identity Center user code, as the Identity Center user {@code userName}
     * does on the verification page.
     *
     * @throws IllegalArgumentException for an unknown, expired or decided code, or a user the seed lacks
     */
    public void approveUserCode(String userCode, String userName) {
        server.decideUserCode(userCode, java.util.Objects.requireNonNull(userName, "userName"));
    }

    /** Denies a pending IAM Identity Center user code, as a person does on the verification page. */
    public void denyUserCode(String userCode) {
        server.decideUserCode(userCode, null);
    }

    /**
     * Every secret the simulator issued so far: secret keys and session tokens of temporary keys (STS,
     * Identity Center role credentials), Identity Center client secrets, device codes and access
     * tokens, Redshift's temporary database passwords (clusters and Serverless); for tests that search
     * for leaks.
     */
    public List<String> issuedSecrets() {
        return server.issuedSecrets();
    }

    /** Stops listening; calls in flight are cut off. */
    @Override
    public void close() {
        server.close();
    }
}
