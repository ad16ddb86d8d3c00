package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.StratusServices;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Signing in over HTTP with an MFA code and as an assumed role: the body's fields, the session's
 * keys' expiry, what a refusal answers, throttling, and no secret, token or code left anywhere.
 * Each test that spends an MFA code has a user of its own, as a code works once.
 */
class SignInMethodsApiTest {

    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "210987654321";
    private static final Map<String, String> ALICE = keys("AKIAALICE00000000001", "alice+secret+0000000000000000000000000001");
    private static final String CANARY_ID = "AKIACANARY0000000009";
    private static final String CANARY_SECRET = "MFACANARY+mfacanary+mfacanary+mfacanary";
    private static final String OPEN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/Open";
    private static final String OPS_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/Ops";
    private static final String FOREIGN_ROLE = "arn:aws:iam::" + OTHER_ACCOUNT + ":role/Foreign";
    private static final String EXTERNAL_ID = "ops-7781";
    private static final int MFA_PEOPLE = 6;
    private static final int MAX_FAILURES = 3;

    private static final Seed SEED = Seed.builder()
            .account(ACCOUNT, account -> {
                account.user("alice", u -> u.accessKey(ALICE.get("accessKeyId"), ALICE.get("secretAccessKey")))
                        .user("canary", u -> u.accessKey(CANARY_ID, CANARY_SECRET).mfaDevice("canary-phone", deviceSecret(0)))
                        .role("Ops", role -> role.trustedBy(ACCOUNT).mfaRequired().externalId(EXTERNAL_ID))
                        .role("Open", role -> role.trustedBy(ACCOUNT));
                for (int n = 1; n <= MFA_PEOPLE; n++) {
                    int person = n;
                    account.user("person" + n, u -> u.accessKey(keyId(person), secret(person))
                            .mfaDevice("person" + person + "-phone", deviceSecret(person)));
                }
            })
            .account(OTHER_ACCOUNT, account -> account.role("Foreign", role -> role.trustedBy(ACCOUNT)))
            .build();

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;
    private HttpApiServer server;
    private ApiClient anonymous;

    @BeforeAll
    static void start() {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 1));
        stratus.configure(ApiDispatcher.PID, new Hashtable<>(Map.of("signInMaxFailures", MAX_FAILURES,
                "signInWindowSeconds", 60)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshInstanceBehindAListener() throws Exception {
        stratus.freshInstance("sign-in-methods");
        stratus.service(ApiDispatcher.class);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
        anonymous = new ApiClient(server.start().getPort());
        assertEquals(201, new ApiClient(anonymous.port()).post("/api/setup", ALICE).statusCode());
    }

    @AfterEach
    void stopListener() throws Exception {
        server.stop();
    }

    private static String keyId(int person) {
        return "AKIAPERSON0000000000" + person;
    }

    private static String secret(int person) {
        return "person" + person + "+secret+00000000000000000000000000";
    }

    private static String deviceSecret(int person) {
        return "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ" + (char) ('A' + person);
    }

    private static String code(int person) {
        return new Seed.MfaDevice("person" + person + "-phone", deviceSecret(person)).codeAt(simulator.now());
    }

    private static Map<String, Object> body(int person, Object... more) {
        Map<String, Object> body = new HashMap<>(keys(keyId(person), secret(person)));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static Map<String, String> keys(String id, String secret) {
        return Map.of("accessKeyId", id, "secretAccessKey", secret);
    }

    @Test
    void anMfaSignInShowsWhenItsKeysExpire() throws Exception {
        ApiClient person = new ApiClient(anonymous.port());
        HttpResponse<String> signedIn = person.post("/api/session", body(1, "mfaCode", code(1)));

        assertEquals(201, signedIn.statusCode(), signedIn.body());
        JsonNode session = ApiClient.json(person.get("/api/session"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/person1", session.path("arn").asText());
        Instant keysExpire = Instant.parse(session.path("keysExpireAt").asText());
        assertTrue(keysExpire.isAfter(simulator.now().plusSeconds(11 * 3600)), session.toString());
        assertEquals(keysExpire.minus(Duration.ofMinutes(5)), Instant.parse(session.path("keysWarnAt").asText()));
        assertFalse(session.path("keysExpired").asBoolean());
    }

    @Test
    void expiredKeysAnswer401KeysExpiredUntilTheSameSessionIsRenewed() throws Exception {
        ManualClock time = ManualClock.startingNow();
        try (AutoCloseable clock = stratus.sessionsExpireBy(time)) {
            ApiClient alice = new ApiClient(anonymous.port());
            assertEquals(201, alice.post("/api/session", asOpenRole(ALICE, 900)).statusCode());
            Instant firstExpiry = Instant.parse(ApiClient.json(alice.get("/api/session")).path("keysExpireAt").asText());
            assertEquals(200, alice.post("/api/explorer/refresh", Map.of()).statusCode());

            time.advance(Duration.ofMinutes(16));
            HttpResponse<String> refused = alice.post("/api/explorer/refresh", Map.of());
            ApiClient.assertError(refused, 401, "keys_expired");
            assertTrue(ApiClient.json(refused).at("/error/message").asText().contains("Re-authenticate"), refused.body());
            JsonNode waiting = ApiClient.json(alice.get("/api/session"));
            assertTrue(waiting.path("keysExpired").asBoolean(), waiting.toString());
            assertEquals("keys-expired", waiting.path("keysLapse").asText());
            assertEquals(200, alice.get("/api/explorer").statusCode(), "what was discovered stays");

            HttpResponse<String> somebodyElse = alice.post("/api/session/renew", asOpenRole(keys(CANARY_ID, CANARY_SECRET), 3600));
            ApiClient.assertError(somebodyElse, 403, "forbidden");
            assertTrue(ApiClient.json(somebodyElse).at("/error/message").asText().contains("hand one person's open work"));

            HttpResponse<String> renewed = alice.post("/api/session/renew", asOpenRole(ALICE, 3600));
            assertEquals(200, renewed.statusCode(), renewed.body());
            assertTrue(renewed.headers().firstValue("Set-Cookie").isEmpty(), "the session keeps its cookie");
            JsonNode session = ApiClient.json(renewed);
            assertFalse(session.path("keysExpired").asBoolean());
            assertTrue(Instant.parse(session.path("keysExpireAt").asText()).isAfter(firstExpiry.plus(Duration.ofMinutes(30))));
            assertEquals(200, alice.post("/api/explorer/refresh", Map.of()).statusCode());
        }
    }

    @Test
    void renewingWithoutASessionIs401NotSignedIn() throws Exception {
        ApiClient.assertError(new ApiClient(anonymous.port()).post("/api/session/renew", ALICE), 401, "not_signed_in");
    }

    private static Map<String, Object> asOpenRole(Map<String, String> keys, int seconds) {
        Map<String, Object> body = new HashMap<>(keys);
        body.put("roleArn", OPEN_ROLE);
        body.put("durationSeconds", seconds);
        return body;
    }

    @Test
    void aSignInWithKeysAloneShowsNoKeyExpiry() throws Exception {
        ApiClient alice = new ApiClient(anonymous.port());
        alice.post("/api/session", ALICE);
        assertFalse(ApiClient.json(alice.get("/api/session")).has("keysExpireAt"));
    }

    @Test
    void aWrongOrReusedCodeIs401WithAClearMessage() throws Exception {
        String code = code(2);
        ApiClient person = new ApiClient(anonymous.port());
        assertEquals(201, person.post("/api/session", body(2, "mfaCode", code)).statusCode());

        HttpResponse<String> again = new ApiClient(anonymous.port(), ApiClient.loopback(8)).post("/api/session",
                body(2, "mfaCode", code));
        ApiClient.assertError(again, 401, "not_signed_in");
        assertTrue(ApiClient.json(again).at("/error/message").asText().contains("did not accept the MFA code"));
        assertFalse(again.body().contains(code), "the answer does not repeat the code");
    }

    @Test
    void anAssumedRoleWithExternalIdAndMfaSignsInAsTheRole() throws Exception {
        ApiClient person = new ApiClient(anonymous.port());
        HttpResponse<String> signedIn = person.post("/api/session", body(3, "mfaCode", code(3),
                "mfaSerial", "arn:aws:iam::" + ACCOUNT + ":mfa/person3-phone", "roleArn", OPS_ROLE,
                "externalId", EXTERNAL_ID, "durationSeconds", 900));

        assertEquals(201, signedIn.statusCode(), signedIn.body());
        JsonNode session = ApiClient.json(signedIn);
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/Ops/person3", session.path("arn").asText());
        assertEquals("ASSUMED_ROLE", session.path("type").asText());
        assertTrue(Instant.parse(session.path("keysExpireAt").asText()).isBefore(simulator.now().plusSeconds(901)));
    }

    @Test
    void refusalsOfRolesSayWhy() throws Exception {
        // Each refusal counts against the throttle: they come from addresses of their own.
        HttpResponse<String> noExternalId = new ApiClient(anonymous.port(), ApiClient.loopback(10)).post("/api/session",
                body(4, "mfaCode", code(4), "roleArn", OPS_ROLE));
        ApiClient.assertError(noExternalId, 403, "forbidden");
        assertTrue(ApiClient.json(noExternalId).at("/error/message").asText().contains("external ID"));

        simulator.calls().clear();
        HttpResponse<String> foreign = new ApiClient(anonymous.port(), ApiClient.loopback(7)).post("/api/session",
                body(5, "roleArn", FOREIGN_ROLE));
        ApiClient.assertError(foreign, 403, "forbidden");
        assertTrue(ApiClient.json(foreign).at("/error/message").asText().contains(OTHER_ACCOUNT));
        assertEquals(0, simulator.calls().count("sts:*"), "refused before AWS was asked");

        ApiClient mistyping = new ApiClient(anonymous.port(), ApiClient.loopback(11));
        ApiClient.assertError(mistyping.post("/api/session", body(5, "externalId", EXTERNAL_ID)), 400, "bad_request");
        ApiClient.assertError(mistyping.post("/api/session", body(5, "roleArn", OPS_ROLE, "durationSeconds", "long")),
                400, "bad_request");
    }

    @Test
    void wrongCodesCountAgainstTheThrottle() throws Exception {
        ApiClient guesser = new ApiClient(anonymous.port(), ApiClient.loopback(9));
        String wrong = code(6).equals("000000") ? "000001" : "000000";
        for (int i = 0; i < MAX_FAILURES; i++) {
            ApiClient.assertError(guesser.post("/api/session", body(6, "mfaCode", wrong)), 401, "not_signed_in");
        }
        ApiClient.assertError(guesser.post("/api/session", body(6, "mfaCode", code(6))), 429, "too_many_requests");
    }

    @Test
    void noSecretTokenOrCodeIsLeftAnywhereAfterTheFlows() throws Exception {
        ApiClient canary = new ApiClient(anonymous.port());
        String code = new Seed.MfaDevice("canary-phone", deviceSecret(0)).codeAt(simulator.now());
        HttpResponse<String> mfa = canary.post("/api/session", Map.of("accessKeyId", CANARY_ID,
                "secretAccessKey", CANARY_SECRET, "mfaCode", code));
        assertEquals(201, mfa.statusCode(), mfa.body());
        canary.get("/api/explorer");
        canary.send("DELETE", "/api/session", null);
        ApiClient role = new ApiClient(anonymous.port());
        assertEquals(201, role.post("/api/session", Map.of("accessKeyId", CANARY_ID, "secretAccessKey", CANARY_SECRET,
                "roleArn", OPEN_ROLE)).statusCode());
        role.get("/api/session");
        assertEquals(200, role.post("/api/session/renew", Map.of("accessKeyId", CANARY_ID, "secretAccessKey", CANARY_SECRET,
                "roleArn", OPEN_ROLE)).statusCode());
        stratus.stop();

        List<String> secrets = new ArrayList<>(simulator.issuedSecrets());
        secrets.add(CANARY_SECRET);
        assertTrue(secrets.size() >= 7, "the canary's secret and the three pairs of temporary keys it got: " + secrets.size());
        Map<Path, String> written = WrittenFiles.of(stratus.dataDirectory());
        written.forEach((file, text) -> {
            for (String secret : secrets) {
                assertFalse(text.contains(secret.substring(0, 20)), "a secret key or session token is in " + file);
            }
            assertFalse(text.contains("mfaCode") || text.contains("TokenCode"), "the MFA code is in " + file);
        });
        assertTrue(written.size() >= 2, "searched " + written.keySet());
    }
}
