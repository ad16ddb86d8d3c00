package io.stratus.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a test run wrote: the services' data directory and the log, for searches for secrets. */
final class WrittenFiles {

    private WrittenFiles() {
    }

    /** Every file below the data directory and the test log, with its content as Latin-1 text (any byte is a character). */
    static Map<Path, String> of(Path dataDirectory) throws IOException {
        Map<Path, String> contents = new LinkedHashMap<>();
        for (Path root : List.of(dataDirectory, Path.of(System.getProperty("stratus.test.log")))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    contents.put(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return contents;
    }
}
