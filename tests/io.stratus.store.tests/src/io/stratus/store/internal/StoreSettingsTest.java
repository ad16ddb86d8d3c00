package io.stratus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.store.StoreConfiguration;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading the configuration io.stratus.store: one database, said clearly, and no password in the open. */
class StoreSettingsTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/stratus";

    @Test
    void aDataDirectoryMeansTheEmbeddedStoreInItsStoreFolder() {
        StoreSettings settings = StoreSettings.from(Map.of(StoreConfiguration.DATA_DIRECTORY, "/srv/stratus/./data"));
        assertEquals(Path.of("/srv/stratus/data/store"), ((StoreSettings.Embedded) settings).storeDirectory());
    }

    @Test
    void aJdbcUrlMeansPostgresAndItsToStringHidesThePassword() {
        StoreSettings settings = StoreSettings.from(Map.of(StoreConfiguration.JDBC_URL, URL, StoreConfiguration.USER, "stratus",
                StoreConfiguration.PASSWORD, "s3cret-Passw0rd"));
        assertEquals(URL, ((StoreSettings.Postgres) settings).jdbcUrl());
        assertFalse(settings.toString().contains("s3cret-Passw0rd"), settings.toString());
    }

    @Test
    void exactlyOneDatabaseMustBeConfigured() {
        assertInvalid(Map.of(), "must set exactly one of 'dataDirectory' (embedded H2 store) and 'jdbcUrl' (PostgreSQL)");
        assertInvalid(Map.of(StoreConfiguration.DATA_DIRECTORY, "/srv/stratus", StoreConfiguration.JDBC_URL, URL), "must set exactly one of");
    }

    @Test
    void theDataDirectoryMustBeAnAbsolutePathWithoutSemicolons() {
        assertInvalid(Map.of(StoreConfiguration.DATA_DIRECTORY, "data"), "'data', which is not an absolute path");
        assertInvalid(Map.of(StoreConfiguration.DATA_DIRECTORY, "/srv/data;INIT=RUNSCRIPT FROM 'x'"), "choose a path without ';'");
    }

    @Test
    void onlyPostgresUrlsAreAccepted() {
        assertInvalid(Map.of(StoreConfiguration.JDBC_URL, "jdbc:mysql://db/stratus"), "does not start with 'jdbc:postgresql:'");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingEchoed() {
        for (String query : new String[] {"?password=s3cret-Passw0rd", "?ssl=true&sslPassword=s3cret-Passw0rd"}) {
            String message = assertInvalid(Map.of(StoreConfiguration.JDBC_URL, URL + query), "Remove it from the URL");
            assertFalse(message.contains("s3cret-Passw0rd"), message);
        }
        assertTrue(StoreSettings.from(Map.of(StoreConfiguration.JDBC_URL, URL + "_passwords")) instanceof StoreSettings.Postgres,
                "a database may have 'password' in its name");
    }

    private static String assertInvalid(Map<String, ?> properties, String expected) {
        StratusException thrown = ConfigStoreContract.assertProblem(Problem.INVALID_INPUT, () -> StoreSettings.from(properties));
        assertTrue(thrown.getMessage().startsWith("The configuration 'io.stratus.store' "), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
        return thrown.getMessage();
    }
}
