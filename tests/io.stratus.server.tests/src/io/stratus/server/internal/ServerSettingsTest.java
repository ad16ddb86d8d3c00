package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.admin.AdminConfiguration;
import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsConfiguration;
import io.stratus.bootstrap.Settings;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
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
        assertEquals(HOME.resolve(".stratus/server"), settings.shared().dataDirectory());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of("STRATUS_PORT", "9000", "STRATUS_DATA", "/srv/stratus", "STRATUS_ADDRESS", "0.0.0.0");
        ServerSettings fromEnv = ServerSettings.from(new String[0], env, HOME);
        assertEquals(9000, fromEnv.port());
        assertEquals(Path.of("/srv/stratus"), fromEnv.shared().dataDirectory());
        assertEquals("0.0.0.0", fromEnv.address().getHostAddress());

        ServerSettings fromFlags = ServerSettings.from(new String[] {"--port", "9100", "--data=/var/lib/stratus"}, env, HOME);
        assertEquals(9100, fromFlags.port());
        assertEquals(Path.of("/var/lib/stratus"), fromFlags.shared().dataDirectory());
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
        ServerSettings.from(new String[] {"--data", nested.toString()}, Map.of(), HOME).shared().prepareDataDirectory();
        assertTrue(Files.isDirectory(nested));
        try (var leftovers = Files.list(nested)) {
            assertEquals(0, leftovers.count(), "the write check leaves nothing behind");
        }

        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        ServerSettings onFile = ServerSettings.from(new String[] {"--data", file.toString()}, Map.of(), HOME);
        StratusException e = assertThrows(StratusException.class, onFile.shared()::prepareDataDirectory);
        assertTrue(e.getMessage().startsWith("Setting --data (or STRATUS_DATA)"), e.getMessage());
    }

    @Test
    void theSettingsFileFillsInWhatFlagsAndEnvironmentLeaveOpen() throws IOException {
        Path authorities = Files.writeString(temp.resolve("authorities.pem"), "-----BEGIN CERTIFICATE-----");
        Files.writeString(temp.resolve(Settings.FILE_NAME), """
                port = 9200
                aws.region = eu-central-1
                aws.endpoint = http://localhost:4566
                explorer.regions = eu-west-1, us-east-1
                session.idleTimeoutSeconds = 600
                users.defaultRole = viewer
                sso.startUrl = https://d-1234567890.awsapps.com/start
                sso.region = eu-west-1
                store.url = jdbc:postgresql://db.internal:5432/stratus
                store.user = stratus
                store.password = from-the-file
                databases.trustedCertificates = %s
                """.formatted(authorities));
        ServerSettings settings = ServerSettings.from(new String[] {"--data", temp.toString(), "--regions", "ap-south-1"},
                Map.of("STRATUS_AWS_REGION", "us-west-2"), HOME);
        assertEquals(9200, settings.port());
        Map<String, Hashtable<String, Object>> services = settings.shared().services();
        assertEquals("us-west-2", services.get(AwsConfiguration.PID).get(AwsConfiguration.REGION), "environment over file");
        assertEquals("http://localhost:4566", services.get(AwsConfiguration.PID).get(AwsConfiguration.ENDPOINT));
        assertEquals(List.of("ap-south-1"), List.of((String[]) services.get(ExplorerConfiguration.PID).get(ExplorerConfiguration.REGIONS)),
                "flag over file");
        assertEquals(600L, services.get(AuthConfiguration.PID).get(AuthConfiguration.IDLE_TIMEOUT_SECONDS));
        assertEquals("viewer", services.get(AdminConfiguration.PID).get(AdminConfiguration.DEFAULT_ROLE));
        assertEquals("https://d-1234567890.awsapps.com/start", services.get(AuthConfiguration.PID).get(AuthConfiguration.SSO_START_URL));
        assertEquals("eu-west-1", services.get(AuthConfiguration.PID).get(AuthConfiguration.SSO_REGION));
        assertEquals(authorities.toString(), services.get(ConnectConfiguration.PID).get(ConnectConfiguration.TRUSTED_CERTIFICATES));
        assertEquals("jdbc:postgresql://db.internal:5432/stratus", services.get(StoreConfiguration.PID).get(StoreConfiguration.JDBC_URL));
        assertFalse(settings.toString().contains("from-the-file"), "no secret in " + settings);
    }

    @Test
    void wrongSettingsFromAnySourceNameTheSetting() throws IOException {
        assertRefused(new String[] {"--aws-region", "Ireland"}, "--aws-region");
        assertRefused(new String[] {"--aws-endpoint", "localhost:4566"}, "--aws-endpoint");
        assertRefused(new String[] {"--aws-service-endpoints", "sts"}, "--aws-service-endpoints");
        assertRefused(new String[] {"--regions", "eu-west-1,moon-1"}, "'moon-1'");
        assertRefused(new String[] {"--idle-timeout", "-5"}, "--idle-timeout");
        assertRefused(new String[] {"--default-role", "administrator"}, "--default-role");
        assertRefused(new String[] {"--sso-start-url", "http://d-1234567890.awsapps.com/start", "--sso-region", "eu-west-1"},
                "--sso-start-url");
        assertRefused(new String[] {"--sso-start-url", "https://d-1234567890.awsapps.com/start", "--sso-region", "Ireland"},
                "--sso-region");
        assertRefused(new String[] {"--sso-start-url", "https://d-1234567890.awsapps.com/start"}, "--sso-region");
        assertRefused(new String[] {"--database-authorities", temp.resolve("none.pem").toString()}, "no readable PEM file");
        assertRefused(new String[] {"--store-url", "jdbc:mysql://x/y"}, "--store-url");
        assertRefused(new String[] {"--store-user", "stratus"}, "no PostgreSQL JDBC URL");
        assertRefused(new String[] {"--tls-keystore", temp.resolve("none.p12").toString()}, "STRATUS_TLS_KEYSTORE_PASSWORD");
        StratusException badKeystore = assertThrows(StratusException.class, () -> ServerSettings.from(
                new String[] {"--tls-keystore", temp.resolve("none.p12").toString()},
                Map.of("STRATUS_TLS_KEYSTORE_PASSWORD", "x"), HOME));
        assertTrue(badKeystore.getMessage().startsWith("Setting --tls-keystore"), badKeystore.getMessage());

        Files.writeString(temp.resolve(Settings.FILE_NAME), "sesion.idleTimeoutSeconds = 60\n");
        StratusException typo = assertThrows(StratusException.class,
                () -> ServerSettings.from(new String[] {"--data", temp.toString()}, Map.of(), HOME));
        assertTrue(typo.getMessage().contains("unknown setting 'sesion.idleTimeoutSeconds'"), typo.getMessage());
        Files.writeString(temp.resolve(Settings.FILE_NAME), "aws.region = mars\n");
        StratusException fromFile = assertThrows(StratusException.class,
                () -> ServerSettings.from(new String[] {"--data", temp.toString()}, Map.of(), HOME));
        assertTrue(fromFile.getMessage().contains("aws.region in stratus.properties"), fromFile.getMessage());
    }

    @Test
    void trustedProxiesAndTheDrainNoticeAreCheckedWhenRead() {
        ServerSettings none = ServerSettings.from(new String[0], Map.of(), HOME);
        assertEquals(TrustedProxies.NONE, none.trustedProxies());
        assertEquals(java.time.Duration.ZERO, none.drainNotice());
        ServerSettings behind = ServerSettings.from(new String[] {"--trusted-proxies", "10.0.0.0/8, 192.0.2.7,::1"},
                Map.of("STRATUS_DRAIN_SECONDS", "6"), HOME);
        assertTrue(behind.trustedProxies().trusts(new java.net.InetSocketAddress("10.200.3.4", 1)));
        assertTrue(behind.trustedProxies().trusts(new java.net.InetSocketAddress("::1", 1)));
        assertFalse(behind.trustedProxies().trusts(new java.net.InetSocketAddress("192.0.2.8", 1)));
        assertFalse(behind.trustedProxies().trusts(new java.net.InetSocketAddress("11.0.0.1", 1)));
        assertEquals(java.time.Duration.ofSeconds(6), behind.drainNotice());

        assertRefused(new String[] {"--trusted-proxies", "10.0.0.0/33"}, "--trusted-proxies");
        assertRefused(new String[] {"--trusted-proxies", "balancer.example.com"}, "--trusted-proxies");
        assertRefused(new String[] {"--drain-seconds", "soon"}, "--drain-seconds");
        assertRefused(new String[] {"--drain-seconds", "-1"}, "--drain-seconds");
    }

    private static void assertRefused(String[] args, String expectedInMessage) {
        StratusException e = assertThrows(StratusException.class, () -> ServerSettings.from(args, Map.of(), HOME));
        assertEquals(Problem.INVALID_INPUT, e.problem());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }
}
