package io.stratus.auth.internal;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsClients;
import io.stratus.aws.IdentityCenterCall;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.Admission;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.AuthorizationProgress.State;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterRole;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.core.session.SessionListener;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * IAM Identity Center sign-in: SSO OIDC's device authorization, then the access portal's accounts,
 * roles and role keys, which {@link SignInService} signs in with. Sign-ins in progress live in memory,
 * at most {@link #MAX_IN_PROGRESS} at once, each until its code expires or, once approved, for
 * {@link #CHOOSING_TIME} to choose a role; their secrets are wiped when they end. The sessions opened here
 * are remembered with their portal, account and role until they end, for re-authentication; immediate, so
 * that what it remembers lives as long as the sessions do, used or not.
 */
@Component(service = {IdentityCenter.class, SessionListener.class}, configurationPid = AuthConfiguration.PID,
        immediate = true)
public final class IdentityCenterComponent implements IdentityCenter, SessionListener {

    @interface Config {
        /** The default portal's start URL; empty: none. */
        String ssoStartUrl() default "";

        String ssoRegion() default "";
    }

    /** More sign-ins than people could be approving at once on one instance: beyond, somebody is flooding it. */
    static final int MAX_IN_PROGRESS = 200;
    /** How long an approved sign-in waits for its person to choose a role. */
    static final Duration CHOOSING_TIME = Duration.ofMinutes(10);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int ID_BYTES = 32;

    private final AwsClients aws;
    private final SignInService signIn;
    private final Admission admission;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, DeviceFlow> flows = new ConcurrentHashMap<>();
    /** The live sessions opened here, by id: what re-authenticating each asks for again. */
    private final Map<String, IdentityCenterSignIn> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final Optional<IdentityCenterPortal> defaultPortal;

    @Activate
    public IdentityCenterComponent(@Reference AwsClients aws, @Reference SignInService signIn,
            @Reference Admission admission, Config config) {
        if (config.ssoStartUrl().isBlank() != config.ssoRegion().isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Sign-in settings ssoStartUrl and ssoRegion go "
                    + "together: give both, or neither.");
        }
        this.defaultPortal = config.ssoStartUrl().isBlank() ? Optional.empty()
                : Optional.of(new IdentityCenterPortal(config.ssoStartUrl(), config.ssoRegion()));
        this.aws = aws;
        this.signIn = signIn;
        this.admission = admission;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stratus-identity-center-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::endOverdueFlows, 15, 15, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        flows.values().forEach(flow -> {
            synchronized (flow) {
                flow.wipe();
            }
        });
        flows.clear();
        sessions.clear();
    }

    @Override
    public void sessionEnded(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public Optional<IdentityCenterPortal> defaultPortal() {
        return defaultPortal;
    }

    @Override
    public DeviceAuthorization start(IdentityCenterPortal portal) {
        endOverdueFlows();
        if (flows.size() >= MAX_IN_PROGRESS) {
            throw new StratusException(Problem.THROTTLED, "Too many IAM Identity Center sign-ins are waiting for "
                    + "approval on this Stratus instance right now. Wait a few minutes, then try again.");
        }
        byte[] registered = send(portal, IdentityCenterCall.oidc(portal.region(), "RegisterClient", "/client/register",
                JsonSecrets.object("clientName", "Stratus", "clientType", "public")), this::startRefused);
        String clientId;
        Secret clientSecret;
        try {
            clientId = JsonSecrets.plain(registered, "clientId", "RegisterClient")
                    .orElseThrow(() -> JsonSecrets.unreadable("RegisterClient"));
            clientSecret = secret(registered, "clientSecret", "RegisterClient");
        } finally {
            Arrays.fill(registered, (byte) 0);
        }
        byte[] started;
        byte[] secretBytes = clientSecret.toUtf8();
        try {
            started = send(portal, IdentityCenterCall.oidc(portal.region(), "StartDeviceAuthorization",
                    "/device_authorization", JsonSecrets.object("clientId", clientId, "clientSecret", secretBytes,
                            "startUrl", portal.startUrl())), this::startRefused);
        } catch (RuntimeException e) {
            clientSecret.clear();
            throw e;
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
        Secret deviceCode = null;
        try {
            deviceCode = secret(started, "deviceCode", "StartDeviceAuthorization");
            Instant now = clock.instant();
            String action = "StartDeviceAuthorization";
            DeviceAuthorization authorization = new DeviceAuthorization(newId(), portal,
                    JsonSecrets.plain(started, "userCode", action).orElseThrow(() -> JsonSecrets.unreadable(action)),
                    uri(JsonSecrets.plain(started, "verificationUri", action), action),
                    uri(JsonSecrets.plain(started, "verificationUriComplete", action), action),
                    now.plusSeconds(JsonSecrets.number(started, "expiresIn", action)),
                    Duration.ofSeconds(Math.max(1, JsonSecrets.number(started, "interval", action))));
            flows.put(authorization.id(), new DeviceFlow(authorization, clientId, clientSecret, deviceCode, now));
            return authorization;
        } catch (RuntimeException e) {
            clientSecret.clear();
            if (deviceCode != null) {
                deviceCode.clear();
            }
            throw e;
        } finally {
            Arrays.fill(started, (byte) 0);
        }
    }

    private StratusException startRefused(IdentityCenterPortal portal, IdentityCenterCall.Answer answer) {
        if (answer.errorType().orElse("").equals("InvalidRequestException")) {
            return new StratusException(Problem.INVALID_INPUT, "IAM Identity Center in " + portal.region()
                    + " does not know the start URL " + portal.startUrl() + ". Check the start URL and the region of "
                    + "your AWS access portal (IAM Identity Center's settings in the AWS console show both).");
        }
        return refused(portal, answer);
    }

    @Override
    public AuthorizationProgress poll(String authorizationId) {
        DeviceFlow flow = flow(authorizationId);
        synchronized (flow) {
            Instant now = clock.instant();
            if (flow.state() == State.PENDING && flow.overAt(now, CHOOSING_TIME)) {
                return end(flow, State.EXPIRED);
            }
            if (flow.state() != State.PENDING || !flow.mayPoll(now)) {
                return progress(flow, "");
            }
            byte[] secretBytes = flow.clientSecret().toUtf8();
            byte[] deviceCode = flow.deviceCode().toUtf8();
            byte[] answer = null;
            try {
                IdentityCenterPortal portal = flow.authorization.portal();
                IdentityCenterCall.Answer token = call(portal, IdentityCenterCall.oidc(portal.region(), "CreateToken",
                        "/token", JsonSecrets.object("clientId", flow.clientId, "clientSecret", secretBytes,
                                "grantType", DEVICE_GRANT, "deviceCode", deviceCode)));
                answer = token.body();
                if (token.ok()) {
                    flow.approved(secret(answer, "accessToken", "CreateToken"),
                            now.plusSeconds(JsonSecrets.number(answer, "expiresIn", "CreateToken")), now);
                    return progress(flow, "");
                }
                return switch (token.errorType().orElse("")) {
                    case "AuthorizationPendingException" -> progress(flow, "");
                    case "SlowDownException" -> {
                        flow.slowDown(now);
                        yield progress(flow, " IAM Identity Center asked Stratus to ask less often: it now asks every "
                                + flow.interval().toSeconds() + " s.");
                    }
                    case "ExpiredTokenException", "InvalidGrantException" -> end(flow, State.EXPIRED);
                    case "AccessDeniedException" -> end(flow, State.DENIED);
                    default -> throw refused(portal, token);
                };
            } finally {
                Arrays.fill(secretBytes, (byte) 0);
                Arrays.fill(deviceCode, (byte) 0);
                if (answer != null) {
                    Arrays.fill(answer, (byte) 0);
                }
            }
        }
    }

    private AuthorizationProgress end(DeviceFlow flow, State how) {
        flow.ended(how);
        flows.remove(flow.id(), flow);
        return progress(flow, "");
    }

    private static AuthorizationProgress progress(DeviceFlow flow, String more) {
        DeviceAuthorization authorization = flow.authorization;
        String code = authorization.userCode();
        String message = switch (flow.state()) {
            case PENDING -> "Waiting for the code " + code + " to be approved at " + authorization.verificationUri()
                    + "." + more;
            case APPROVED -> "Approved. Choose the role to sign in as.";
            case EXPIRED -> "The code " + code + " expired before it was approved. Start the IAM Identity Center "
                    + "sign-in again and approve the new code in time.";
            case DENIED -> "The request with the code " + code + " was denied on the verification page. If that was "
                    + "a mistake, start the IAM Identity Center sign-in again and approve it.";
        };
        return new AuthorizationProgress(flow.state(), message, flow.interval());
    }

    @Override
    public List<IdentityCenterRole> roles(String authorizationId) {
        DeviceFlow flow = flow(authorizationId);
        synchronized (flow) {
            Secret token = approvedToken(flow);
            if (flow.roles().isEmpty()) {
                flow.roles(listRoles(flow, token));
            }
            return flow.roles().orElseThrow();
        }
    }

    private List<IdentityCenterRole> listRoles(DeviceFlow flow, Secret token) {
        IdentityCenterPortal portal = flow.authorization.portal();
        List<IdentityCenterRole> roles = new ArrayList<>();
        for (JsonNode account : listAll(flow, token, "ListAccounts", "/assignment/accounts", Map.of(), "accountList")) {
            String accountId = field(account, "accountId");
            if (admission.refusesAccount(portal.partition(), accountId)) {
                continue; // only the bound account's roles sign in here
            }
            String accountName = Optional.ofNullable(field(account, "accountName")).orElse(accountId);
            for (JsonNode role : listAll(flow, token, "ListAccountRoles", "/assignment/roles",
                    Map.of("account_id", accountId), "roleList")) {
                roles.add(new IdentityCenterRole(accountId, accountName, field(role, "roleName")));
            }
        }
        return roles;
    }

    /** Every page of a portal listing. */
    private List<JsonNode> listAll(DeviceFlow flow, Secret token, String action, String path, Map<String, String> query,
            String listName) {
        IdentityCenterPortal portal = flow.authorization.portal();
        List<JsonNode> all = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            Map<String, String> page = new HashMap<>(query);
            next.ifPresent(nextToken -> page.put("next_token", nextToken));
            byte[] body = portalCall(flow, IdentityCenterCall.portal(portal.region(), action, "GET", path, page, token));
            Map<String, JsonNode> answer;
            try {
                answer = JsonNode.parser().parse(new String(body, StandardCharsets.UTF_8)).asObject();
            } catch (RuntimeException e) {
                throw JsonSecrets.unreadable(action);
            }
            JsonNode list = answer.get(listName);
            if (list != null && list.isArray()) {
                all.addAll(list.asArray());
            }
            JsonNode nextToken = answer.get("nextToken");
            next = nextToken != null && nextToken.isString() ? Optional.of(nextToken.asString()) : Optional.empty();
        } while (next.isPresent());
        return all;
    }

    private static String field(JsonNode object, String name) {
        JsonNode value = object.isObject() ? object.asObject().get(name) : null;
        return value != null && value.isString() ? value.asString() : null;
    }

    @Override
    public UserSession signIn(String authorizationId, String accountId, String roleName, Optional<String> origin) {
        return open(authorizationId, accountId, roleName, origin, signIn::signIn, true);
    }

    @Override
    public UserSession setUp(String authorizationId, String accountId, String roleName, Optional<String> origin) {
        return open(authorizationId, accountId, roleName, origin, signIn::setUp, false);
    }

    /**
     * Gets the role's keys from the portal and opens the session with them; the sign-in is over then. A
     * refusal of the role or of the session leaves it in progress, for another choice.
     */
    private UserSession open(String authorizationId, String accountId, String roleName, Optional<String> origin,
            Function<SignInRequest, UserSession> open, boolean bound) {
        DeviceFlow flow = flow(authorizationId);
        synchronized (flow) {
            IdentityCenterPortal portal = flow.authorization.portal();
            if (bound && admission.refusesAccount(portal.partition(), accountId)) {
                throw new StratusException(Problem.FORBIDDEN, "The role " + roleName + " is in AWS account " + accountId
                        + ", not in the account this Stratus instance is bound to: only identities of the instance's "
                        + "own account sign in here, roles included. Choose a role of that account.");
            }
            SignInRequest request = keysOf(flow, accountId, roleName);
            UserSession session = open.apply(origin.map(request::from).orElse(request));
            sessions.put(session.id(), new IdentityCenterSignIn(portal, accountId, roleName));
            if (session.ended().isPresent()) { // signed out before it was remembered: nothing to renew
                sessions.remove(session.id());
            }
            finish(flow);
            return session;
        }
    }

    @Override
    public SignInRequest roleKeys(String authorizationId, String accountId, String roleName) {
        DeviceFlow flow = flow(authorizationId);
        synchronized (flow) {
            try {
                return keysOf(flow, accountId, roleName);
            } finally {
                finish(flow);
            }
        }
    }

    @Override
    public Optional<IdentityCenterSignIn> signedInThrough(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : sessions.get(sessionId))
                .filter(through -> signIn.find(sessionId).isPresent());
    }

    @Override
    public UserSession renew(String authorizationId, String sessionId, Optional<String> origin) {
        DeviceFlow flow = flow(authorizationId);
        synchronized (flow) {
            try {
                if (signIn.find(sessionId).isEmpty()) {
                    throw new StratusException(Problem.NOT_SIGNED_IN, "Your session has ended, so there is nothing "
                            + "to re-authenticate: sign in again.");
                }
                IdentityCenterSignIn through = signedInThrough(sessionId).orElseThrow(() -> new StratusException(
                        Problem.CONFLICT, "This session was not signed in through IAM Identity Center: "
                                + "re-authenticate it the way you signed in."));
                IdentityCenterPortal approvedAt = flow.authorization.portal();
                if (!approvedAt.equals(through.portal())) {
                    throw new StratusException(Problem.CONFLICT, "This session was signed in through the AWS access "
                            + "portal " + through.portal().startUrl() + " (" + through.portal().region() + "), but the "
                            + "approval is from " + approvedAt.startUrl() + " (" + approvedAt.region() + "). Approve "
                            + "the re-authentication at the session's own portal.");
                }
                SignInRequest request = keysOf(flow, through.accountId(), through.roleName());
                return signIn.renew(sessionId, origin.map(request::from).orElse(request));
            } finally {
                finish(flow);
            }
        }
    }

    /** The role's keys from the portal, with the expiry Identity Center gives them (the flow must be approved). */
    private SignInRequest keysOf(DeviceFlow flow, String accountId, String roleName) {
        Secret token = approvedToken(flow);
        IdentityCenterPortal portal = flow.authorization.portal();
        byte[] body = portalCall(flow, IdentityCenterCall.portal(portal.region(), "GetRoleCredentials", "GET",
                "/federation/credentials", Map.of("account_id", accountId, "role_name", roleName), token));
        try {
            return roleKeys(body);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private static SignInRequest roleKeys(byte[] body) {
        String action = "GetRoleCredentials";
        char[] secret = null;
        char[] sessionToken = null;
        try {
            secret = JsonSecrets.text(body, "secretAccessKey", action);
            sessionToken = JsonSecrets.text(body, "sessionToken", action);
            String accessKeyId = JsonSecrets.plain(body, "accessKeyId", action)
                    .orElseThrow(() -> JsonSecrets.unreadable(action));
            Instant expiration = Instant.ofEpochMilli(JsonSecrets.number(body, "expiration", action));
            return SignInRequest.withKeys(new AwsCredentials(accessKeyId, Secret.of(secret), Secret.of(sessionToken)))
                    .expiringAt(expiration).approvedThroughIdentityCenter();
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            if (sessionToken != null) {
                Arrays.fill(sessionToken, '\0');
            }
        }
    }

    @Override
    public void cancel(String authorizationId) {
        DeviceFlow flow = authorizationId == null ? null : flows.get(authorizationId);
        if (flow != null) {
            synchronized (flow) {
                finish(flow);
            }
        }
    }

    /** Ends a sign-in: logs its access token out of the portal (best effort) and wipes everything it held. */
    private void finish(DeviceFlow flow) {
        flows.remove(flow.id(), flow);
        flow.accessToken().ifPresent(token -> {
            IdentityCenterPortal portal = flow.authorization.portal();
            try {
                aws.callIdentityCenter(IdentityCenterCall.portal(portal.region(), "Logout", "POST", "/logout", Map.of(),
                        token));
            } catch (StratusException e) {
                // the token expires by itself within hours; it is wiped here either way
            }
        });
        flow.wipe();
    }

    private Secret approvedToken(DeviceFlow flow) {
        if (flow.state() != State.APPROVED) {
            throw new StratusException(Problem.CONFLICT, "The IAM Identity Center sign-in with the code "
                    + flow.authorization.userCode() + " is not approved yet: approve it at "
                    + flow.authorization.verificationUri() + " first.");
        }
        return flow.accessToken().orElseThrow(() -> ended());
    }

    /** A portal call with the access token; a token the portal no longer accepts ends the sign-in. */
    private byte[] portalCall(DeviceFlow flow, IdentityCenterCall call) {
        IdentityCenterPortal portal = flow.authorization.portal();
        IdentityCenterCall.Answer answer = call(portal, call);
        if (answer.ok()) {
            return answer.body();
        }
        Arrays.fill(answer.body(), (byte) 0);
        switch (answer.errorType().orElse("")) {
            case "UnauthorizedException" -> {
                flows.remove(flow.id(), flow);
                flow.wipe();
                throw new StratusException(Problem.NOT_SIGNED_IN, "IAM Identity Center no longer accepts this "
                        + "sign-in (it expired, or was signed out at the portal). Start the sign-in again.");
            }
            case "ForbiddenException", "ResourceNotFoundException" -> throw new StratusException(Problem.FORBIDDEN,
                    "IAM Identity Center does not give you the role " + call.query().get("role_name") + " in account "
                            + call.query().get("account_id") + ". Choose one of the roles it lists for you.");
            default -> throw refused(portal, answer);
        }
    }

    private byte[] send(IdentityCenterPortal portal, IdentityCenterCall call,
            BiFunction<IdentityCenterPortal, IdentityCenterCall.Answer, StratusException> refusal) {
        IdentityCenterCall.Answer answer = call(portal, call);
        if (!answer.ok()) {
            Arrays.fill(answer.body(), (byte) 0);
            throw refusal.apply(portal, answer);
        }
        return answer.body();
    }

    /** Any call of Identity Center: not being able to reach it says where Stratus looked. */
    private IdentityCenterCall.Answer call(IdentityCenterPortal portal, IdentityCenterCall call) {
        try {
            return aws.callIdentityCenter(call);
        } catch (StratusException e) {
            if (e.problem() != Problem.REMOTE_UNREACHABLE) {
                throw e;
            }
            throw new StratusException(Problem.REMOTE_UNREACHABLE, "Stratus cannot reach IAM Identity Center in "
                    + portal.region() + ". Check the region of your AWS access portal " + portal.startUrl()
                    + ", then the network and the AWS endpoint settings. " + e.getMessage(), e);
        }
    }

    private static StratusException refused(IdentityCenterPortal portal, IdentityCenterCall.Answer answer) {
        return new StratusException(Problem.INVALID_INPUT, "IAM Identity Center in " + portal.region() + " refused: "
                + answer.errorType().orElse("HTTP " + answer.status()) + ". Start the sign-in again; if it persists, "
                + "check the start URL and region of your AWS access portal.");
    }

    private DeviceFlow flow(String authorizationId) {
        DeviceFlow flow = authorizationId == null ? null : flows.get(authorizationId);
        if (flow == null) {
            throw ended();
        }
        return flow;
    }

    private static StratusException ended() {
        return new StratusException(Problem.NOT_FOUND, "This IAM Identity Center sign-in is over (signed in, "
                + "cancelled, expired or denied). Start it again.");
    }

    private void endOverdueFlows() {
        Instant now = clock.instant();
        flows.values().forEach(flow -> {
            synchronized (flow) {
                if (flow.overAt(now, CHOOSING_TIME)) {
                    finish(flow);
                }
            }
        });
    }

    private static Secret secret(byte[] answer, String field, String action) {
        char[] chars = JsonSecrets.text(answer, field, action);
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static URI uri(Optional<String> text, String action) {
        try {
            return URI.create(text.orElseThrow(() -> JsonSecrets.unreadable(action)));
        } catch (IllegalArgumentException e) {
            throw JsonSecrets.unreadable(action);
        }
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
