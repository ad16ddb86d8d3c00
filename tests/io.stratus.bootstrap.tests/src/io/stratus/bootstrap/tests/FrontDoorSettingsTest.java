package io.stratus.bootstrap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsConfiguration;
import io.stratus.bootstrap.FrontDoor;
import io.stratus.bootstrap.Settings;
import io.stratus.core.StratusException;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each front door takes of the settings the server documents (flags, environment, file). */
class FrontDoorSettingsTest {

    private static final String[] NO_ARGS = new String[0];
    private static final Map<String, String> SERVER_ONLY = Map.of("STRATUS_PORT", "not a port",
            "STRATUS_DATA", "/srv/stratus", "STRATUS_TLS_KEYSTORE", "/nowhere.p12");

    @TempDir
    Path data;

    @Test
    void theDesktopKeepsItsDataWhereItSaysAndIgnoresTheServersOwnVariables() {
        Settings settings = Settings.read(FrontDoor.DESKTOP, NO_ARGS, SERVER_ONLY, data);
        assertEquals(data, settings.dataDirectory());
        assertEquals(data.toString(), settings.services().get(StoreConfiguration.PID).get(StoreConfiguration.DATA_DIRECTORY),
                "the embedded store, in the desktop's data directory");
        assertFalse(settings.demo());
    }

    @Test
    void theDesktopTakesTheServicesSettingsAndLeavesThePlatformsArgumentsAlone() {
        Settings settings = Settings.read(FrontDoor.DESKTOP,
                new String[] {"-nosplash", "--aws-endpoint", "http://localhost:4566", "--demo"},
                Map.of("STRATUS_STORE_URL", "jdbc:postgresql://db.internal:5432/stratus"), data);
        assertEquals("http://localhost:4566", settings.services().get(AwsConfiguration.PID).get(AwsConfiguration.ENDPOINT));
        assertEquals("jdbc:postgresql://db.internal:5432/stratus",
                settings.services().get(StoreConfiguration.PID).get(StoreConfiguration.JDBC_URL));
        assertTrue(settings.demo());

        StratusException port = assertThrows(StratusException.class,
                () -> Settings.read(FrontDoor.DESKTOP, new String[] {"--port", "9000"}, Map.of(), data));
        assertTrue(port.getMessage().startsWith("Unknown option '--port'. The desktop accepts --store-url"), port.getMessage());
    }

    @Test
    void theSettingsFileOfAFrontDoorKnowsOnlyItsSettings() throws IOException {
        Files.writeString(data.resolve(Settings.FILE_NAME), "aws.region = eu-west-1\nport = 9000\n");
        StratusException e = assertThrows(StratusException.class, () -> Settings.read(FrontDoor.IDE, NO_ARGS, Map.of(), data));
        assertTrue(e.getMessage().contains("unknown setting 'port'"), e.getMessage());

        Files.writeString(data.resolve(Settings.FILE_NAME), "aws.region = eu-west-1\n");
        assertEquals("eu-west-1", Settings.read(FrontDoor.IDE, NO_ARGS, Map.of(), data).services()
                .get(AwsConfiguration.PID).get(AwsConfiguration.REGION));
    }

    @Test
    void theIdePluginsReadNoCommandLineAndOfferNoDemo() throws IOException {
        Path seed = Files.writeString(data.resolve("seed.json"), "{}");
        Settings settings = Settings.read(FrontDoor.IDE, new String[] {"--demo", "--port", "1"},
                Map.of("STRATUS_DEMO_SEED", seed.toString()), data);
        assertFalse(settings.demo());
        assertEquals(data, settings.dataDirectory());
    }
}
