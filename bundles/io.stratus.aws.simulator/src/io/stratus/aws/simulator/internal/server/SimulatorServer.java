package io.stratus.aws.simulator.internal.server;

import io.stratus.aws.simulator.internal.CallControl;
import io.stratus.aws.simulator.internal.Dispatcher;
import io.stratus.aws.simulator.internal.HttpListener;
import io.stratus.aws.simulator.internal.dynamodb.DynamoDb;
import io.stratus.aws.simulator.internal.dynamodb.DynamoDbTables;
import io.stratus.aws.simulator.seed.Seed;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every simulated service of a seed on one HTTP listener on 127.0.0.1: what {@code AwsSimulator}
 * and the tests' {@code TestAwsSimulator} both run. It puts together the protocol package and the
 * DynamoDB package, which builds on it, from a package of its own, so that no package depends
 * back on one that depends on it.
 */
public final class SimulatorServer implements AutoCloseable {

    private final Dispatcher dispatcher;
    private final HttpListener listener;
    private final URI endpoint;

    /** Listens on {@code port}, 0 for a free one. */
    public SimulatorServer(Seed seed, int port, Clock clock, CallControl control) {
        this.dispatcher = new Dispatcher(seed, new DynamoDb(new DynamoDbTables(seed)).api(), control, clock);
        this.listener = new HttpListener(dispatcher, port);
        int boundPort;
        try {
            boundPort = listener.start();
        } catch (Exception e) {
            throw new IllegalStateException("The AWS simulator could not listen on 127.0.0.1:" + port, e);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + boundPort);
    }

    public URI endpoint() {
        return endpoint;
    }

    public Instant now() {
        return dispatcher.now();
    }

    public String verifyRdsAuthToken(String token, String host, int port, String region, String dbUser) {
        return dispatcher.verifyRdsAuthToken(token, host, port, region, dbUser);
    }

    public boolean verifyRedshiftCredentials(String resourceArn, String dbUser, String password) {
        return dispatcher.verifyRedshiftCredentials(resourceArn, dbUser, password);
    }

    public String rotateSecret(String accountId, String region, String name, String secretString) {
        return dispatcher.rotateSecret(accountId, region, name, secretString);
    }

    public String verifyDsqlAuthToken(String token, String host, String region, String role) {
        return dispatcher.verifyDsqlAuthToken(token, host, region, role);
    }

    /** Approves a pending IAM Identity Center user code as the user of that name, or denies it ({@code userName} null). */
    public void decideUserCode(String userCode, String userName) {
        dispatcher.decideUserCode(userCode, userName);
    }

    /** Every secret the simulator issued so far: temporary keys, Identity Center tokens (tests search for them). */
    public List<String> issuedSecrets() {
        return dispatcher.issuedSecrets();
    }

    @Override
    public void close() {
        try {
            listener.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The AWS simulator at " + endpoint + " did not stop cleanly", e);
        }
    }
}
