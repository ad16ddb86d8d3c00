package io.stratus.bootstrap;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Role;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A front door's settings, from command-line flags, environment variables and the file
 * {@code stratus.properties} in the data directory, in that order of precedence, then defaults.
 * Each setting is checked when read; a wrong one stops start-up with a message that names it.
 * Secrets (database and keystore passwords) come from the environment or the file only, never
 * from flags, which other users of the machine can see.
 */
public final class Settings {

    public static final String FILE_NAME = "stratus.properties";
    /** Demo mode: a flag without a value, never read from the environment or the file. */
    public static final String DEMO_FLAG = "--demo";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SERVICE_ENDPOINT = Pattern.compile("[a-z0-9-]+=\\S+");

    private final FrontDoor frontDoor;
    private final Path dataDirectory;
    private final Optional<Path> demoSeed;
    private final boolean demoFlag;
    private final boolean demo;
    private final Map<Setting, String> flags;
    private final Map<String, String> env;
    private final Map<Setting, String> file;
    private final Map<Setting, String> values;
    private final Map<String, Hashtable<String, Object>> services;

    private Settings(FrontDoor frontDoor, Path dataDirectory, boolean demoFlag, Map<Setting, String> flags,
            Map<String, String> env, Map<Setting, String> file) {
        this.frontDoor = frontDoor;
        this.dataDirectory = dataDirectory;
        this.flags = flags;
        this.env = env;
        this.file = Collections.unmodifiableMap(file);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting.appliesTo(frontDoor)) {
                first(setting, flags, env, file).ifPresent(value -> values.put(setting, value));
            }
        }
        this.values = values;
        this.services = Collections.unmodifiableMap(services(values, dataDirectory));
        this.demoSeed = Optional.ofNullable(values.get(Setting.DEMO_SEED)).map(Settings::demoSeed);
        this.demoFlag = demoFlag;
        this.demo = demoFlag || demoSeed.isPresent();
    }

    /**
     * Reads and checks the settings that apply to a front door.
     *
     * @param dataDirectory where the front door keeps its data; the server's {@code --data} overrides it
     * @throws StratusException naming the setting that is wrong
     */
    public static Settings read(FrontDoor frontDoor, String[] args, Map<String, String> env, Path dataDirectory) {
        boolean demo = frontDoor.offersDemo() && Arrays.asList(args).contains(DEMO_FLAG);
        Map<Setting, String> flags = parseFlags(frontDoor, args);
        Path data = Setting.DATA.appliesTo(frontDoor)
                ? parsePath(Setting.DATA, first(Setting.DATA, flags, env, Map.of()).orElse(dataDirectory.toString()))
                : dataDirectory;
        return new Settings(frontDoor, data, demo, flags, Map.copyOf(env), readFile(frontDoor, data.resolve(FILE_NAME)));
    }

    /** What {@code stratus.properties} says, for the settings that apply to this front door. */
    public Map<Setting, String> fileValues() {
        return file;
    }

    /**
     * The flag or environment variable that sets {@code setting} on this run, if one does: it
     * takes precedence over the file, so a change there would not show.
     */
    public Optional<String> givenOutsideFile(Setting setting) {
        if (flags.containsKey(setting)) {
            return Optional.of(setting.flag);
        }
        return env.containsKey(setting.env) ? Optional.of(setting.env) : Optional.empty();
    }

    /**
     * These settings with {@code fileValues} in place of what the file says (a setting left out is
     * removed from the file), checked as at start-up. Nothing is written: see {@link #saveFile}.
     *
     * @throws StratusException naming the setting that is wrong
     */
    public Settings withFileValues(Map<Setting, String> fileValues) {
        Map<Setting, String> changed = new EnumMap<>(Setting.class);
        fileValues.forEach((setting, value) -> {
            if (setting.key == null || !setting.appliesTo(frontDoor)) {
                throw new StratusException(Problem.INVALID_INPUT, setting.describe() + " cannot be set in "
                        + FILE_NAME + " here.");
            }
            changed.put(setting, value);
        });
        return new Settings(frontDoor, dataDirectory, demoFlag, flags, env, changed);
    }

    /**
     * Makes {@code stratus.properties} say what {@link #fileValues} says, changing only the lines of
     * the settings that differ: comments and every other line stay as they were. The file is
     * replaced in one step and readable by its owner only.
     */
    public void saveFile() {
        SettingsFile.rewrite(dataDirectory.resolve(FILE_NAME), file);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether to run on the AWS simulator's sample account, with throw-away data, instead of AWS. */
    public boolean demo() {
        return demo;
    }

    /** Another sample account for demo mode than the shipped one: a seed file of the AWS simulator. */
    public Optional<Path> demoSeed() {
        return demoSeed;
    }

    /** A setting the front door reads itself (the server's address, port and TLS), as given. */
    public Optional<String> value(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /**
     * What each service is told through ConfigAdmin, by PID. Every service a setting reaches gets
     * a whole configuration, empty where nothing was given (the service's defaults then apply),
     * so nothing can be left from another run.
     */
    public Map<String, Hashtable<String, Object>> services() {
        return services;
    }

    /** Without the values: some are secrets. */
    @Override
    public String toString() {
        return "Settings[" + frontDoor + ", data " + dataDirectory + (demo ? ", demo" : "") + ", configures "
                + services.keySet() + "]";
    }

    /** Creates the data directory if needed, for its owner only, and proves it is writable. */
    public void prepareDataDirectory() {
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

    /** A path a setting gives, made absolute. */
    public static Path parsePath(Setting setting, String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(setting, "'" + value + "' is not a valid path");
        }
    }

    /** The error for a wrong setting: its names, then what is wrong. */
    public static InvalidSetting invalid(Setting setting, String what) {
        return new InvalidSetting(setting, what);
    }

    private static Path demoSeed(String value) {
        Path file = parsePath(Setting.DEMO_SEED, value);
        require(Setting.DEMO_SEED, value, Files.isReadable(file), "there is no readable seed file " + file);
        return file;
    }

    private static Map<Setting, String> parseFlags(FrontDoor frontDoor, String[] args) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Setting[] known = Arrays.stream(Setting.values()).filter(s -> s.flag != null && s.appliesTo(frontDoor))
                .toArray(Setting[]::new);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!frontDoor.owns(arg) || frontDoor.offersDemo() && arg.equals(DEMO_FLAG)) {
                continue;
            }
            Setting setting = null;
            String value = null;
            for (Setting s : known) {
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
                throw new StratusException(Problem.INVALID_INPUT, "Unknown option '" + arg + "'. "
                        + frontDoor.displayName() + " accepts " + String.join(", ", Arrays.stream(known)
                                .map(s -> s.flag).toList()) + " and " + DEMO_FLAG + "; see the README.");
            }
            values.put(setting, value);
        }
        return values;
    }

    private static Map<Setting, String> readFile(FrontDoor frontDoor, Path file) {
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
        Arrays.stream(Setting.values()).filter(s -> s.key != null && s.appliesTo(frontDoor)).forEach(s -> byKey.put(s.key, s));
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

    private static Map<String, Hashtable<String, Object>> services(Map<Setting, String> values, Path data) {
        Map<String, Hashtable<String, Object>> services = new LinkedHashMap<>();
        Arrays.stream(Setting.values()).filter(s -> s.pid != null)
                .forEach(s -> services.putIfAbsent(s.pid, new Hashtable<>()));
        values.forEach((setting, value) -> {
            if (setting.pid != null) {
                services.get(setting.pid).put(setting.property, check(setting, value));
            }
        });
        if (values.containsKey(Setting.STORE_USER) || values.containsKey(Setting.STORE_PASSWORD)) {
            if (!values.containsKey(Setting.STORE_URL)) {
                throw invalid(Setting.STORE_URL, "a database user or password is set, but no PostgreSQL JDBC URL");
            }
        }
        if (values.containsKey(Setting.SSO_START_URL) != values.containsKey(Setting.SSO_REGION)) {
            throw invalid(values.containsKey(Setting.SSO_START_URL) ? Setting.SSO_REGION : Setting.SSO_START_URL,
                    "the IAM Identity Center start URL and its region go together: give both");
        }
        if (!values.containsKey(Setting.STORE_URL)) { // the embedded store, in the data directory
            services.get(StoreConfiguration.PID).put(StoreConfiguration.DATA_DIRECTORY, data.toString());
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
            case SSO_START_URL -> require(setting, value, value.startsWith("https://") && httpUrl(setting, value) != null,
                    "'" + value + "' is not the https start URL of an AWS access portal");
            case SSO_REGION -> require(setting, value, REGION.matcher(value).matches(),
                    "'" + value + "' is not an AWS region such as eu-west-1");
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
}
