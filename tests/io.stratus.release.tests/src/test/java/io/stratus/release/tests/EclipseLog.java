package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of an Eclipse log: a workspace's {@code .metadata/.log}, or what {@code -consoleLog}
 * prints. Each starts with {@code !ENTRY <bundle> <severity> <code> <date>}; its message, stack
 * trace and sub-entries follow until the next entry or session.
 */
record EclipseLog(List<Entry> entries) {

    /** IStatus.ERROR. */
    private static final int ERROR = 4;

    /** One logged status, with everything logged with it. */
    record Entry(String bundle, int severity, String text) {

        boolean isError() {
            return severity == ERROR;
        }

        /** Logged by a Stratus bundle, or about one: its stack trace or message names Stratus. */
        boolean concernsStratus() {
            return bundle.startsWith("io.stratus") || text.contains("io.stratus");
        }
    }

    /** The log of a workspace; none if nothing was logged there. */
    static EclipseLog ofWorkspace(Path workspace) {
        Path log = workspace.resolve(".metadata/.log");
        try {
            return Files.exists(log) ? parse(Files.readString(log, UTF_8)) : new EclipseLog(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EclipseLog parse(String log) {
        List<Entry> entries = new ArrayList<>();
        StringBuilder text = null;
        String[] header = null;
        for (String line : log.split("\\R")) {
            boolean entryStarts = line.startsWith("!ENTRY ");
            if ((entryStarts || line.startsWith("!SESSION ")) && header != null) {
                entries.add(new Entry(header[1], Integer.parseInt(header[2]), text.toString()));
                header = null;
            }
            if (entryStarts) {
                header = line.split(" ");
                text = new StringBuilder(line).append('\n');
            } else if (header != null) {
                text.append(line).append('\n');
            }
        }
        if (header != null) {
            entries.add(new Entry(header[1], Integer.parseInt(header[2]), text.toString()));
        }
        return new EclipseLog(List.copyOf(entries));
    }

    List<Entry> errors() {
        return entries.stream().filter(Entry::isError).toList();
    }

    /** The errors that Stratus logged or caused. */
    List<Entry> errorsOfStratus() {
        return errors().stream().filter(Entry::concernsStratus).toList();
    }
}
