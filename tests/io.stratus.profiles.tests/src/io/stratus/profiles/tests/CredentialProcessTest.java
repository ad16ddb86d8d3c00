package io.stratus.profiles.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.AwsConfigFiles;
import io.stratus.profiles.AwsProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's credential_process, run for real: a script that prints keys as the AWS CLI expects them, or fails. */
class CredentialProcessTest {

    private static final String SECRET = "pr0cessSecretKey/EXAMPLE+000000000000000";
    private static final String TOKEN = "pr0cessSessionToken/EXAMPLE+0000000000000000000000000000==";

    @TempDir
    Path home;

    /** A profile whose credential_process runs {@code script} (a POSIX shell script) with {@code arguments}. */
    private AwsProfiles profileRunning(String script, String arguments, Duration timeout) throws IOException {
        Path folder = Files.createDirectories(home.resolve("my tools"));
        Path program = folder.resolve("get keys.sh");
        Files.writeString(program, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.writeString(home.resolve("config"), """
                [profile tool]
                credential_process = "%s" %s
                """.formatted(program, arguments));
        return new AwsConfigFiles(config, home.resolve("credentials"), timeout).profiles();
    }

    private StratusException refused(AwsProfiles profiles) {
        StratusException e = assertThrows(StratusException.class, () -> profiles.signInRequest("tool", Optional.empty()));
        assertEquals(Problem.INVALID_INPUT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The credential_process of profile 'tool' did not give keys: ")
                && e.getMessage().endsWith("Check the key credential_process of profile 'tool' in " + home.resolve("config") + "."),
                e.getMessage());
        return e;
    }

    @Test
    void theKeysItPrintsSignInAndExpireWhenItSays() throws IOException {
        AwsProfiles profiles = profileRunning("""
                [ "$1" = "--account" ] && [ "$2" = "dev team" ] && [ "$3" = 'it'"'"'s' ] || { echo "bad arguments: $*" >&2; exit 3; }
                printf '{"Version": 1, "AccessKeyId": "ASIAPROCESS000000001", "SecretAccessKey": "%s",\\n'
                printf ' "SessionToken": "%s", "Expiration": "2031-05-04T03:02:01Z"}\\n'
                """.formatted(SECRET, TOKEN), "--account 'dev team' \"it's\"", Duration.ofSeconds(20));

        SignInRequest request = profiles.signInRequest("tool", Optional.empty());

        assertEquals("ASIAPROCESS000000001", request.keys().accessKeyId());
        assertEquals(SECRET, request.keys().secretAccessKey().reveal());
        assertEquals(TOKEN, request.keys().sessionToken().orElseThrow().reveal());
        assertEquals(Optional.of(Instant.parse("2031-05-04T03:02:01Z")), request.keysExpireAt());
        assertFalse(request.exchangesKeys(), "its keys are used as they are");
    }

    @Test
    void longTermKeysWithoutExpirationAreTakenToo() throws IOException {
        AwsProfiles profiles = profileRunning("""
                echo '{"Version":1,"AccessKeyId":"AKIAPROCESS000000002","SecretAccessKey":"%s"}'
                """.formatted(SECRET), "", Duration.ofSeconds(20));
        SignInRequest request = profiles.signInRequest("tool", Optional.empty());
        assertTrue(request.keysExpireAt().isEmpty() && request.keys().sessionToken().isEmpty());
    }

    @Test
    void aFailureShowsWhatItWroteToStandardErrorButNoKey() throws IOException {
        StratusException e = refused(profileRunning("""
                echo '{"Version":1,"AccessKeyId":"AKIAPROCESS000000003","SecretAccessKey":"%s"}'
                echo "token expired: run 'tool login' first (key %s)" >&2
                exit 2
                """.formatted(SECRET, SECRET), "", Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("exit status 2") && e.getMessage().contains("run 'tool login' first"),
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "neither its output nor a key in its errors is shown");
    }

    @Test
    void whatIsNotVersionOneJsonIsRefusedWithoutShowingIt() throws IOException {
        assertTrue(refused(profileRunning("echo 'AccessKeyId=AKIA... SecretAccessKey=" + SECRET + "'", "",
                Duration.ofSeconds(20))).getMessage().contains("not the JSON the AWS CLI expects"));
        assertTrue(refused(profileRunning("echo '{\"Version\": 2, \"AccessKeyId\": \"AKIAPROCESS000000004\"}'", "",
                Duration.ofSeconds(20))).getMessage().contains("\"Version\": 1"));
        StratusException e = refused(profileRunning("echo '{\"Version\": 1, \"SecretAccessKey\": \"" + SECRET + "\"}'",
                "", Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("no \"AccessKeyId\"") && !e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aProcessThatTakesTooLongIsStoppedWithWhatItStartedAndSaysWhatItWrote() throws IOException {
        // The script says it started (after writing to standard error), then waits far longer than the time limit;
        // the limit is generous enough for a loaded machine to have started it well within.
        Path started = home.resolve("started");
        Path pids = home.resolve("pids");
        Instant start = Instant.now();
        StratusException e = refused(profileRunning("""
                echo 'waiting for approval' >&2
                sleep 300 &
                echo "$$ $!" > '%s'
                touch '%s'
                wait
                """.formatted(pids, started), "", Duration.ofSeconds(8)));
        assertTrue(Files.exists(started), "the script ran to its wait within the time limit");
        assertTrue(e.getMessage().contains("did not finish within 8 seconds, so Stratus stopped it")
                && e.getMessage().contains("It wrote: waiting for approval"), e.getMessage());
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(120)) < 0,
                "it does not wait for the process");
        for (String pid : Files.readString(pids).strip().split(" ")) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
            assertTrue(process.isEmpty() || !process.get().onExit().completeOnTimeout(process.get(), 10, TimeUnit.SECONDS)
                    .join().isAlive(), "the script and the program it started are stopped: " + pid);
        }
    }

    @Test
    void aProgramLeftRunningWithItsOutputOpenDoesNotHoldTheSignIn() throws IOException {
        // The script prints keys and ends, but leaves a program behind that inherited its standard output: the
        // keys count once the script ends (the JDK closes the pipe when the process exits), not when that program does.
        Path pid = home.resolve("pid");
        Instant start = Instant.now();
        try {
            SignInRequest request = profileRunning("""
                    echo '{"Version":1,"AccessKeyId":"AKIAPROCESS000000005","SecretAccessKey":"%s"}'
                    sleep 300 &
                    echo "$!" > '%s'
                    """.formatted(SECRET, pid), "", Duration.ofSeconds(20)).signInRequest("tool", Optional.empty());
            assertEquals("AKIAPROCESS000000005", request.keys().accessKeyId());
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(20)) < 0,
                    "it does not wait for the program left behind");
            assertTrue(ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).map(ProcessHandle::isAlive)
                    .orElse(false), "the program left behind still runs, holding the output open");
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aProgramThatDoesNotExistOrAnUnclosedQuoteSaysSo() throws IOException {
        Path config = Files.writeString(home.resolve("config"), """
                [profile tool]
                credential_process = /no/such/program --flag
                [profile quoted]
                credential_process = "/usr/bin/env --flag
                """);
        AwsProfiles profiles = new AwsConfigFiles(config, home.resolve("credentials"), Duration.ofSeconds(5)).profiles();
        assertTrue(refused(profiles).getMessage().contains("/no/such/program could not be started"));
        StratusException e = assertThrows(StratusException.class, () -> profiles.signInRequest("quoted", Optional.empty()));
        assertTrue(e.getMessage().contains("check its quotes"), e.getMessage());
    }
}
