package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.seed.IdentityCenterSeed;
import io.stratus.aws.simulator.seed.Seed;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * IAM Identity Center: SSO OIDC's device authorization grant (RFC 8628: register a client, start
 * an authorization, poll for the token) and the AWS access portal (accounts and roles of the
 * person, role credentials, logout), over their REST-JSON protocols, for the seed's instance.
 * People approve or deny a user code on the simulator's own verification page (what demo mode
 * shows) or through {@link #decide} (what tests call). Everything it hands out lives in memory.
 */
final class IdentityCenter {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** Where people approve a code: the simulator's stand-in for {@code https://device.sso.REGION.amazonaws.com/}. */
    static final String VERIFICATION_PATH = "/device";
    private static final Duration CLIENT_LIFETIME = Duration.ofDays(90);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(8);
    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
    private static final int PAGE_SIZE = 20;

    private final Optional<IdentityCenterSeed> instance;
    private final Identities identities;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Grant> grantsByDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, Grant> grantsByUserCode = new ConcurrentHashMap<>();
    private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
    /** Every secret handed out since the start, also those used up or logged out: tests search for them. */
    private final Queue<String> handedOut = new ConcurrentLinkedQueue<>();

    private record Client(String id, String secret, Instant expiresAt) {
        @Override
        public String toString() {
            return "Client[" + id + "]";
        }
    }

    /** What became of a device code: nobody decided yet, approved by a user, or denied. */
    private static final class Grant {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Instant expiresAt;
        IdentityCenterSeed.User approvedBy;
        boolean denied;
        Instant lastPolledAt;

        Grant(String deviceCode, String userCode, String clientId, Instant expiresAt) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }

        @Override
        public String toString() {
            return "Grant[" + userCode + "]";
        }
    }

    private record PortalSession(IdentityCenterSeed.User user, Instant expiresAt) {
    }

    IdentityCenter(Seed seed, Identities identities) {
        this.instance = seed.identityCenterInstance();
        this.identities = identities;
    }

    /** SSO OIDC: signing name {@code sso-oauth}, as IAM names its actions. */
    RestJsonApi oidc() {
        return new RestJsonApi("sso-oauth", Map.of(
                "POST /client/register", new RestJsonApi.Route("RegisterClient", this::registerClient),
                "POST /device_authorization", new RestJsonApi.Route("StartDeviceAuthorization",
                        this::startDeviceAuthorization),
                "POST /token", new RestJsonApi.Route("CreateToken", this::createToken)));
    }

    /** The AWS access portal. */
    RestJsonApi portal() {
        return new RestJsonApi("sso", Map.of(
                "GET /assignment/accounts", new RestJsonApi.Route("ListAccounts", this::listAccounts),
                "GET /assignment/roles", new RestJsonApi.Route("ListAccountRoles", this::listAccountRoles),
                "GET /federation/credentials", new RestJsonApi.Route("GetRoleCredentials", this::getRoleCredentials),
                "POST /logout", new RestJsonApi.Route("Logout", this::logout)));
    }

    /** The verification page: a person opens the verification URI, signs in as a user of the instance and approves. */
    RestJsonApi verificationPage() {
        return new RestJsonApi("sso-device", Map.of(
                "GET " + VERIFICATION_PATH, new RestJsonApi.Route("ShowCode", this::showCode),
                "POST " + VERIFICATION_PATH, new RestJsonApi.Route("DecideCode", this::decideCode)));
    }

    /**
     * Approves ({@code userName} given) or denies ({@code userName} null) a pending user code, as the
     * person would on the verification page.
     *
     * @throws IllegalArgumentException for a code that is unknown, expired, already decided, or a user the instance lacks
     */
    synchronized void decide(String userCode, String userName, Instant now) {
        Grant grant = grantsByUserCode.get(normalizedUserCode(userCode));
        if (grant == null || !now.isBefore(grant.expiresAt)) {
            throw new IllegalArgumentException("The code " + userCode + " is not valid or has expired.");
        }
        if (grant.approvedBy != null || grant.denied) {
            throw new IllegalArgumentException("The code " + userCode + " was already " + (grant.denied ? "denied." : "approved."));
        }
        if (userName == null) {
            grant.denied = true;
            return;
        }
        grant.approvedBy = instance.flatMap(center -> center.users().stream()
                        .filter(user -> user.name().equals(userName)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("Identity Center has no user " + userName + "."));
    }

    /** The secrets handed out so far: client secrets, device codes and access tokens. */
    Stream<String> issuedSecrets() {
        return handedOut.stream();
    }

    // SSO OIDC

    private Reply registerClient(Invocation invocation, HttpCall call) {
        JsonNode input = RestJsonApi.body(call);
        if (text(input, "clientName") == null || !"public".equals(text(input, "clientType"))) {
            throw oidcError(400, "InvalidClientMetadataException", "invalid_client_metadata",
                    "clientName is required and clientType must be public");
        }
        Instant now = invocation.now().truncatedTo(ChronoUnit.SECONDS);
        Client client = new Client(randomText(24), randomText(96), now.plus(CLIENT_LIFETIME));
        clients.put(client.id(), client);
        handedOut.add(client.secret());
        return RestJsonApi.ok(RestJsonApi.object()
                .put("clientId", client.id())
                .put("clientSecret", client.secret())
                .put("clientIdIssuedAt", now.getEpochSecond())
                .put("clientSecretExpiresAt", client.expiresAt().getEpochSecond()));
    }

    private Reply startDeviceAuthorization(Invocation invocation, HttpCall call) {
        JsonNode input = RestJsonApi.body(call);
        Client client = client(input, invocation.now());
        String startUrl = text(input, "startUrl");
        IdentityCenterSeed center = instance.filter(seed -> seed.startUrl().equals(startUrl))
                .orElseThrow(() -> oidcError(400, "InvalidRequestException", "invalid_request",
                        "Invalid start URL: " + startUrl));
        Instant expiresAt = invocation.now().plusSeconds(center.deviceCodeSeconds());
        Grant grant;
        synchronized (this) {
            grant = new Grant(randomText(64), newUserCode(), client.id(), expiresAt);
            grantsByDeviceCode.put(grant.deviceCode, grant);
            grantsByUserCode.put(grant.userCode, grant);
        }
        handedOut.add(grant.deviceCode);
        String verificationUri = "http://" + call.header("host") + VERIFICATION_PATH;
        return RestJsonApi.ok(RestJsonApi.object()
                .put("deviceCode", grant.deviceCode)
                .put("userCode", grant.userCode)
                .put("verificationUri", verificationUri)
                .put("verificationUriComplete", verificationUri + "?user_code=" + grant.userCode)
                .put("expiresIn", center.deviceCodeSeconds())
                .put("interval", center.pollIntervalSeconds()));
    }

    /** RFC 8628's answers, in its order: a wrong client, a wrong grant, then the state of the code. */
    private Reply createToken(Invocation invocation, HttpCall call) {
        JsonNode input = RestJsonApi.body(call);
        Instant now = invocation.now();
        Client client = client(input, now);
        if (!DEVICE_GRANT.equals(text(input, "grantType"))) {
            throw oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                    "Unsupported grant type: " + text(input, "grantType"));
        }
        String deviceCode = text(input, "deviceCode");
        synchronized (this) {
            Grant grant = deviceCode == null ? null : grantsByDeviceCode.get(deviceCode);
            if (grant == null || !grant.clientId.equals(client.id())) {
                throw oidcError(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
            }
            if (!now.isBefore(grant.expiresAt)) {
                forget(grant);
                throw oidcError(400, "ExpiredTokenException", "expired_token", "Device code has expired");
            }
            if (grant.denied) {
                forget(grant);
                throw oidcError(400, "AccessDeniedException", "access_denied", "Authorization was denied by the user");
            }
            if (grant.approvedBy == null) {
                Instant last = grant.lastPolledAt;
                grant.lastPolledAt = now;
                int interval = instance.map(IdentityCenterSeed::pollIntervalSeconds).orElse(1);
                if (last != null && last.plusSeconds(interval).isAfter(now)) {
                    throw oidcError(400, "SlowDownException", "slow_down", "Client is polling too quickly");
                }
                throw oidcError(400, "AuthorizationPendingException", "authorization_pending",
                        "Authorization is still pending");
            }
            forget(grant);
            String accessToken = "aoa" + randomText(120);
            sessions.put(accessToken, new PortalSession(grant.approvedBy, now.plus(ACCESS_TOKEN_LIFETIME)));
            handedOut.add(accessToken);
            return RestJsonApi.ok(RestJsonApi.object()
                    .put("accessToken", accessToken)
                    .put("tokenType", "Bearer")
                    .put("expiresIn", ACCESS_TOKEN_LIFETIME.toSeconds()));
        }
    }

    private void forget(Grant grant) {
        grantsByDeviceCode.remove(grant.deviceCode);
        grantsByUserCode.remove(grant.userCode);
    }

    private Client client(JsonNode input, Instant now) {
        Client client = clients.get(String.valueOf(text(input, "clientId")));
        if (client == null || !client.secret().equals(text(input, "clientSecret")) || !now.isBefore(client.expiresAt())) {
            throw oidcError(401, "InvalidClientException", "invalid_client", "Invalid client provided");
        }
        return client;
    }

    private static RestJsonApi.Failure oidcError(int status, String type, String error, String description) {
        return new RestJsonApi.Failure(status, type, RestJsonApi.object().put("error", error)
                .put("error_description", description));
    }

    // The AWS access portal

    private Reply listAccounts(Invocation invocation, HttpCall call) {
        IdentityCenterSeed.User user = portalUser(call, invocation.now());
        List<String> accountIds = user.assignments().stream().map(IdentityCenterSeed.Assignment::account).distinct()
                .toList();
        return page(call, "accountList", accountIds, (id, entry) -> {
            Seed.Account account = identities.account(id).orElseThrow();
            entry.put("accountId", id)
                    .put("accountName", account.alias() != null ? account.alias() : id)
                    .put("emailAddress", "aws+" + id + "@example.com");
        });
    }

    private Reply listAccountRoles(Invocation invocation, HttpCall call) {
        IdentityCenterSeed.User user = portalUser(call, invocation.now());
        String accountId = required(call, "account_id");
        List<String> roleNames = user.assignments().stream()
                .filter(assignment -> assignment.account().equals(accountId))
                .map(IdentityCenterSeed.Assignment::permissionSet).distinct().toList();
        return page(call, "roleList", roleNames, (name, entry) -> entry.put("roleName", name).put("accountId", accountId));
    }

    private Reply getRoleCredentials(Invocation invocation, HttpCall call) {
        IdentityCenterSeed.User user = portalUser(call, invocation.now());
        String roleName = required(call, "role_name");
        String accountId = required(call, "account_id");
        IdentityCenterSeed center = instance.orElseThrow();
        IdentityCenterSeed.PermissionSet permissionSet = user.assignments().stream()
                .filter(assignment -> assignment.account().equals(accountId)
                        && assignment.permissionSet().equals(roleName))
                .findFirst().flatMap(assignment -> center.permissionSet(roleName))
                .orElseThrow(() -> portalError(403, "ForbiddenException", "No access"));
        Seed.Account account = identities.account(accountId).orElseThrow();
        Principal.RoleSession session = new Principal.RoleSession(account, permissionSet.role(accountId,
                center.startUrl()), user.name());
        Credential issued = identities.issueTemporary(session, invocation.now().truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(permissionSet.credentialSeconds()), false);
        ObjectNode answer = RestJsonApi.object();
        answer.putObject("roleCredentials")
                .put("accessKeyId", issued.accessKeyId())
                .put("secretAccessKey", issued.secret())
                .put("sessionToken", issued.sessionToken())
                .put("expiration", issued.expiration().toEpochMilli());
        return RestJsonApi.ok(answer);
    }

    private Reply logout(Invocation invocation, HttpCall call) {
        portalUser(call, invocation.now());
        sessions.remove(call.header("x-amz-sso_bearer_token"));
        return RestJsonApi.ok(RestJsonApi.object());
    }

    private IdentityCenterSeed.User portalUser(HttpCall call, Instant now) {
        String token = call.header("x-amz-sso_bearer_token");
        PortalSession session = token == null ? null : sessions.get(token);
        if (session == null || !now.isBefore(session.expiresAt())) {
            throw portalError(401, "UnauthorizedException", "Session token not found or invalid");
        }
        return session.user();
    }

    private static String required(HttpCall call, String parameter) {
        String value = call.queryParameters().get(parameter);
        if (value == null || value.isEmpty()) {
            throw portalError(400, "InvalidRequestException", parameter + " is required");
        }
        return value;
    }

    @FunctionalInterface
    private interface EntryWriter<T> {
        void write(T item, ObjectNode entry);
    }

    /** One page of a listing ({@code max_result}, {@code next_token}), as the portal pages its lists. */
    private static <T> Reply page(HttpCall call, String listName, List<T> items, EntryWriter<T> writer) {
        Map<String, String> query = call.queryParameters();
        int size;
        int start;
        try {
            size = Math.max(1, Math.min(PAGE_SIZE, Integer.parseInt(query.getOrDefault("max_result", "" + PAGE_SIZE))));
            start = Integer.parseInt(query.getOrDefault("next_token", "0"));
        } catch (NumberFormatException e) {
            throw portalError(400, "InvalidRequestException", "Invalid max_result or next_token");
        }
        ObjectNode answer = RestJsonApi.object();
        ArrayNode list = answer.putArray(listName);
        int end = Math.min(items.size(), start + size);
        for (int i = Math.max(0, start); i < end; i++) {
            writer.write(items.get(i), list.addObject());
        }
        if (end < items.size()) {
            answer.put("nextToken", String.valueOf(end));
        }
        return RestJsonApi.ok(answer);
    }

    private static RestJsonApi.Failure portalError(int status, String type, String message) {
        return new RestJsonApi.Failure(status, type, RestJsonApi.object().put("message", message));
    }

    // The verification page

    private Reply showCode(Invocation invocation, HttpCall call) {
        String userCode = normalizedUserCode(call.queryParameters().getOrDefault("user_code", ""));
        Grant grant = grantsByUserCode.get(userCode);
        if (grant == null || !invocation.now().isBefore(grant.expiresAt) || grant.denied || grant.approvedBy != null) {
            return page("Authorize request", "<p id=\"outcome\">" + (userCode.isEmpty() ? "Open the link Stratus shows,"
                    + " with its code." : "The code " + html(userCode) + " is not valid or has expired.") + "</p>");
        }
        IdentityCenterSeed center = instance.orElseThrow();
        StringBuilder users = new StringBuilder();
        for (IdentityCenterSeed.User user : center.users()) {
            users.append("<option value=\"").append(html(user.name())).append("\">").append(html(user.name()))
                    .append(" (").append(html(user.email())).append(")</option>");
        }
        return page("Authorize request", "<p>AWS access portal <b>" + html(center.startUrl()) + "</b> (simulated)</p>"
                + "<p>Code: <b id=\"user-code\">" + html(userCode) + "</b></p>"
                + "<form method=\"post\" action=\"" + VERIFICATION_PATH + "\">"
                + "<input type=\"hidden\" name=\"user_code\" value=\"" + html(userCode) + "\">"
                + "<label>Signed in as <select name=\"user\" id=\"user\">" + users + "</select></label>"
                + "<p><button name=\"decision\" value=\"approve\" id=\"approve\">Approve</button> "
                + "<button name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></p></form>");
    }

    private Reply decideCode(Invocation invocation, HttpCall call) {
        Map<String, String> form = call.formParameters();
        boolean approve = "approve".equals(form.get("decision"));
        try {
            decide(form.getOrDefault("user_code", ""), approve ? form.getOrDefault("user", "") : null, invocation.now());
        } catch (IllegalArgumentException e) {
            return page("Authorize request", "<p id=\"outcome\">" + html(e.getMessage()) + "</p>");
        }
        return page(approve ? "Request approved" : "Request denied", "<p id=\"outcome\">" + (approve
                ? "Request approved. You can close this window and go back to the application."
                : "Request denied. The application will not get access.") + "</p>");
    }

    private static Reply page(String title, String content) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}button{padding:.4em 1.2em}</style>"
                + "</head><body><h1>" + title + "</h1>" + content + "</body></html>";
        return Reply.success("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String newUserCode() {
        String code;
        do {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                letters.append(i == 4 ? "-" : "").append(USER_CODE_LETTERS.charAt(random.nextInt(USER_CODE_LETTERS.length())));
            }
            code = letters.toString();
        } while (grantsByUserCode.containsKey(code));
        return code;
    }

    private static String normalizedUserCode(String code) {
        return code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private String randomText(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
