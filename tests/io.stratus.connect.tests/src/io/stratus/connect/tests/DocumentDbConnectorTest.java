package io.stratus.connect.tests;

import io.stratus.core.database.ResultColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.connect.documentdb.DocumentDbSettings;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.Secret;
import io.stratus.testing.MongoWireServer;
import io.stratus.testing.StratusServices;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.ClusterConnectionMode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DocumentDB connector with the MongoDB driver against a MongoDB wire-protocol server
 * (mongo-java-server) on loopback that, like DocumentDB, speaks TLS and wants a SCRAM login. The
 * server is a single instance, so the tests open an instance endpoint; what a cluster endpoint
 * gets (replica set rs0) is checked on the driver's settings.
 */
class DocumentDbConnectorTest {

    private static final int ORDERS = 2_500;
    private static final String INSTANCE = "arn:aws:rds:eu-west-1:123456789012:db:profiles-1";
    private static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:profiles";

    private static StratusServices stratus;
    private static MongoWireServer mongo;
    private static DatabaseConnector documentDb;

    @BeforeAll
    static void start() throws Exception {
        stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        mongo = MongoWireServer.start();
        documentDb = stratus.connector("docdb");
        String documents = IntStream.rangeClosed(1, ORDERS)
                .mapToObj(n -> "{\"_id\": " + n + ", \"customer\": \"c" + (n % 10) + "\", \"total\": " + n + "}")
                .collect(Collectors.joining(", "));
        try (DatabaseLink link = open(AccessMode.READ_WRITE);
                StatementResult inserted = link.execute("{\"insertMany\": \"orders\", \"documents\": [" + documents + "]}")) {
            assertEquals(ORDERS, inserted.updateCount().orElseThrow());
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void findReadsDocumentsPageByPageWithFilterProjectionAndSort() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY);
                StatementResult found = link.execute("{\"find\": \"orders\", \"filter\": {\"customer\": \"c3\"},"
                        + " \"projection\": {\"customer\": 0}, \"sort\": {\"total\": -1}}")) {
            assertEquals(List.of(new ResultColumn("document", "json")), found.columns());
            List<List<Object>> first = found.nextPage(100);
            assertEquals(100, first.size());
            assertEquals("{\"_id\": 2493, \"total\": 2493}", first.get(0).get(0));
            int read = first.size();
            for (List<List<Object>> page = found.nextPage(100); !page.isEmpty(); page = found.nextPage(100)) {
                read += page.size();
            }
            assertEquals(ORDERS / 10, read);
        }
        try (DatabaseLink link = open(AccessMode.READ_ONLY);
                StatementResult count = link.execute("{\"count\": \"orders\", \"filter\": {\"total\": {\"$gt\": 2000}}}")) {
            assertEquals(List.of(List.of(500L)), count.nextPage(10));
        }
    }

    @Test
    void browsesDatabasesCollectionsAndIndexes() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY)) {
            assertTrue(link.browse(List.of()).contains(new CatalogEntry("app", "database", "")));
            assertEquals(List.of(new CatalogEntry("orders", "collection", "")), link.browse(List.of("app")));
            assertTrue(link.browse(List.of("app", "orders")).stream().anyMatch(index -> index.name().equals("_id_")));
        }
    }

    @Test
    void readOnlySessionsRefuseWritesBeforeSendingThem() {
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            for (String write : List.of("{\"insertOne\": \"orders\", \"document\": {\"_id\": 0}}",
                    "{\"updateMany\": \"orders\", \"filter\": {}, \"update\": {\"$set\": {\"total\": 0}}}",
                    "{\"deleteMany\": \"orders\", \"filter\": {}}",
                    "{\"replaceOne\": \"orders\", \"filter\": {\"_id\": 1}, \"replacement\": {\"total\": 0}}",
                    "{\"aggregate\": \"orders\", \"pipeline\": [{\"$out\": \"copy\"}]}")) {
                StratusException refused = assertThrows(StratusException.class, () -> viewer.execute(write));
                assertEquals(Problem.FORBIDDEN, refused.problem(), write);
                assertTrue(refused.getMessage().contains("was not sent"), refused.getMessage());
            }
        }
        try (DatabaseLink user = open(AccessMode.READ_WRITE)) {
            try (StatementResult updated = user.execute("{\"updateOne\": \"orders\", \"filter\": {\"_id\": 1},"
                    + " \"update\": {\"$set\": {\"note\": \"checked\"}}}")) {
                assertEquals(1, updated.updateCount().orElseThrow());
            }
            try (StatementResult count = user.execute("{\"count\": \"orders\", \"filter\": {}}")) {
                assertEquals(List.of(List.of((long) ORDERS)), count.nextPage(1), "nothing of the refused writes arrived");
            }
        }
    }

    @Test
    void replaceOneWritesTheWholeDocumentAndCountsTheOneItMatched() {
        // in a database of its own: the other tests count the collections of app
        String people = "\"people\", \"$db\": \"staff\"";
        String adasId = "{\"$oid\": \"65a000000000000000000001\"}";
        try (DatabaseLink user = open(AccessMode.READ_WRITE)) {
            user.execute("{\"insertOne\": " + people + ", \"document\": {\"_id\": " + adasId + ", \"name\": \"Ada\","
                    + " \"langs\": [\"en\"], \"note\": \"old\", \"visits\": {\"$numberLong\": \"3\"}}}").close();
            try (StatementResult found = user.execute("{\"find\": " + people + "}")) {
                String read = (String) found.nextPage(1).getFirst().getFirst();
                assertTrue(read.contains("\"visits\": {\"$numberLong\": \"3\"}"), "a 64-bit integer keeps its type: " + read);
            }
            String replace = "{\"replaceOne\": " + people + ", \"filter\": {\"_id\": " + adasId + "},"
                    + " \"replacement\": {\"name\": \"Ada L.\", \"langs\": [\"en\", \"fr\"]}}";
            try (StatementResult replaced = user.execute(replace)) {
                assertEquals(1, replaced.updateCount().orElseThrow());
            }
            try (StatementResult again = user.execute(replace)) {
                assertEquals(1, again.updateCount().orElseThrow(), "matched, though nothing changed");
            }
            try (StatementResult found = user.execute("{\"find\": " + people + "}")) {
                assertEquals(List.of(List.of("{\"_id\": " + adasId + ", \"name\": \"Ada L.\", \"langs\": [\"en\", \"fr\"]}")),
                        found.nextPage(10), "the note and visits went, the _id stayed");
            }
            try (StatementResult gone = user.execute("{\"replaceOne\": " + people + ", \"filter\": {\"_id\": 7},"
                    + " \"replacement\": {\"name\": \"nobody\"}}")) {
                assertEquals(0, gone.updateCount().orElseThrow(), "no document with that _id");
            }
        }
    }

    @Test
    void loginAndStatementErrorsSayWhatToDo() {
        StratusException login = assertThrows(StratusException.class, () -> documentDb.open(spec(INSTANCE),
                DatabaseLogin.withPassword(mongo.user(), Secret.of("not-" + mongo.password())), AccessMode.READ_ONLY));
        assertTrue(login.getMessage().startsWith("The database refused the login"), login.getMessage());
        assertFalse(login.getMessage().contains(mongo.password()));

        try (DatabaseLink link = open(AccessMode.READ_ONLY)) {
            StratusException json = assertThrows(StratusException.class, () -> link.execute("{find: "));
            assertTrue(json.getMessage().startsWith("The statement is not a JSON document"), json.getMessage());
            StratusException unknown = assertThrows(StratusException.class, () -> link.execute("{\"drop\": \"orders\"}"));
            assertTrue(unknown.getMessage().startsWith("Unknown operation 'drop'"), unknown.getMessage());
            link.test();
        }
    }

    @Test
    void aReadCanBeCancelled() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY);
                StatementResult found = link.execute("{\"find\": \"orders\", \"filter\": {}}")) {
            assertEquals(10, found.nextPage(10).size());
            link.cancel();
            StratusException cancelled = assertThrows(StratusException.class, () -> found.nextPage(ORDERS));
            assertEquals(Problem.CONFLICT, cancelled.problem());
            assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
            link.test();
        }
    }

    @Test
    void aClusterEndpointIsTheReplicaSetRs0OverVerifiedTlsWithoutRetryableWrites() {
        DatabaseTrust trust = stratus.service(DatabaseTrust.class);
        MongoClientSettings cluster = DocumentDbSettings.of(spec(CLUSTER), "analyst", Secret.of("p"), trust);
        assertEquals("rs0", cluster.getClusterSettings().getRequiredReplicaSetName());
        assertEquals(ClusterConnectionMode.MULTIPLE, cluster.getClusterSettings().getMode());
        assertFalse(cluster.getRetryWrites());
        assertTrue(cluster.getSslSettings().isEnabled());
        assertFalse(cluster.getSslSettings().isInvalidHostNameAllowed());
        assertEquals(trust.sslContext(), cluster.getSslSettings().getContext());
        assertEquals("admin", cluster.getCredential().getSource());

        MongoClientSettings instance = DocumentDbSettings.of(spec(INSTANCE), "analyst", Secret.of("p"), trust);
        assertEquals(ClusterConnectionMode.SINGLE, instance.getClusterSettings().getMode());
    }

    private static DatabaseLink open(AccessMode mode) {
        return documentDb.open(spec(INSTANCE), DatabaseLogin.withPassword(mongo.user(), Secret.of(mongo.password())), mode);
    }

    private static ConnectionSpec spec(String resourceId) {
        return new ConnectionSpec(resourceId, "docdb", "eu-west-1", "127.0.0.1", mongo.port(), Optional.of("app"), true, false);
    }
}
