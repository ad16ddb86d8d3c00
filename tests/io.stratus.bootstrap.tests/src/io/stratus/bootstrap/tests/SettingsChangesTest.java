package io.stratus.bootstrap.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.bootstrap.FrontDoor;
import io.stratus.bootstrap.Setting;
import io.stratus.bootstrap.Settings;
import io.stratus.core.StratusException;
import io.stratus.explorer.ExplorerConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings changed from a running desktop or IDE (the Preferences): checked as at start, written as a person would. */
class SettingsChangesTest {

    private static final String[] NO_ARGS = new String[0];

    @TempDir
    Path data;

    @Test
    void changedLinesAreReplacedAndEverythingElseStaysByteForByte() throws IOException {
        Path file = data.resolve(Settings.FILE_NAME);
        Files.writeString(file, """
                # our team's settings
                store.password = s3cr\\
                  et
                explorer.regions = eu-west-1
                session.idleTimeoutSeconds=900

                aws.region=eu-west-1
                """);
        Map<String, String> env = Map.of("STRATUS_STORE_URL", "jdbc:postgresql://db:5432/stratus");
        Settings settings = Settings.read(FrontDoor.DESKTOP, NO_ARGS, env, data);
        Map<Setting, String> wanted = new EnumMap<>(settings.fileValues());
        wanted.put(Setting.REGIONS, "eu-west-1, us-east-1");
        wanted.remove(Setting.IDLE_TIMEOUT);
        wanted.put(Setting.SESSION_TIMEOUT, "3600");

        Settings changed = settings.withFileValues(wanted);
        changed.saveFile();

        assertEquals("""
                # our team's settings
                store.password = s3cr\\
                  et
                explorer.regions=eu-west-1, us-east-1

                aws.region=eu-west-1
                session.absoluteTimeoutSeconds=3600
                """, Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(new String[] {"eu-west-1", "us-east-1"},
                (String[]) changed.services().get(ExplorerConfiguration.PID).get(ExplorerConfiguration.REGIONS));
        assertEquals(changed.fileValues(), Settings.read(FrontDoor.DESKTOP, NO_ARGS, env, data).fileValues(),
                "the file reads back as saved");
    }

    @Test
    void aWrongValueIsRefusedWithTheSettingsNameBeforeAnythingIsWritten() throws IOException {
        Settings settings = Settings.read(FrontDoor.IDE, NO_ARGS, Map.of(), data);
        StratusException e = assertThrows(StratusException.class,
                () -> settings.withFileValues(Map.of(Setting.REGIONS, "eu-west-1, moon-1")));
        assertTrue(e.getMessage().startsWith("Setting --regions (or STRATUS_REGIONS, or explorer.regions in "
                + "stratus.properties): 'moon-1' is not an AWS region"), e.getMessage());
        StratusException serverOnly = assertThrows(StratusException.class,
                () -> settings.withFileValues(Map.of(Setting.PORT, "9000")));
        assertTrue(serverOnly.getMessage().contains("cannot be set in stratus.properties here"), serverOnly.getMessage());
        assertTrue(Files.notExists(data.resolve(Settings.FILE_NAME)));
    }

    @Test
    void aSettingGivenOnTheCommandLineOrInTheEnvironmentIsNamedAsTakingPrecedence() {
        Settings settings = Settings.read(FrontDoor.DESKTOP, new String[] {"--regions", "eu-west-1"},
                Map.of("STRATUS_IDLE_TIMEOUT", "60"), data);
        assertEquals(Optional.of("--regions"), settings.givenOutsideFile(Setting.REGIONS));
        assertEquals(Optional.of("STRATUS_IDLE_TIMEOUT"), settings.givenOutsideFile(Setting.IDLE_TIMEOUT));
        assertEquals(Optional.empty(), settings.givenOutsideFile(Setting.AWS_REGION));
        Settings changed = settings.withFileValues(Map.of(Setting.REGIONS, "us-east-1"));
        assertArrayEquals(new String[] {"eu-west-1"},
                (String[]) changed.services().get(ExplorerConfiguration.PID).get(ExplorerConfiguration.REGIONS),
                "the flag still wins over the file");
    }
}
