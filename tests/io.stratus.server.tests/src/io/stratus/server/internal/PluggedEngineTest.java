package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.testing.StratusServices;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Memo, a made-up engine that only the test bundle {@code io.stratus.testing.engine} adds (its
 * discovery, engine and connector), works through the API as the shipped engines do: listed with
 * its defaults, discovered in the simulator's RDS API as a service of its own, opened and queried.
 */
class PluggedEngineTest {

    private static final String REGION = "eu-west-1";

    private static TestAwsSimulator simulator;
    private static HttpApiServer server;
    private static ApiClient alice;

    @BeforeAll
    static void start() throws Exception {
        simulator = TestAwsSimulator.start(Seed.builder().account(HttpApiTest.ACCOUNT, account -> account
                .user("alice", u -> u.accessKey(HttpApiTest.ALICE.get("accessKeyId"),
                        HttpApiTest.ALICE.get("secretAccessKey")))
                .region(REGION, r -> r
                        .dbInstance("orders", db -> db.engine("postgres"))
                        .dbCluster("jotter", c -> c.engine("memo").engineVersion("1.0").port(7070))))
                .build());
        StratusServices stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 2));
        stratus.configure(ExplorerConfiguration.PID, new Hashtable<>(Map.of("regions", new String[] {REGION})));
        stratus.freshInstance("plugged-engine");
        stratus.service(ApiDispatcher.class);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
        alice = new ApiClient(server.start().getPort());
        assertEquals(201, alice.post("/api/setup", HttpApiTest.ALICE).statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        simulator.close();
    }

    @Test
    void theApiListsTheEngineWithItsDefaults() throws Exception {
        JsonNode engines = ApiClient.json(alice.get("/api/engines")).get("engines");
        JsonNode memo = engine(engines, "memo");
        assertEquals("Memo", memo.get("name").asText());
        assertEquals("memo", memo.get("family").asText());
        assertEquals("memo", memo.get("icon").asText());
        assertTrue(memo.get("openable").asBoolean(), "its own connector opens it");
        assertEquals(7070, memo.at("/defaults/port").asInt());
        assertEquals("notes", memo.at("/defaults/database").asText());
        assertEquals("password", memo.at("/defaults/logins/0/id").asText());
        assertEquals(1, memo.at("/defaults/logins").size(), "the logins its bundle declares, and no other");
        assertTrue(engine(engines, "postgres").get("openable").asBoolean(), "the shipped engines are listed beside it");
        ApiClient.assertError(new ApiClient(alice.port()).get("/api/engines"), 401, "not_signed_in");
    }

    @Test
    void itsDatabasesAreDiscoveredAsAServiceOfTheirOwn() throws Exception {
        JsonNode services = ApiClient.json(alice.get("/api/explorer")).get("services");
        assertEquals(List.of("RDS", "DSQL", "REDSHIFT", "DOCUMENTDB", "DYNAMODB", "MEMO"), StreamSupport.stream(services
                .spliterator(), false).map(s -> s.get("service").asText()).toList(), "after the shipped services, by its position");
        JsonNode memo = services.get(5);
        assertEquals("Memo", memo.get("name").asText());
        assertEquals("jotter", memo.at("/regions/0/resources/0/name").asText());
        assertEquals("memo", memo.at("/regions/0/resources/0/engine").asText());
        assertEquals(List.of("orders"), services.get(0).at("/regions/0/resources").findValuesAsText("name"),
                "RDS and Aurora leaves the engine to its own discovery, from the same listing");

        JsonNode refreshed = ApiClient.json(alice.post("/api/explorer/refresh", Map.of("service", "memo", "region", REGION)));
        assertEquals("OK", refreshed.at("/services/5/regions/0/status/outcome").asText());
    }

    @Test
    void itsDatabasesOpenThroughItsConnectorWithItsDefaults() throws Exception {
        String jotter = ApiClient.json(alice.get("/api/explorer")).at("/services/5/regions/0/resources/0/id").asText();
        JsonNode spec = ApiClient.json(alice.get("/api/explorer/connection?resource="
                + URLEncoder.encode(jotter, StandardCharsets.UTF_8)));
        assertEquals(7070, spec.get("port").asInt(), "where AWS says it listens");
        assertEquals("notes", spec.get("database").asText(), "the engine's default database");

        JsonNode opened = ApiClient.json(alice.post("/api/databases",
                Map.of("resourceId", jotter, "username", "writer", "password", "any")));
        assertEquals("memo", opened.get("engine").asText());
        String id = opened.get("id").asText();
        JsonNode result = ApiClient.json(alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "remember the milk")));
        assertEquals("[[\"notes\",\"remember the milk\"]]", result.get("rows").toString());
        assertEquals(204, alice.send("DELETE", "/api/databases/" + id, null).statusCode());
    }

    private static JsonNode engine(JsonNode engines, String id) {
        return StreamSupport.stream(engines.spliterator(), false).filter(e -> e.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no engine " + id + " in " + engines));
    }
}
