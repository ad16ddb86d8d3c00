package io.stratus.store.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store contract on the embedded H2 database, plus what only a store file can suffer. */
class H2StoreTest extends ConfigStoreContract {

    /** Ways a store file gets damaged. H2 notices some; others it would open as a new, empty database. */
    enum Damage {
        HEADER_OVERWRITTEN {
            @Override
            void applyTo(Path file) throws IOException {
                overwrite(file, 0, 8192);
            }
        },
        BODY_OVERWRITTEN {
            @Override
            void applyTo(Path file) throws IOException {
                overwrite(file, 8192, Files.size(file) - 8192);
            }
        },
        TRUNCATED_TO_NOTHING {
            @Override
            void applyTo(Path file) throws IOException {
                Files.write(file, new byte[0]);
            }
        };

        abstract void applyTo(Path file) throws IOException;

        private static void overwrite(Path file, long from, long length) throws IOException {
            try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
                byte[] junk = new byte[Math.toIntExact(length)];
                Arrays.fill(junk, (byte) 'x');
                data.seek(from);
                data.write(junk);
            }
        }
    }

    @TempDir
    Path temp;
    private int stores;

    @Override
    Map<String, Object> newStore() {
        return Map.of(StoreConfiguration.DATA_DIRECTORY, temp.resolve("data-" + ++stores).toString());
    }

    @Override
    Connection connectToNewDatabase(Map<String, Object> storeProperties) throws SQLException {
        Path store = Path.of((String) storeProperties.get(StoreConfiguration.DATA_DIRECTORY), "store");
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + store.resolve("config"));
        return source.getConnection();
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedStoreFileFailsClosed(Damage damage) throws IOException {
        write(writer -> FirstSetup.run(writer, "AIDAALICE"));
        runtime.shutDown();
        damage.applyTo(storeFile());

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("The configuration store (H2 file " + storeFile() + ")"), failure);
        assertTrue(failure.contains("Stratus will not work on an empty store in its place"), failure);
        assertTrue(failure.contains("Restore " + storeFile() + " from a backup."), failure);
    }

    @Test
    void aStoreInUseByAnotherProcessFailsClosed() throws Exception {
        runtime.shutDown();
        try (SetupProcess other = SetupProcess.start(properties, SetupProcess.Stage.COMMITTED)) {
            other.awaitStage(SetupProcess.Stage.COMMITTED);
            String failure = runtime.openExpectingFailure(properties);
            assertTrue(failure.contains("is in use by another process"), failure);
        }
    }

    private Path storeFile() {
        return Path.of((String) properties.get(StoreConfiguration.DATA_DIRECTORY), "store", "config.mv.db");
    }
}
