package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.simulator.seed.IdentityCenterSeed;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.StratusServices;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Signing in and setting up through IAM Identity Center over HTTP: the sign-in in progress belongs to
 * the browser that started it (a cookie), the roles of the bound account only, the ends of a sign-in,
 * the bounds on sign-ins in progress, and no token or key left anywhere.
 */
class IdentityCenterApiTest {

    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "210987654321";
    private static final String START_URL = "https://d-9067aabbcc.awsapps.com/start";
    private static final String REGION = "eu-west-1";

    private static final Seed SEED = Seed.builder()
            .account(ACCOUNT, account -> account.alias("shop"))
            .account(OTHER_ACCOUNT, account -> account.alias("elsewhere"))
            .identityCenter(IdentityCenterSeed.of(START_URL, REGION)
                    .withPermissionSet("DatabaseAdmin", List.of(), List.of())
                    .withPermissionSet("ReadOnly", List.of(), List.of())
                    .withUser("ada", ACCOUNT + ":DatabaseAdmin", ACCOUNT + ":ReadOnly", OTHER_ACCOUNT + ":DatabaseAdmin")
                    .withUser("grace", ACCOUNT + ":DatabaseAdmin"))
            .build();

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;
    private HttpApiServer server;
    private int port;

    @BeforeAll
    static void start() {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 1));
        stratus.configure(ApiDispatcher.PID, new Hashtable<>(Map.of("signInMaxFailures", 3, "signInWindowSeconds", 60)));
        stratus.useAuth(Map.of(AuthConfiguration.SSO_START_URL, START_URL, AuthConfiguration.SSO_REGION, REGION));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshInstanceBehindAListener() throws Exception {
        stratus.freshInstance("identity-center-api");
        stratus.service(ApiDispatcher.class);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
        port = server.start().getPort();
    }

    @AfterEach
    void stopListener() throws Exception {
        server.stop();
    }

    @Test
    void setUpThroughIdentityCenterWithTheInstancesDefaultPortal() throws Exception {
        ApiClient browser = new ApiClient(port);
        JsonNode portal = ApiClient.json(browser.get("/api/sso/portal"));
        assertEquals(START_URL, portal.path("startUrl").asText());
        assertEquals(REGION, portal.path("region").asText());

        HttpResponse<String> started = browser.post("/api/sso", Map.of());
        assertEquals(201, started.statusCode(), started.body());
        JsonNode authorization = ApiClient.json(started);
        String userCode = authorization.path("userCode").asText();
        assertEquals(simulator.endpoint() + "/device?user_code=" + userCode,
                authorization.path("verificationUriComplete").asText());
        assertEquals(1, authorization.path("intervalSeconds").asInt());
        String cookie = started.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ApiDispatcher.IDENTITY_CENTER_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/api/sso"),
                cookie);
        assertFalse(started.body().contains(browser.identityCenterCookie()), "the sign-in's id stays in the cookie");
        assertEquals("pending", ApiClient.json(browser.get("/api/sso")).path("state").asText());
        ApiClient.assertError(browser.get("/api/sso/roles"), 409, "conflict");

        approve(browser, userCode);
        List<String> roles = new ArrayList<>();
        ApiClient.json(browser.get("/api/sso/roles")).path("roles").forEach(role -> roles.add(role.path("accountId")
                .asText() + "/" + role.path("roleName").asText() + "/" + role.path("accountName").asText()));
        assertEquals(List.of(ACCOUNT + "/DatabaseAdmin/shop", ACCOUNT + "/ReadOnly/shop",
                OTHER_ACCOUNT + "/DatabaseAdmin/elsewhere"), roles);

        HttpResponse<String> setUp = browser.post("/api/sso/setup", Map.of("accountId", ACCOUNT, "roleName", "DatabaseAdmin"));
        assertEquals(201, setUp.statusCode(), setUp.body());
        assertNull(browser.identityCenterCookie(), "the sign-in is over");
        JsonNode session = ApiClient.json(browser.get("/api/session"));
        assertTrue(session.path("arn").asText().matches("arn:aws:sts::" + ACCOUNT
                + ":assumed-role/AWSReservedSSO_DatabaseAdmin_[0-9a-f]{16}/ada"), session.toString());
        assertNotNull(session.get("keysExpireAt"), session.toString());
        assertTrue(ApiClient.json(browser.get("/api/instance")).path("configured").asBoolean());
    }

    @Test
    void aBoundInstanceOffersOnlyItsAccountsRolesAndRefusesAnother() throws Exception {
        setUpAs(new ApiClient(port), "ReadOnly");
        ApiClient browser = new ApiClient(port);
        JsonNode started = ApiClient.json(browser.post("/api/sso", Map.of("startUrl", START_URL, "region", REGION)));
        approve(browser, started.path("userCode").asText());
        JsonNode roles = ApiClient.json(browser.get("/api/sso/roles")).path("roles");
        assertEquals(2, roles.size(), roles.toString());
        roles.forEach(role -> assertEquals(ACCOUNT, role.path("accountId").asText()));

        HttpResponse<String> foreign = browser.post("/api/sso/session", Map.of("accountId", OTHER_ACCOUNT,
                "roleName", "DatabaseAdmin"));
        ApiClient.assertError(foreign, 403, "forbidden");
        assertTrue(ApiClient.json(foreign).path("error").path("message").asText().contains("bound to"), foreign.body());
        HttpResponse<String> signedIn = browser.post("/api/sso/session", Map.of("accountId", ACCOUNT,
                "roleName", "DatabaseAdmin"));
        assertEquals(201, signedIn.statusCode(), signedIn.body());
    }

    @Test
    void aSessionOfIdentityCenterIsReauthenticatedInPlaceThroughANewApproval() throws Exception {
        ApiClient browser = new ApiClient(port);
        setUpAs(browser, "DatabaseAdmin");
        String sessionCookie = browser.sessionCookie();
        JsonNode before = ApiClient.json(browser.get("/api/session"));
        JsonNode through = before.path("identityCenter");
        assertEquals(List.of(START_URL, REGION, ACCOUNT, "DatabaseAdmin"), List.of(through.path("startUrl").asText(),
                through.path("region").asText(), through.path("accountId").asText(), through.path("roleName").asText()));
        ApiClient.assertError(browser.post("/api/sso/renew", Map.of()), 404, "not_found"); // nothing approved yet

        JsonNode grace = ApiClient.json(browser.post("/api/sso", Map.of("startUrl", START_URL, "region", REGION)));
        approve(browser, grace.path("userCode").asText(), "grace");
        HttpResponse<String> somebodyElse = browser.post("/api/sso/renew", Map.of());
        ApiClient.assertError(somebodyElse, 403, "forbidden");
        assertTrue(somebodyElse.body().contains("approved as ") && somebodyElse.body().contains("/grace")
                && somebodyElse.body().contains("open work"), somebodyElse.body());

        JsonNode ada = ApiClient.json(browser.post("/api/sso", Map.of("startUrl", START_URL, "region", REGION)));
        approve(browser, ada.path("userCode").asText(), "ada");
        HttpResponse<String> renewed = browser.post("/api/sso/renew", Map.of());
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals(sessionCookie, browser.sessionCookie(), "the session keeps its cookie");
        assertNull(browser.identityCenterCookie(), "the sign-in is over");
        assertEquals(before.path("arn").asText(), ApiClient.json(renewed).path("arn").asText());
        assertEquals(through, ApiClient.json(renewed).path("identityCenter"));
        List<String> renewals = new ArrayList<>();
        ApiClient.json(browser.get("/api/audit?limit=50")).path("entries").forEach(entry -> {
            if (entry.path("action").asText().equals("renew")) {
                renewals.add(entry.path("outcome").asText() + " " + entry.path("detail").asText());
            }
        });
        assertEquals(2, renewals.size(), renewals.toString());
        assertTrue(renewals.stream().anyMatch(line -> line.startsWith("success ") && line.endsWith("/ada (from 127.0.0.1)")),
                renewals.toString());
        assertTrue(renewals.stream().anyMatch(line -> line.startsWith("forbidden ") && line.endsWith("(from 127.0.0.1)")),
                renewals.toString());
    }

    @Test
    void anotherBrowserCannotPollOrFinishTheSignIn() throws Exception {
        ApiClient browser = new ApiClient(port);
        JsonNode started = ApiClient.json(browser.post("/api/sso", Map.of()));
        ApiClient stranger = new ApiClient(port);
        ApiClient.assertError(stranger.get("/api/sso"), 404, "not_found");
        simulator.approveUserCode(started.path("userCode").asText(), "ada");
        ApiClient.assertError(stranger.post("/api/sso/setup", Map.of("accountId", ACCOUNT, "roleName", "ReadOnly")),
                404, "not_found");
    }

    @Test
    void anExpiredCodeAndADeniedRequestSaySoAndEndTheSignIn() throws Exception {
        ApiClient browser = new ApiClient(port);
        JsonNode denied = ApiClient.json(browser.post("/api/sso", Map.of()));
        simulator.denyUserCode(denied.path("userCode").asText());
        JsonNode progress = ApiClient.json(browser.get("/api/sso"));
        assertEquals("denied", progress.path("state").asText());
        assertTrue(progress.path("message").asText().contains("denied"), progress.toString());
        assertNull(browser.identityCenterCookie());

        ApiClient.json(browser.post("/api/sso", Map.of()));
        simulator.faults().clockOffset(Duration.ofMinutes(11));
        try {
            JsonNode expired = ApiClient.json(browser.get("/api/sso"));
            assertEquals("expired", expired.path("state").asText());
            assertTrue(expired.path("message").asText().contains("expired"), expired.toString());
        } finally {
            simulator.faults().clear();
        }
        ApiClient.assertError(browser.get("/api/sso"), 404, "not_found");
    }

    @Test
    void cancellingEndsTheSignInAndOneAddressHoldsOnlyAFewAtOnce() throws Exception {
        ApiClient browser = new ApiClient(port);
        ApiClient.json(browser.post("/api/sso", Map.of()));
        assertEquals(204, browser.send("DELETE", "/api/sso", null).statusCode());
        assertNull(browser.identityCenterCookie());

        ApiClient first = new ApiClient(port);
        first.post("/api/sso", Map.of());
        for (int i = 0; i < IdentityCenterRoutes.PER_ADDRESS; i++) {
            new ApiClient(port).post("/api/sso", Map.of());
        }
        ApiClient.assertError(first.get("/api/sso"), 404, "not_found");
    }

    @Test
    void anUnknownStartUrlIsRefusedAndThrottledLikeASignIn() throws Exception {
        ApiClient guesser = new ApiClient(port, ApiClient.loopback(7));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = guesser.post("/api/sso", Map.of("startUrl", "https://d-000000000" + i
                    + ".awsapps.com/start", "region", REGION));
            ApiClient.assertError(refused, 400, "bad_request");
            assertTrue(refused.body().contains("does not know the start URL"), refused.body());
        }
        ApiClient.assertError(guesser.post("/api/sso", Map.of()), 429, "too_many_requests");
    }

    @Test
    void noTokenOrKeyIsLeftAnywhereAfterTheFlows() throws Exception {
        ApiClient renewing = new ApiClient(port);
        setUpAs(renewing, "DatabaseAdmin");
        ApiClient cancelled = new ApiClient(port);
        JsonNode started = ApiClient.json(cancelled.post("/api/sso", Map.of()));
        approve(cancelled, started.path("userCode").asText());
        cancelled.send("DELETE", "/api/sso", null);
        // The session re-authenticated in place: its new keys and the second sign-in's token.
        JsonNode again = ApiClient.json(renewing.post("/api/sso", Map.of()));
        approve(renewing, again.path("userCode").asText());
        assertEquals(200, renewing.post("/api/sso/renew", Map.of()).statusCode());
        stratus.stop();

        List<String> secrets = simulator.issuedSecrets();
        assertTrue(secrets.size() >= 8, "tokens, client secrets, device codes and role keys: " + secrets.size());
        Map<Path, String> written = WrittenFiles.of(stratus.dataDirectory());
        written.forEach((file, text) -> {
            for (String secret : secrets) {
                assertFalse(text.contains(secret.substring(0, 20)), "an Identity Center token or key is in " + file);
            }
        });
        assertTrue(written.size() >= 2, "searched " + written.keySet());
    }

    private static void setUpAs(ApiClient browser, String roleName) throws Exception {
        JsonNode started = ApiClient.json(browser.post("/api/sso", Map.of()));
        approve(browser, started.path("userCode").asText());
        HttpResponse<String> setUp = browser.post("/api/sso/setup", Map.of("accountId", ACCOUNT, "roleName", roleName));
        assertEquals(201, setUp.statusCode(), setUp.body());
    }

    /** The person approves on the verification page; the browser sees it at a later poll. */
    private static void approve(ApiClient browser, String userCode) throws Exception {
        approve(browser, userCode, "ada");
    }

    private static void approve(ApiClient browser, String userCode, String person) throws Exception {
        simulator.approveUserCode(userCode, person);
        for (int i = 0; i < 50; i++) {
            if (ApiClient.json(browser.get("/api/sso")).path("state").asText().equals("approved")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the approval was not seen");
    }
}
