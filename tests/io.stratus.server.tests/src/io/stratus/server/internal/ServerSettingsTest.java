package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {

    private static final Path HOME = Path.of("/home/someone");

    @TempDir
    Path temp;

    @Test
    void defaultsListOnLoopbackWithDataUnderHome() {
        ServerSettings settings = ServerSettings.from(new String[0], Map.of(), HOME);
        assertEquals("127.0.0.1", settings.address().getHostAddress());
        assertEquals(ServerSettings.DEFAULT_PORT, settings.port());
        assertEquals(HOME.resolve(".stratus/server"), settings.dataDirectory());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of("STRATUS_PORT", "9000", "STRATUS_DATA", "/srv/stratus", "STRATUS_ADDRESS", "0.0.0.0");
        ServerSettings fromEnv = ServerSettings.from(new String[0], env, HOME);
        assertEquals(9000, fromEnv.port());
        assertEquals(Path.of("/srv/stratus"), fromEnv.dataDirectory());
        assertEquals("0.0.0.0", fromEnv.address().getHostAddress());

        ServerSettings fromFlags = ServerSettings.from(new String[] {"--port", "9100", "--data=/var/lib/stratus"}, env, HOME);
        assertEquals(9100, fromFlags.port());
        assertEquals(Path.of("/var/lib/stratus"), fromFlags.dataDirectory());
    }

    @Test
    void wrongValuesNameTheSetting() {
        assertRefused(new String[] {"--port", "http"}, "--port");
        assertRefused(new String[] {"--port", "70000"}, "--port");
        assertRefused(new String[] {"--address", "no such host.invalid"}, "--address");
        assertRefused(new String[] {"--data", " "}, "--data");
        assertRefused(new String[] {"--port"}, "a value is missing after --port");
        assertRefused(new String[] {"--verbose"}, "Unknown option '--verbose'");
    }

    @Test
    void wrongEnvironmentValueNamesTheVariable() {
        StratusException e = assertThrows(StratusException.class,
                () -> ServerSettings.from(new String[0], Map.of("STRATUS_PORT", "-1"), HOME));
        assertTrue(e.getMessage().contains("STRATUS_PORT"), e.getMessage());
    }

    @Test
    void dataDirectoryIsCreatedOrRefusedClearly() throws IOException {
        Path nested = temp.resolve("a/b/data");
        ServerSettings.from(new String[] {"--data", nested.toString()}, Map.of(), HOME).prepareDataDirectory();
        assertTrue(Files.isDirectory(nested));
        try (var leftovers = Files.list(nested)) {
            assertEquals(0, leftovers.count(), "the write check leaves nothing behind");
        }

        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        ServerSettings onFile = ServerSettings.from(new String[] {"--data", file.toString()}, Map.of(), HOME);
        StratusException e = assertThrows(StratusException.class, onFile::prepareDataDirectory);
        assertTrue(e.getMessage().startsWith("Setting --data (or STRATUS_DATA)"), e.getMessage());
    }

    private static void assertRefused(String[] args, String expectedInMessage) {
        StratusException e = assertThrows(StratusException.class, () -> ServerSettings.from(args, Map.of(), HOME));
        assertEquals(Problem.INVALID_INPUT, e.problem());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }
}
