package io.stratus.bootstrap;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Edits {@code stratus.properties} the way a person would: the lines of changed settings are
 * replaced, removed ones dropped, new ones appended; comments, blank lines and untouched settings
 * (a store password among them) stay byte for byte.
 */
final class SettingsFile {

    private SettingsFile() {
    }

    static void rewrite(Path file, Map<Setting, String> wanted) {
        try {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
                    : new ArrayList<>(List.of("# Stratus settings (see the README); the Preferences dialog edits this file."));
            Map<Setting, String> toWrite = new EnumMap<>(wanted);
            List<String> edited = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                // A logical line: an entry may continue over lines ending in an odd number of backslashes.
                int last = i;
                while (continues(lines.get(last)) && last + 1 < lines.size()) {
                    last++;
                }
                List<String> entry = lines.subList(i, last + 1);
                Setting setting = settingOf(entry);
                if (setting == null) {
                    edited.addAll(entry);
                } else if (toWrite.containsKey(setting)) {
                    String value = toWrite.remove(setting);
                    edited.add(value.equals(valueOf(entry)) ? String.join("\n", entry) : line(setting, value));
                }
                // else: the setting was removed, and its lines go
                i = last;
            }
            toWrite.forEach((setting, value) -> edited.add(line(setting, value)));
            replace(file, String.join("\n", edited) + "\n");
        } catch (IOException e) {
            throw new StratusException(Problem.UNAVAILABLE, "The settings file " + file + " cannot be written ("
                    + e.getMessage() + "); nothing was changed. Check the permissions of its folder.", e);
        }
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The setting an entry sets, by parsing it as {@link Properties} does; null for comments and blanks. */
    private static Setting settingOf(List<String> entry) {
        Properties parsed = parse(entry);
        for (Setting setting : Setting.values()) {
            if (setting.key != null && parsed.containsKey(setting.key)) {
                return setting;
            }
        }
        return null;
    }

    private static String valueOf(List<String> entry) {
        Properties parsed = parse(entry);
        return parsed.stringPropertyNames().stream().findFirst().map(parsed::getProperty).orElse(null);
    }

    private static Properties parse(List<String> entry) {
        Properties parsed = new Properties();
        try {
            parsed.load(new java.io.StringReader(String.join("\n", entry)));
        } catch (IOException | IllegalArgumentException e) {
            // not an entry Stratus can read: kept as it is (start-up reports it)
        }
        return parsed;
    }

    private static String line(Setting setting, String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return setting.key + "=" + escaped;
    }

    /** Writes beside the file, then moves over it, so a crash leaves the old file or the new one. */
    private static void replace(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".stratus-", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
