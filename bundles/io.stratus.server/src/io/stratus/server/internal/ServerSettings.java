package io.stratus.server.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Role;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The server's settings, from command-line flags, environment variables and the file
 * {@code stratus.properties} in the data directory, in that order of precedence, then defaults.
 * Each setting is checked at start; a wrong one stops start-up with a message that names it.
 * Secrets (database and keystore passwords) come from the environment or the file only, never
 * from flags, which other users of the machine can see.
 *
 * @param services the ConfigAdmin configuration each service gets, by PID
 */
record ServerSettings(InetAddress address, int port, Path dataDirectory, boolean demo, Optional<Path> demoSeed,
        Optional<Tls> tls, Map<String, Hashtable<String, Object>> services) {

    static final String DEFAULT_ADDRESS = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;
    static final String FILE_NAME = "stratus.properties";
    /** Demo mode: a flag without a value, never read from the environment or the file. */
    static final String DEMO_FLAG = "--demo";
    /** The store's configuration; given last, so the services that need the store find theirs in place. */
    static final String STORE_PID = "io.stratus.store";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SERVICE_ENDPOINT = Pattern.compile("[a-z0-9-]+=\\S+");

    /** A keystore (PKCS12 or JKS) with the server's key and certificate. */
    record Tls(Path keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=(redacted)]";
        }
    }

    private enum Kind { TEXT, SECRET, LIST }

    enum Setting {
        ADDRESS("address", "--address", "STRATUS_ADDRESS", null, null, Kind.TEXT),
        PORT("port", "--port", "STRATUS_PORT", null, null, Kind.TEXT),
        DATA(null, "--data", "STRATUS_DATA", null, null, Kind.TEXT),
        STORE_URL("store.url", "--store-url", "STRATUS_STORE_URL", STORE_PID, "jdbcUrl", Kind.TEXT),
        STORE_USER("store.user", "--store-user", "STRATUS_STORE_USER", STORE_PID, "user", Kind.TEXT),
        STORE_PASSWORD("store.password", null, "STRATUS_STORE_PASSWORD", STORE_PID, "password", Kind.SECRET),
        AWS_REGION("aws.region", "--aws-region", "STRATUS_AWS_REGION", "io.stratus.aws", "region", Kind.TEXT),
        AWS_ENDPOINT("aws.endpoint", "--aws-endpoint", "STRATUS_AWS_ENDPOINT", "io.stratus.aws", "endpoint", Kind.TEXT),
        AWS_SERVICE_ENDPOINTS("aws.serviceEndpoints", "--aws-service-endpoints", "STRATUS_AWS_SERVICE_ENDPOINTS",
                "io.stratus.aws", "serviceEndpoints", Kind.LIST),
        REGIONS("explorer.regions", "--regions", "STRATUS_REGIONS", "io.stratus.explorer", "regions", Kind.LIST),
        IDLE_TIMEOUT("session.idleTimeoutSeconds", "--idle-timeout", "STRATUS_IDLE_TIMEOUT", "io.stratus.auth",
                "idleTimeoutSeconds", Kind.TEXT),
        SESSION_TIMEOUT("session.absoluteTimeoutSeconds", "--session-timeout", "STRATUS_SESSION_TIMEOUT",
                "io.stratus.auth", "absoluteTimeoutSeconds", Kind.TEXT),
        DEFAULT_ROLE("users.defaultRole", "--default-role", "STRATUS_DEFAULT_ROLE", "io.stratus.admin", "defaultRole",
                Kind.TEXT),
        DATABASE_AUTHORITIES("databases.trustedCertificates", "--database-authorities", "STRATUS_DATABASE_AUTHORITIES",
                "io.stratus.connect", "trustedCertificates", Kind.TEXT),
        DEMO_SEED(null, "--demo-seed", "STRATUS_DEMO_SEED", null, null, Kind.TEXT),
        TLS_KEYSTORE("tls.keystore", "--tls-keystore", "STRATUS_TLS_KEYSTORE", null, null, Kind.TEXT),
        TLS_PASSWORD("tls.keystorePassword", null, "STRATUS_TLS_KEYSTORE_PASSWORD", null, null, Kind.SECRET);

        final String key;
        final String flag;
        final String env;
        final String pid;
        final String property;
        final Kind kind;

        Setting(String key, String flag, String env, String pid, String property, Kind kind) {
            this.key = key;
            this.flag = flag;
            this.env = env;
            this.pid = pid;
            this.property = property;
            this.kind = kind;
        }

        String describe() {
            StringBuilder names = new StringBuilder(flag != null ? flag : env);
            if (flag != null) {
                names.append(" (or ").append(env);
            } else {
                names.append(" (");
            }
            if (key != null) {
                names.append(flag != null ? ", or " : "or ").append(key).append(" in ").append(FILE_NAME);
            }
            return names.append(")").toString();
        }
    }

    static ServerSettings from(String[] args, Map<String, String> env, Path home) {
        boolean demo = Arrays.asList(args).contains(DEMO_FLAG);
        Map<Setting, String> flags = parseFlags(Arrays.stream(args).filter(a -> !a.equals(DEMO_FLAG)).toArray(String[]::new));
        Path data = parsePath(Setting.DATA, first(Setting.DATA, flags, env, Map.of())
                .orElse(home.resolve(".stratus").resolve("server").toString()));
        Map<Setting, String> file = readFile(data.resolve(FILE_NAME));
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            first(setting, flags, env, file).ifPresent(value -> values.put(setting, value));
        }
        InetAddress address = parseAddress(values.getOrDefault(Setting.ADDRESS, DEFAULT_ADDRESS));
        int port = parsePort(values.getOrDefault(Setting.PORT, Integer.toString(DEFAULT_PORT)));
        Optional<Path> demoSeed = Optional.ofNullable(values.get(Setting.DEMO_SEED)).map(ServerSettings::demoSeed);
        return new ServerSettings(address, port, data, demo || demoSeed.isPresent(), demoSeed, tls(values),
                services(values, data));
    }

    /** Another sample account for demo mode than the shipped one: a seed file of the AWS simulator. */
    private static Path demoSeed(String value) {
        Path file = parsePath(Setting.DEMO_SEED, value);
        require(Setting.DEMO_SEED, value, Files.isReadable(file), "there is no readable seed file " + file);
        return file;
    }

    /** Without the values: some are secrets. */
    @Override
    public String toString() {
        return "ServerSettings[" + address.getHostAddress() + ":" + port + ", data " + dataDirectory + (demo ? ", demo" : "")
                + (tls.isPresent() ? ", TLS" : "") + ", configures " + services.keySet() + "]";
    }

    /** Creates the data directory if needed, for its owner only, and proves it is writable. */
    void prepareDataDirectory() {
        try {
            if (!Files.isDirectory(dataDirectory)) {
                Files.createDirectories(dataDirectory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path probe = Files.createTempFile(dataDirectory, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw invalid(Setting.DATA, "the data directory " + dataDirectory
                    + " cannot be created or written (" + e.getMessage() + "); choose a directory you can write to");
        }
    }

    private static Map<Setting, String> parseFlags(String[] args) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Setting setting = null;
            String value = null;
            for (Setting s : Setting.values()) {
                if (s.flag == null) {
                    continue;
                }
                if (arg.equals(s.flag)) {
                    setting = s;
                    if (i + 1 >= args.length) {
                        throw invalid(s, "a value is missing after " + s.flag);
                    }
                    value = args[++i];
                } else if (arg.startsWith(s.flag + "=")) {
                    setting = s;
                    value = arg.substring(s.flag.length() + 1);
                }
            }
            if (setting == null) {
                throw new StratusException(Problem.INVALID_INPUT, "Unknown option '" + arg + "'. The server accepts "
                        + String.join(", ", Arrays.stream(Setting.values()).filter(s -> s.flag != null)
                                .map(s -> s.flag).toList()) + " and " + DEMO_FLAG + "; see the README.");
            }
            values.put(setting, value);
        }
        return values;
    }

    private static Map<Setting, String> readFile(Path file) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StratusException(Problem.INVALID_INPUT, "The settings file " + file + " cannot be read ("
                    + e.getMessage() + "); fix or remove it.");
        }
        Map<String, Setting> byKey = new LinkedHashMap<>();
        Arrays.stream(Setting.values()).filter(s -> s.key != null).forEach(s -> byKey.put(s.key, s));
        for (String key : properties.stringPropertyNames()) {
            Setting setting = byKey.get(key);
            if (setting == null) {
                throw new StratusException(Problem.INVALID_INPUT, "The settings file " + file + " has an unknown "
                        + "setting '" + key + "'. Known: " + String.join(", ", byKey.keySet()) + ".");
            }
            values.put(setting, properties.getProperty(key));
        }
        return values;
    }

    private static Optional<String> first(Setting setting, Map<Setting, String> flags, Map<String, String> env,
            Map<Setting, String> file) {
        String value = flags.containsKey(setting) ? flags.get(setting)
                : env.containsKey(setting.env) ? env.get(setting.env) : file.get(setting);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw invalid(setting, "the value is empty");
        }
        return Optional.of(value.strip());
    }

    /**
     * What each service is told through ConfigAdmin, checked here so a mistake stops start-up.
     * Every service a setting reaches gets a whole configuration, empty where nothing was given
     * (the service's defaults then apply), so nothing can be left from another run.
     */
    private static Map<String, Hashtable<String, Object>> services(Map<Setting, String> values, Path data) {
        Map<String, Hashtable<String, Object>> services = new LinkedHashMap<>();
        Arrays.stream(Setting.values()).filter(s -> s.pid != null)
                .forEach(s -> services.putIfAbsent(s.pid, new Hashtable<>()));
        values.forEach((setting, value) -> {
            if (setting.pid != null) {
                services.computeIfAbsent(setting.pid, pid -> new Hashtable<>())
                        .put(setting.property, check(setting, value));
            }
        });
        if (values.containsKey(Setting.STORE_USER) || values.containsKey(Setting.STORE_PASSWORD)) {
            if (!values.containsKey(Setting.STORE_URL)) {
                throw invalid(Setting.STORE_URL, "a database user or password is set, but no PostgreSQL JDBC URL");
            }
        }
        if (!values.containsKey(Setting.STORE_URL)) { // the embedded store, in the data directory
            services.get(STORE_PID).put("dataDirectory", data.toString());
        }
        return services;
    }

    private static Object check(Setting setting, String value) {
        return switch (setting) {
            case STORE_URL -> require(setting, value, value.startsWith("jdbc:postgresql://"),
                    "'" + value + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE)");
            case AWS_REGION -> require(setting, value, REGION.matcher(value).matches(),
                    "'" + value + "' is not an AWS region such as eu-west-1");
            case AWS_ENDPOINT -> httpUrl(setting, value);
            case AWS_SERVICE_ENDPOINTS -> {
                String[] entries = list(value);
                for (String entry : entries) {
                    require(setting, entry, SERVICE_ENDPOINT.matcher(entry).matches(),
                            "'" + entry + "' is not of the form service=URL, such as sts=http://localhost:4566");
                    httpUrl(setting, entry.substring(entry.indexOf('=') + 1));
                }
                yield entries;
            }
            case REGIONS -> {
                String[] regions = list(value);
                for (String region : regions) {
                    require(setting, region, REGION.matcher(region).matches(),
                            "'" + region + "' is not an AWS region such as eu-west-1");
                }
                yield regions;
            }
            case IDLE_TIMEOUT, SESSION_TIMEOUT -> positiveSeconds(setting, value);
            case DEFAULT_ROLE -> require(setting, value, Role.CONFIGURABLE_DEFAULTS.stream().anyMatch(r -> r.id().equals(value)),
                    "'" + value + "' is neither user nor viewer (an Administrator can choose any role in the console)");
            case DATABASE_AUTHORITIES -> {
                Path file = parsePath(setting, value);
                yield require(setting, file.toString(), Files.isReadable(file), "there is no readable PEM file " + file);
            }
            default -> value;
        };
    }

    private static Optional<Tls> tls(Map<Setting, String> values) {
        String keystore = values.get(Setting.TLS_KEYSTORE);
        String password = values.get(Setting.TLS_PASSWORD);
        if (keystore == null) {
            if (password != null) {
                throw invalid(Setting.TLS_KEYSTORE, "a keystore password is set, but no keystore");
            }
            return Optional.empty();
        }
        if (password == null) {
            throw invalid(Setting.TLS_PASSWORD, "TLS needs the keystore's password");
        }
        Path path = parsePath(Setting.TLS_KEYSTORE, keystore);
        if (!Files.isRegularFile(path)) {
            throw invalid(Setting.TLS_KEYSTORE, "there is no keystore file " + path);
        }
        try {
            KeyStore.getInstance(path.toFile(), password.toCharArray()); // proves type, password and contents
        } catch (IOException | GeneralSecurityException e) {
            throw invalid(Setting.TLS_KEYSTORE, "the keystore " + path + " cannot be opened with the given password ("
                    + e.getClass().getSimpleName() + "); check the file and " + Setting.TLS_PASSWORD.env);
        }
        return Optional.of(new Tls(path, password.toCharArray()));
    }

    private static String httpUrl(Setting setting, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid(setting, "'" + value + "' is not an http or https URL such as http://localhost:4566");
    }

    private static Long positiveSeconds(Setting setting, String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(setting, "'" + value + "' is not a positive number of seconds");
    }

    private static String require(Setting setting, String value, boolean ok, String problem) {
        if (!ok) {
            throw invalid(setting, problem);
        }
        return value;
    }

    private static String[] list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toArray(String[]::new);
    }

    private static InetAddress parseAddress(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw invalid(Setting.ADDRESS, "'" + value + "' is not an address or a known host name of this machine");
        }
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
        throw invalid(Setting.PORT, "'" + value + "' is not a port number from 1 to 65535 (or 0 for any free port)");
    }

    private static Path parsePath(Setting setting, String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(setting, "'" + value + "' is not a valid path");
        }
    }

    private static StratusException invalid(Setting setting, String what) {
        return new StratusException(Problem.INVALID_INPUT, "Setting " + setting.describe() + ": " + what + ".");
    }
}
