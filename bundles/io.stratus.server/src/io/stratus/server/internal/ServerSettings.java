package io.stratus.server.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server listens and keeps its data. Command-line flags win over environment
 * variables, which win over the defaults. A wrong value stops start-up with a message that
 * names the setting.
 */
record ServerSettings(InetAddress address, int port, Path dataDirectory, boolean demo) {

    static final String DEFAULT_ADDRESS = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;
    /** Demo mode: a flag without a value, never read from the environment. */
    static final String DEMO_FLAG = "--demo";

    private enum Setting {
        ADDRESS("--address", "STRATUS_ADDRESS"),
        PORT("--port", "STRATUS_PORT"),
        DATA("--data", "STRATUS_DATA");

        final String flag;
        final String env;

        Setting(String flag, String env) {
            this.flag = flag;
            this.env = env;
        }

        String describe() {
            return flag + " (or " + env + ")";
        }
    }

    static ServerSettings from(String[] args, Map<String, String> env, Path home) {
        boolean demo = java.util.Arrays.asList(args).contains(DEMO_FLAG);
        Map<Setting, String> flags = parseFlags(java.util.Arrays.stream(args).filter(a -> !a.equals(DEMO_FLAG))
                .toArray(String[]::new));
        String address = pick(Setting.ADDRESS, flags, env, DEFAULT_ADDRESS);
        String port = pick(Setting.PORT, flags, env, Integer.toString(DEFAULT_PORT));
        String data = pick(Setting.DATA, flags, env, home.resolve(".stratus").resolve("server").toString());
        return new ServerSettings(parseAddress(address), parsePort(port), parseDirectory(data), demo);
    }

    /** Creates the data directory if needed and proves it is writable. */
    void prepareDataDirectory() {
        try {
            Files.createDirectories(dataDirectory);
            Path probe = Files.createTempFile(dataDirectory, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw invalid(Setting.DATA, "the data directory " + dataDirectory
                    + " cannot be created or written (" + e.getMessage() + "); choose a directory you can write to");
        }
    }

    private static Map<Setting, String> parseFlags(String[] args) {
        Map<Setting, String> values = new java.util.EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Setting setting = null;
            String value = null;
            for (Setting s : Setting.values()) {
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
                throw new StratusException(Problem.INVALID_INPUT, "Unknown option '" + arg
                        + "'. The server accepts --address HOST, --port N, --data DIR and --demo.");
            }
            values.put(setting, value);
        }
        return values;
    }

    private static String pick(Setting setting, Map<Setting, String> flags, Map<String, String> env, String fallback) {
        String value = flags.containsKey(setting) ? flags.get(setting) : env.getOrDefault(setting.env, fallback);
        if (value.isBlank()) {
            throw invalid(setting, "the value is empty");
        }
        return value.strip();
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

    private static Path parseDirectory(String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(Setting.DATA, "'" + value + "' is not a valid path");
        }
    }

    private static StratusException invalid(Setting setting, String what) {
        return new StratusException(Problem.INVALID_INPUT, "Setting " + setting.describe() + ": " + what + ".");
    }
}
