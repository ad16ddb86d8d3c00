package io.stratus.server.internal;

import io.stratus.bootstrap.FrontDoor;
import io.stratus.bootstrap.Setting;
import io.stratus.bootstrap.Settings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings: where it listens, with which TLS keystore and behind which proxies, beside the settings it
 * shares with the other front doors ({@link Settings}), with its data in {@code ~/.stratus/server}
 * unless told otherwise.
 */
record ServerSettings(InetAddress address, int port, Optional<Tls> tls, TrustedProxies trustedProxies, Duration drainNotice,
        MetricsAccess metricsAccess, Settings shared) {

    static final String DEFAULT_ADDRESS = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;
    /** Longest drain notice: a balancer that needs more checks its nodes too seldom. */
    static final int MAX_DRAIN_SECONDS = 300;

    /** A keystore (PKCS12 or JKS) with the server's key and certificate. */
    record Tls(Path keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=(redacted)]";
        }
    }

    static ServerSettings from(String[] args, Map<String, String> env, Path home) {
        Settings settings = Settings.read(FrontDoor.SERVER, args, env, home.resolve(".stratus").resolve("server"));
        return new ServerSettings(parseAddress(settings.value(Setting.ADDRESS).orElse(DEFAULT_ADDRESS)),
                parsePort(settings.value(Setting.PORT).orElse(Integer.toString(DEFAULT_PORT))), tls(settings),
                settings.value(Setting.TRUSTED_PROXIES).map(TrustedProxies::parse).orElse(TrustedProxies.NONE),
                Duration.ofSeconds(parseDrainSeconds(settings.value(Setting.DRAIN_SECONDS).orElse("0"))),
                settings.value(Setting.METRICS_TOKEN).filter(token -> !token.isBlank()).map(MetricsAccess::withToken)
                        .orElse(MetricsAccess.LOOPBACK_ONLY), settings);
    }

    /** Without the values: some are secrets. */
    @Override
    public String toString() {
        return "ServerSettings[" + address.getHostAddress() + ":" + port + (tls.isPresent() ? ", TLS" : "") + ", "
                + shared + "]";
    }

    private static Optional<Tls> tls(Settings settings) {
        Optional<String> keystore = settings.value(Setting.TLS_KEYSTORE);
        Optional<String> password = settings.value(Setting.TLS_PASSWORD);
        if (keystore.isEmpty()) {
            if (password.isPresent()) {
                throw Settings.invalid(Setting.TLS_KEYSTORE, "a keystore password is set, but no keystore");
            }
            return Optional.empty();
        }
        if (password.isEmpty()) {
            throw Settings.invalid(Setting.TLS_PASSWORD, "TLS needs the keystore's password");
        }
        Path path = Settings.parsePath(Setting.TLS_KEYSTORE, keystore.get());
        if (!Files.isRegularFile(path)) {
            throw Settings.invalid(Setting.TLS_KEYSTORE, "there is no keystore file " + path);
        }
        try {
            KeyStore.getInstance(path.toFile(), password.get().toCharArray()); // proves type, password and contents
        } catch (IOException | GeneralSecurityException e) {
            throw Settings.invalid(Setting.TLS_KEYSTORE, "the keystore " + path + " cannot be opened with the given "
                    + "password (" + e.getClass().getSimpleName() + "); check the file and "
                    + Setting.TLS_PASSWORD.environmentVariable());
        }
        return Optional.of(new Tls(path, password.get().toCharArray()));
    }

    private static InetAddress parseAddress(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw Settings.invalid(Setting.ADDRESS, "'" + value + "' is not an address or a known host name of this machine");
        }
    }

    private static int parseDrainSeconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= MAX_DRAIN_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw Settings.invalid(Setting.DRAIN_SECONDS, "'" + value + "' is not a number of seconds from 0 to "
                + MAX_DRAIN_SECONDS);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw Settings.invalid(Setting.PORT, "'" + value + "' is not a port number from 1 to 65535 (or 0 for any free port)");
    }
}
