package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.LONE_ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.START_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRequestException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * IAM Identity Center's device authorization and access portal, checked by the SDK's own SSO OIDC
 * and SSO clients: the answers and error shapes they parse, the approvals and denials of the
 * verification page, expiry, and role credentials that STS then knows.
 */
class IdentityCenterTest extends SimulatorTestBase {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final SsoOidcClient oidc = SsoOidcClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(aws.endpoint())
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private final SsoClient portal = SsoClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(aws.endpoint())
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @AfterEach
    void closeClients() {
        oidc.close();
        portal.close();
    }

    @Test
    void anApprovedDeviceCodeGivesAnAccessTokenForTheAccountsAndRolesOfTheUser() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertTrue(device.userCode().matches("[A-Z]{4}-[A-Z]{4}"), device.userCode());
        assertEquals(aws.endpoint() + "/device", device.verificationUri());
        assertEquals(device.verificationUri() + "?user_code=" + device.userCode(), device.verificationUriComplete());
        assertEquals(600, device.expiresIn());
        assertEquals(1, device.interval());

        AuthorizationPendingException pending = assertThrows(AuthorizationPendingException.class, () -> token(client, device));
        assertEquals("authorization_pending", pending.error());
        assertEquals(400, pending.statusCode());
        aws.approveUserCode(device.userCode(), "alice");
        CreateTokenResponse token = token(client, device);
        assertEquals("Bearer", token.tokenType());
        assertEquals(8 * 3600, token.expiresIn());
        // A device code gives one token.
        assertEquals("invalid_grant", assertThrows(InvalidGrantException.class, () -> token(client, device)).error());

        List<AccountInfo> accounts = portal.listAccountsPaginator(r -> r.accessToken(token.accessToken()))
                .accountList().stream().toList();
        assertEquals(List.of(ACCOUNT, LONE_ACCOUNT), accounts.stream().map(AccountInfo::accountId).toList());
        assertEquals(TestSeed.ALIAS, accounts.getFirst().accountName());
        List<RoleInfo> roles = portal.listAccountRolesPaginator(r -> r.accessToken(token.accessToken()).accountId(ACCOUNT))
                .roleList().stream().toList();
        assertEquals(List.of("DatabaseAdmin", "ReadOnly"), roles.stream().map(RoleInfo::roleName).toList());
        assertEquals(ACCOUNT, roles.getFirst().accountId());
    }

    @Test
    void roleCredentialsBelongToTheAssumedReservedRoleInTheAccountAndExpireWithThePermissionSet() {
        String accessToken = signIn("alice");
        Instant before = aws.now();
        RoleCredentials credentials = portal.getRoleCredentials(r -> r.accessToken(accessToken).accountId(ACCOUNT)
                .roleName("ReadOnly")).roleCredentials();
        assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials.accessKeyId());
        Instant expiration = Instant.ofEpochMilli(credentials.expiration());
        assertTrue(!expiration.isBefore(before.plus(Duration.ofMinutes(59)))
                && !expiration.isAfter(before.plus(Duration.ofMinutes(61))), expiration.toString());

        GetCallerIdentityResponse caller = sts(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken())).getCallerIdentity();
        assertEquals(ACCOUNT, caller.account());
        assertTrue(caller.arn().matches("arn:aws:sts::" + ACCOUNT + ":assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/alice"),
                caller.arn());
        assertTrue(caller.userId().matches("AROA[A-Z2-7]{17}:alice"), caller.userId());
        assertTrue(aws.issuedSecrets().contains(credentials.secretAccessKey()));
        assertTrue(aws.issuedSecrets().contains(accessToken));
    }

    @Test
    void aRoleThatIsNotAssignedIsForbiddenAndAnUnknownOrLoggedOutTokenIsUnauthorized() {
        String accessToken = signIn("alice");
        AwsServiceException forbidden = assertAwsError("ForbiddenException", 403, () -> portal.getRoleCredentials(r -> r
                .accessToken(accessToken).accountId(LONE_ACCOUNT).roleName("DatabaseAdmin")));
        assertEquals("No access", forbidden.awsErrorDetails().errorMessage());
        assertEquals(List.of(), portal.listAccountRoles(r -> r.accessToken(signIn("frank")).accountId(ACCOUNT)).roleList());

        assertThrows(UnauthorizedException.class, () -> portal.listAccounts(r -> r.accessToken("aoa-not-a-token")));
        portal.logout(r -> r.accessToken(accessToken));
        UnauthorizedException loggedOut = assertThrows(UnauthorizedException.class,
                () -> portal.listAccounts(r -> r.accessToken(accessToken)));
        assertEquals(401, loggedOut.statusCode());
        assertEquals("Session token not found or invalid", loggedOut.awsErrorDetails().errorMessage());
    }

    @Test
    void pollingFasterThanTheIntervalIsAskedToSlowDown() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertThrows(AuthorizationPendingException.class, () -> token(client, device));
        SlowDownException slowDown = assertThrows(SlowDownException.class, () -> token(client, device));
        assertEquals("slow_down", slowDown.error());
        aws.faults().clockOffset(Duration.ofSeconds(2));
        assertThrows(AuthorizationPendingException.class, () -> token(client, device));
    }

    @Test
    void aDeniedCodeIsAccessDeniedAndAnExpiredOneExpiredToken() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse denied = start(client);
        aws.denyUserCode(denied.userCode());
        AccessDeniedException accessDenied = assertThrows(AccessDeniedException.class, () -> token(client, denied));
        assertEquals("access_denied", accessDenied.error());
        assertThrows(IllegalArgumentException.class, () -> aws.approveUserCode(denied.userCode(), "alice"));

        StartDeviceAuthorizationResponse expiring = start(client);
        aws.faults().clockOffset(Duration.ofSeconds(601));
        assertThrows(IllegalArgumentException.class, () -> aws.approveUserCode(expiring.userCode(), "alice"));
        ExpiredTokenException expired = assertThrows(ExpiredTokenException.class, () -> token(client, expiring));
        assertEquals("expired_token", expired.error());
    }

    @Test
    void aWrongClientSecretIsAnInvalidClientAndAnUnknownStartUrlAnInvalidRequest() {
        RegisterClientResponse client = register();
        InvalidClientException invalidClient = assertThrows(InvalidClientException.class, () -> oidc
                .startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret("guess").startUrl(START_URL)));
        assertEquals(401, invalidClient.statusCode());
        InvalidRequestException invalidRequest = assertThrows(InvalidRequestException.class, () -> oidc
                .startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                        .startUrl("https://d-0000000000.awsapps.com/start")));
        assertEquals("invalid_request", invalidRequest.error());
    }

    @Test
    void theVerificationPageApprovesTheCodeAsTheUserChosen() throws Exception {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        String page = http("GET", device.verificationUriComplete(), null);
        assertTrue(page.contains(device.userCode()) && page.contains("Approve") && page.contains("alice"), page);

        String approved = http("POST", device.verificationUri(), "user_code=" + device.userCode() + "&user=alice&decision=approve");
        assertTrue(approved.contains("Request approved"), approved);
        String token = token(client, device).accessToken();
        assertEquals(2, portal.listAccounts(r -> r.accessToken(token)).accountList().size());
        String again = http("GET", device.verificationUriComplete(), null);
        assertTrue(again.contains("not valid or has expired"), again);
        assertFalse(again.contains("Approve"), again);
    }

    private RegisterClientResponse register() {
        return oidc.registerClient(r -> r.clientName("stratus-test").clientType("public"));
    }

    private StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .startUrl(START_URL));
    }

    private CreateTokenResponse token(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
        return oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType(DEVICE_GRANT).deviceCode(device.deviceCode()));
    }

    /** An access token of the Identity Center user, through the whole device flow. */
    private String signIn(String user) {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        aws.approveUserCode(device.userCode(), user);
        return token(client, device).accessToken();
    }

    private static String http(String method, String url, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            return response.body();
        }
    }
}
