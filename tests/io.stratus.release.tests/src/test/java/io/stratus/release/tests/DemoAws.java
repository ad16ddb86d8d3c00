package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;

/**
 * The demo account on loopback, as demo mode has it: the AWS simulator that the server product
 * ships, run on its own ({@code AwsSimulator SEED.json}) in a JVM of its own with the seed that
 * demo mode uses ({@code seeds/demo.json} of the simulator's bundle). A product under test reaches
 * it as it would reach AWS, through its AWS endpoint setting.
 */
final class DemoAws implements AutoCloseable {

    /** The regions and sign-in region of demo mode (io.stratus.bootstrap's DemoMode). */
    static final String REGIONS = "eu-west-1,us-east-1";
    static final String REGION = "us-east-1";
    private static final String SIMULATOR = "io.stratus.aws.simulator";
    private static final Duration START = Duration.ofSeconds(30);

    /** An IAM user's access key in the seed. The secret is the demo's, published in the seed itself. */
    record DemoKey(String accessKeyId, String secretAccessKey) {

        @Override
        public String toString() {
            return "DemoKey[" + accessKeyId + "]";
        }
    }

    private final Process process;
    private final URI endpoint;
    private final JsonNode seed;

    private DemoAws(Process process, URI endpoint, JsonNode seed) {
        this.process = process;
        this.endpoint = endpoint;
        this.seed = seed;
    }

    /**
     * Starts the simulator of {@code serverProduct} on a free port; {@code work} receives the seed file.
     *
     * @param options the simulator's, such as {@code --latency sts=50}
     */
    static DemoAws start(EclipseInstallation serverProduct, Path work, String... options)
            throws IOException, InterruptedException {
        Path simulatorJar = serverProduct.bundleJar(SIMULATOR);
        Path seedFile = work.resolve("demo.json");
        try (JarFile jar = new JarFile(simulatorJar.toFile()); InputStream in = jar.getInputStream(jar.getEntry("seeds/demo.json"))) {
            Files.copy(in, seedFile);
        }
        // The simulator's own dependencies (Jetty, Jackson, SLF4J) are in the same plugins folder.
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", serverProduct.plugins().resolve("*").toString(), "io.stratus.aws.simulator.AwsSimulator",
                seedFile.toString()));
        command.addAll(List.of(options));
        Path log = work.resolve("aws-simulator.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            URI endpoint = URI.create(firstLine(process, log));
            return new DemoAws(process, endpoint, new ObjectMapper().readTree(seedFile.toFile()));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The one endpoint of every simulated AWS service, for STRATUS_AWS_ENDPOINT. */
    URI endpoint() {
        return endpoint;
    }

    /** The account of the demo users. */
    String accountId() {
        return seed.at("/accounts/0/id").asText();
    }

    /** The access key of a demo user, such as {@code "ada"}, who may do everything. */
    DemoKey keyOf(String user) {
        for (JsonNode candidate : seed.at("/accounts/0/users")) {
            if (candidate.get("name").asText().equals(user)) {
                JsonNode key = candidate.at("/accessKeys/0");
                return new DemoKey(key.get("id").asText(), key.get("secret").asText());
            }
        }
        throw new IllegalArgumentException("The demo seed has no user " + user);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The simulator prints its endpoint on its first line once it listens; what went wrong, to its log. */
    private static String firstLine(Process process, Path log) throws InterruptedException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String endpoint = line.get(START.toMillis(), TimeUnit.MILLISECONDS);
            if (endpoint == null) {
                throw new IllegalStateException("The AWS simulator ended without printing its endpoint; see " + log);
            }
            return endpoint.strip();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The AWS simulator did not print its endpoint within " + START + "; see " + log, e);
        }
    }
}
