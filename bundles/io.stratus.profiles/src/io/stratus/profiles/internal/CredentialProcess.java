package io.stratus.profiles.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.identity.SecretJson;
import io.stratus.core.session.SignInRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs a profile's {@code credential_process} as the AWS CLI does (no shell; the command line split as
 * {@link CommandLine} says), within a time limit, and reads the keys it prints on standard output: JSON with
 * {@code "Version": 1}, {@code AccessKeyId}, {@code SecretAccessKey}, {@code SessionToken} (for temporary keys)
 * and {@code Expiration}. Its output is never shown; on failure its standard error is, with anything that
 * looks like a key taken out.
 */
final class CredentialProcess {

    /** Enough for any answer; a process that prints more is not a credential process. */
    private static final int MOST_OUTPUT = 64 * 1024;
    private static final int MOST_ERROR_SHOWN = 1000;
    /**
     * How long a stopped process may take to be gone, and its standard error to be read to its end: generous, as a
     * loaded machine is slow at both, and waited for only when the process failed.
     */
    private static final Duration STOPPING = Duration.ofSeconds(10);
    /** Runs of key-like characters (secret keys are 40, session tokens hundreds): never repeated in a message. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9/+=]{32,}");

    private CredentialProcess() {
    }

    /** Runs the credential process of {@code profile}, its key {@code credential_process}. */
    static SignInRequest run(ProfileSet.Profile profile, Duration timeout) {
        String commandLine = profile.text("credential_process").orElseThrow();
        List<String> command;
        try {
            command = CommandLine.split(commandLine, System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                    .startsWith("windows"));
        } catch (IllegalArgumentException e) {
            throw failed(profile, "its command line cannot be split into a program and its arguments ("
                    + e.getMessage().toLowerCase(Locale.ROOT) + "); check its quotes");
        }
        if (command.isEmpty()) {
            throw failed(profile, "it is empty; give the program to run and its arguments");
        }
        Process process;
        try {
            // Standard input as the AWS CLI leaves it (inherited); the output is read here, the errors shown on failure.
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw failed(profile, "the program " + command.getFirst() + " could not be started (" + e.getMessage()
                    + "); check its path, and that it may be run");
        }
        Drain output = new Drain(process.getInputStream());
        Drain error = new Drain(process.getErrorStream());
        byte[] printed = null;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw failed(profile, "it did not finish within " + timeout.toSeconds() + " seconds, so Stratus stopped it"
                        + shown(error));
            }
            printed = output.all();
            if (process.exitValue() != 0) {
                throw failed(profile, "it ended with exit status " + process.exitValue() + shown(error));
            }
            return keys(printed, profile);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw failed(profile, "signing in was cancelled while it ran");
        } catch (IOException e) {
            throw failed(profile, "its output could not be read (" + e.getMessage() + ")");
        } finally {
            if (printed != null) {
                Arrays.fill(printed, (byte) 0);
            }
            output.wipe();
            error.wipe();
        }
    }

    /** Kills the process and what it started, and waits (briefly) until it is gone, so its pipes close. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOPPING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of what the process wrote to standard error, without anything that looks like a key. */
    private static String shown(Drain error) {
        byte[] bytes = error.soFar(STOPPING);
        String text = KEY_LIKE.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("[hidden]").strip();
        Arrays.fill(bytes, (byte) 0);
        if (text.isEmpty()) {
            return "";
        }
        if (text.length() > MOST_ERROR_SHOWN) {
            text = "..." + text.substring(text.length() - MOST_ERROR_SHOWN);
        }
        return ". It wrote: " + text;
    }

    private static SignInRequest keys(byte[] printed, ProfileSet.Profile profile) {
        Map<String, char[]> answer;
        try {
            answer = SecretJson.read(printed);
        } catch (IllegalArgumentException e) {
            throw failed(profile, "what it printed is not the JSON the AWS CLI expects (" + e.getMessage() + ")");
        }
        try {
            char[] version = answer.get("Version");
            if (version == null || !new String(version).equals("1")) {
                throw failed(profile, "what it printed has no \"Version\": 1; the AWS CLI reads only that version");
            }
            char[] keyId = required(answer, "AccessKeyId", profile);
            char[] secret = required(answer, "SecretAccessKey", profile);
            char[] token = answer.get("SessionToken");
            AwsCredentials keys = new AwsCredentials(new String(keyId), Secret.of(secret),
                    token == null || token.length == 0 ? null : Secret.of(token));
            char[] expiration = answer.get("Expiration");
            if (expiration == null) {
                return SignInRequest.withKeys(keys);
            }
            try {
                return SignInRequest.withKeys(keys).expiringAt(instant(new String(expiration)));
            } catch (DateTimeParseException e) {
                keys.clear();
                throw failed(profile, "its \"Expiration\" is not an ISO 8601 time such as 2026-12-07T16:00:00Z");
            }
        } finally {
            SecretJson.wipeAll(answer);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static char[] required(Map<String, char[]> answer, String key, ProfileSet.Profile profile) {
        char[] value = answer.get(key);
        if (value == null || value.length == 0) {
            throw failed(profile, "what it printed has no \"" + key + "\"");
        }
        return value;
    }

    /** What went wrong first (a message may be shown cut short), where it is set last. */
    private static StratusException failed(ProfileSet.Profile profile, String what) {
        return new StratusException(Problem.INVALID_INPUT, "The credential_process of profile '" + profile.name()
                + "' did not give keys: " + what + ". Check " + profile.where("credential_process") + ".");
    }

    /**
     * A stream read to its end on a virtual thread of its own (so a full pipe never blocks the process), at most
     * MOST_OUTPUT bytes, kept as they come: what was read is there even if the stream never ends (a program the
     * process started that escaped stopping can hold the pipe open).
     */
    private static final class Drain {

        private final byte[] read = new byte[MOST_OUTPUT];
        private int length;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Drain(InputStream stream) {
            Thread.ofVirtual().start(() -> readAll(stream));
        }

        private void readAll(InputStream stream) {
            byte[] chunk = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(chunk)) > 0 && append(chunk, n)) {
                    Arrays.fill(chunk, 0, n, (byte) 0);
                }
                ended.complete(null);
            } catch (IOException | RuntimeException e) {
                ended.completeExceptionally(e);
            } finally {
                Arrays.fill(chunk, (byte) 0);
            }
        }

        /** Keeps the first {@code n} bytes of {@code chunk}, as many as fit; false once full. */
        private synchronized boolean append(byte[] chunk, int n) {
            int kept = Math.min(n, read.length - length);
            System.arraycopy(chunk, 0, read, length, kept);
            length += kept;
            return length < read.length;
        }

        /** Everything, once the stream ended. */
        byte[] all() throws IOException, InterruptedException {
            try {
                ended.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            return copy();
        }

        /** What was read once the stream ended, or by the end of {@code wait}. */
        byte[] soFar(Duration wait) {
            try {
                ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // what was read before is shown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return copy();
        }

        private synchronized byte[] copy() {
            return Arrays.copyOf(read, length);
        }

        synchronized void wipe() {
            Arrays.fill(read, (byte) 0);
            length = 0;
        }
    }
}
