package io.stratus.bootstrap.internal;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.simulator.AwsSimulator;
import io.stratus.aws.simulator.seed.IdentityCenterSeed;
import io.stratus.aws.simulator.seed.Seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.FrameworkUtil;

/**
 * {@code --demo}: the services on a sample AWS account that the AWS simulator plays on loopback,
 * with a throw-away data directory. Only ever started on request, never as a fallback. The
 * simulator's bundle ships with the server and desktop products only; without it this class
 * cannot load, and {@link ConfigAdminBootstrap} says so.
 */
final class DemoMode implements AutoCloseable {

    /** What each demo user shows; the seed ({@code seeds/demo.json}) gives them these permissions. */
    private static final Map<String, String> STORIES = Map.of(
            "ada", "may do everything: set up the instance with these keys first",
            "ben", "IAM denies RDS: sees Redshift and DynamoDB, and a named 'no permission' for RDS",
            "cleo", "IAM denies DynamoDB and the account alias",
            "dan", "another AWS account: refused once the instance is set up");
    static final String REGION = "us-east-1";
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    private final Seed seed;
    private final AwsSimulator simulator;
    private final Path dataDirectory;

    private DemoMode(Seed seed, AwsSimulator simulator, Path dataDirectory) {
        this.seed = seed;
        this.simulator = simulator;
        this.dataDirectory = dataDirectory;
    }

    /** On the shipped sample account, or on the one a seed file describes. */
    static DemoMode start(Optional<Path> seedFile) throws IOException {
        URL json = seedFile.isPresent() ? seedFile.get().toUri().toURL()
                : FrameworkUtil.getBundle(AwsSimulator.class).getEntry("seeds/demo.json");
        if (json == null) {
            throw new IllegalStateException("The AWS simulator bundle lacks seeds/demo.json");
        }
        Seed seed;
        try (InputStream in = json.openStream()) {
            seed = Seed.fromJson(in);
        }
        return new DemoMode(seed, AwsSimulator.start(seed), Files.createTempDirectory("stratus-demo-"));
    }

    URI awsEndpoint() {
        return simulator.endpoint();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The simulated IAM Identity Center of the sample account, if its seed has one. */
    private Optional<IdentityCenterSeed> identityCenter() {
        return seed.identityCenterInstance();
    }

    /**
     * The sign-in service's default portal, the simulated Identity Center's (empty without one). Only this class
     * names the simulator's types: the bootstrap also runs where the simulator is not installed (an IDE).
     */
    Map<String, String> identityCenterPortal() {
        return identityCenter().map(center -> Map.of(AuthConfiguration.SSO_START_URL, center.startUrl(),
                AuthConfiguration.SSO_REGION, center.region())).orElse(Map.of());
    }

    String banner(String nextStep) {
        StringBuilder text = new StringBuilder()
                .append("\n  Stratus demo: ").append(nextStep).append('\n')
                .append("  AWS is simulated at ").append(simulator.endpoint()).append("; data in ").append(dataDirectory)
                .append(" (thrown away).\n  Demo keys:\n");
        for (Seed.Account account : seed.accounts()) {
            for (Seed.User user : account.users()) {
                Seed.AccessKey key = user.accessKeys().getFirst();
                text.append(String.format("    %-5s account %s  access key %s  secret %s%n         %s%n", user.name(),
                        account.id(), key.id(), key.secret(), STORIES.getOrDefault(user.name(), "")));
                for (Seed.MfaDevice device : user.mfaDevices()) {
                    // The secret is a demo's: put it in an authenticator app, or `oathtool --totp -b SECRET`.
                    text.append(String.format("         MFA device %s  TOTP secret %s  code at start %s%n",
                            account.mfaSerial(device), device.secret(), device.codeAt(Instant.now())));
                }
            }
            for (Seed.Role role : account.roles()) {
                text.append(String.format("    role %s  trusted by %s%s%s%n", role.arn(account.id()),
                        String.join(", ", role.trustedBy()), role.mfaRequired() ? ", with MFA" : "",
                        role.externalId() == null ? "" : ", external ID " + role.externalId()));
            }
        }
        seed.identityCenterInstance().ifPresent(center -> {
            text.append(String.format("  IAM Identity Center (SSO): start URL %s, region %s (the sign-in page fills them "
                    + "in).%n    Approve the code at the link Stratus shows (the simulator's page): choose the user, "
                    + "click Approve.%n", center.startUrl(), center.region()));
            for (IdentityCenterSeed.User user : center.users()) {
                text.append(String.format("    SSO user %-5s %s%n", user.name(), String.join(", ", user.assignments()
                        .stream().map(a -> a.permissionSet() + " in " + a.account()).toList())));
            }
        });
        return text.toString();
    }

    @Override
    public void close() {
        simulator.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
