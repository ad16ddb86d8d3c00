package io.stratus.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterRole;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and setting up through IAM Identity Center: start (the code and link to show), poll,
 * the roles to choose from, then sign in or set up as one; cancel. A browser's sign-in in progress is
 * named by an HttpOnly cookie only that browser holds, never by the API's answers. Each address may
 * have a few in progress at once (a newer one ends its oldest), the whole server a bounded number
 * (the oldest gives way), and the service ends them when their code expires.
 */
final class IdentityCenterRoutes {

    static final String PATH = "/api/sso";
    /** Sign-ins in progress from one client address: a person, a second tab, a colleague behind the same NAT. */
    static final int PER_ADDRESS = 3;
    /** Sign-ins in progress started here that this server remembers; beyond, the oldest gives way. */
    static final int REMEMBERED = 200;

    private final IdentityCenter identityCenter;
    private final SignInService signIn;
    private final UserAdministration users;
    private final SignInThrottle throttle;
    private final JsonViews views;
    /** The sign-ins started here, oldest first, with the address that started each. */
    private final LinkedHashMap<String, String> started = new LinkedHashMap<>();

    IdentityCenterRoutes(IdentityCenter identityCenter, SignInService signIn, UserAdministration users,
            SignInThrottle throttle, JsonViews views) {
        this.identityCenter = identityCenter;
        this.signIn = signIn;
        this.users = users;
        this.throttle = throttle;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", PATH + "/portal", this::defaultPortal)
                .add("POST", PATH, Router.Wait.SIGN_IN, this::start)
                .add("GET", PATH, Router.Wait.SIGN_IN, this::poll)
                .add("DELETE", PATH, this::cancel)
                .add("GET", PATH + "/roles", Router.Wait.SIGN_IN, this::roles)
                .add("POST", PATH + "/session", Router.Wait.SIGN_IN, request -> open(request, false))
                .add("POST", PATH + "/setup", Router.Wait.SIGN_IN, request -> open(request, true))
                .add("POST", PATH + "/renew", Router.Wait.SIGN_IN, this::renew);
    }

    /** The portal the operator set as this instance's default (--sso-start-url, --sso-region), if any. */
    private ApiResponse defaultPortal(ApiRequest request) {
        ObjectNode body = views.object();
        identityCenter.defaultPortal().ifPresent(portal -> body.put("startUrl", portal.startUrl())
                .put("region", portal.region()));
        return ApiResponse.ok(body);
    }

    /** Starts a sign-in at the portal of the body, else the default one; a sign-in the browser had ends. */
    private ApiResponse start(ApiRequest request) {
        Optional<String> startUrl = request.optionalText("startUrl").filter(url -> !url.isBlank());
        IdentityCenterPortal portal = startUrl
                .map(url -> new IdentityCenterPortal(url, request.optionalText("region").orElse("")))
                .or(identityCenter::defaultPortal)
                .orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "Give the start URL of your AWS "
                        + "access portal (\"startUrl\") and the region of its IAM Identity Center (\"region\"): this "
                        + "Stratus instance has no default one."));
        DeviceAuthorization authorization;
        try (SignInThrottle.Attempt attempt = throttle.reserve(request.clientAddress(), "sso " + portal.startUrl())) {
            try {
                authorization = identityCenter.start(portal);
            } catch (StratusException e) {
                if (e.problem() == Problem.INVALID_INPUT) {
                    attempt.failed();
                }
                throw e;
            }
            attempt.succeeded();
        }
        request.identityCenterSignIn().ifPresent(this::end);
        remember(authorization.id(), request.clientAddress());
        ObjectNode body = views.object()
                .put("userCode", authorization.userCode())
                .put("verificationUri", authorization.verificationUri().toString())
                .put("verificationUriComplete", authorization.verificationUriComplete().toString())
                .put("expiresAt", authorization.expiresAt().toString())
                .put("intervalSeconds", authorization.interval().toSeconds())
                .put("startUrl", portal.startUrl())
                .put("region", portal.region());
        return ApiResponse.created(body).withIdentityCenterSignIn(authorization.id());
    }

    private ApiResponse poll(ApiRequest request) {
        AuthorizationProgress progress = identityCenter.poll(authorizationOf(request));
        ObjectNode body = views.object()
                .put("state", progress.state().name().toLowerCase(Locale.ROOT))
                .put("message", progress.message())
                .put("intervalSeconds", progress.interval().toSeconds());
        ApiResponse response = ApiResponse.ok(body);
        return progress.state().ended() ? response.clearingIdentityCenterSignIn() : response;
    }

    private ApiResponse roles(ApiRequest request) {
        ObjectNode body = views.object();
        ArrayNode roles = body.putArray("roles");
        for (IdentityCenterRole role : identityCenter.roles(authorizationOf(request))) {
            roles.addObject().put("accountId", role.accountId()).put("accountName", role.accountName())
                    .put("roleName", role.roleName());
        }
        return ApiResponse.ok(body);
    }

    /** Signs in (or sets up) as the chosen role, within the throttle; the browser's former session ends. */
    private ApiResponse open(ApiRequest request, boolean setUp) {
        String authorizationId = authorizationOf(request);
        String accountId = request.text("accountId").strip();
        String roleName = request.text("roleName").strip();
        UserSession session;
        try (SignInThrottle.Attempt attempt = throttle.reserve(request.clientAddress(), "sso " + accountId)) {
            try {
                Optional<String> origin = Optional.of(request.clientAddress());
                session = setUp ? identityCenter.setUp(authorizationId, accountId, roleName, origin)
                        : identityCenter.signIn(authorizationId, accountId, roleName, origin);
            } catch (StratusException e) {
                if (e.problem() == Problem.FORBIDDEN || e.problem() == Problem.INVALID_INPUT) {
                    attempt.failed();
                }
                throw e;
            }
            attempt.succeeded();
        }
        forget(authorizationId);
        request.session().ifPresent(previous -> signIn.signOut(previous.id()));
        return ApiResponse.created(views.session(session, users.self(session))).withSession(session.id())
                .clearingIdentityCenterSignIn();
    }

    /**
     * Re-authenticates the browser's session, signed in through IAM Identity Center, with the approved sign-in:
     * the same role's new keys go into it (somebody else's approval is refused, 403), and the session, its cookie
     * and what is open in it stay. The sign-in is over afterwards.
     */
    private ApiResponse renew(ApiRequest request) {
        String sessionId = request.signedIn().id();
        String authorizationId = authorizationOf(request);
        UserSession session;
        try (SignInThrottle.Attempt attempt = throttle.reserve(request.clientAddress(), "sso renew")) {
            try {
                session = identityCenter.renew(authorizationId, sessionId, Optional.of(request.clientAddress()));
            } catch (StratusException e) {
                forget(authorizationId);
                if (e.problem() == Problem.FORBIDDEN) {
                    attempt.failed();
                }
                throw e;
            }
            attempt.succeeded();
        }
        forget(authorizationId);
        return ApiResponse.ok(views.session(session, users.self(session))).clearingIdentityCenterSignIn();
    }

    private ApiResponse cancel(ApiRequest request) {
        request.identityCenterSignIn().ifPresent(this::end);
        return ApiResponse.noContent().clearingIdentityCenterSignIn();
    }

    private static String authorizationOf(ApiRequest request) {
        return request.identityCenterSignIn().orElseThrow(() -> new StratusException(Problem.NOT_FOUND, "This "
                + "browser has no IAM Identity Center sign-in in progress. Start one."));
    }

    private void end(String authorizationId) {
        forget(authorizationId);
        identityCenter.cancel(authorizationId);
    }

    /** Remembers a new sign-in; the address's oldest beyond {@link #PER_ADDRESS}, and the server's oldest beyond {@link #REMEMBERED}, end. */
    private void remember(String authorizationId, String address) {
        String giveWay = null;
        synchronized (started) {
            started.put(authorizationId, address);
            long fromAddress = started.values().stream().filter(address::equals).count();
            Iterator<Map.Entry<String, String>> oldest = started.entrySet().iterator();
            while (oldest.hasNext() && giveWay == null) {
                Map.Entry<String, String> entry = oldest.next();
                if (fromAddress > PER_ADDRESS ? entry.getValue().equals(address) : started.size() > REMEMBERED) {
                    giveWay = entry.getKey();
                    oldest.remove();
                }
            }
        }
        if (giveWay != null) {
            identityCenter.cancel(giveWay);
        }
    }

    private void forget(String authorizationId) {
        synchronized (started) {
            started.remove(authorizationId);
        }
    }
}
