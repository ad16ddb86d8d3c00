package io.stratus.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.Admission;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instance's state, first-run setup, signing in and out (with keys, an MFA code, a role), and the permissions each
 * action needs. The keys and MFA code of a sign-in go from the request body straight into the sign-in service, which
 * wipes them when it is done with them.
 */
final class IdentityRoutes {

    private final SignInService signIn;
    private final Admission admission;
    private final UserAdministration users;
    private final SignInThrottle throttle;
    private final JsonViews views;

    IdentityRoutes(SignInService signIn, Admission admission, UserAdministration users, SignInThrottle throttle,
            JsonViews views) {
        this.signIn = signIn;
        this.admission = admission;
        this.users = users;
        this.throttle = throttle;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", "/api/instance", this::instance)
                .add("POST", "/api/setup", Router.Wait.SIGN_IN, request -> openSession(request, signIn::setUp))
                .add("POST", "/api/session", Router.Wait.SIGN_IN, request -> openSession(request, signIn::signIn))
                .add("POST", "/api/session/renew", Router.Wait.SIGN_IN, this::renew)
                .add("GET", "/api/session", this::session)
                .add("DELETE", "/api/session", this::signOut)
                .add("GET", "/api/permissions", this::permissions);
    }

    /** Whether the instance is configured; its account only for someone signed in to it. */
    private ApiResponse instance(ApiRequest request) {
        ObjectNode body = views.object().put("configured", admission.configured());
        request.session().ifPresent(session -> {
            body.put("accountId", session.identity().accountId());
            views.account(body, session.accountDetails());
        });
        return ApiResponse.ok(body);
    }

    /**
     * Opens a session for the keys of the body, within the throttle. A browser that already holds a
     * session lets go of it: one cookie, one session, and the old one does not live on unseen.
     */
    private ApiResponse openSession(ApiRequest request, Function<SignInRequest, UserSession> open) {
        UserSession session = throttled(request, open);
        request.session().ifPresent(previous -> signIn.signOut(previous.id()));
        return ApiResponse.created(views.session(session, users.self(session))).withSession(session.id());
    }

    /**
     * New keys for the browser's session, with the body of a sign-in: the session, its cookie and what is open in
     * it stay. Keys of somebody else are refused (403), an ended session too (401 not_signed_in).
     */
    private ApiResponse renew(ApiRequest request) {
        String sessionId = request.signedIn().id();
        UserSession session = throttled(request, keys -> signIn.renew(sessionId, keys));
        return ApiResponse.ok(views.session(session, users.self(session)));
    }

    /** Runs a sign-in, setup or renewal with the body's keys, within the throttle. */
    private UserSession throttled(ApiRequest request, Function<SignInRequest, UserSession> open) {
        String accessKeyId = request.text("accessKeyId").strip();
        try (SignInThrottle.Attempt attempt = throttle.reserve(request.clientAddress(), accessKeyId)) {
            try {
                UserSession session = open.apply(signInRequest(request, accessKeyId));
                attempt.succeeded();
                return session;
            } catch (StratusException e) {
                if (countsAsGuess(e.problem())) {
                    attempt.failed();
                }
                throw e;
            }
        }
    }

    /**
     * The keys of the body ({@code accessKeyId}, {@code secretAccessKey}, {@code sessionToken}), with an
     * MFA code ({@code mfaCode}, {@code mfaSerial}) and a role ({@code roleArn}, {@code externalId},
     * {@code durationSeconds}) if given. What is not secret is checked first, so that a refusal leaves
     * no copy of a secret behind.
     */
    private static SignInRequest signInRequest(ApiRequest request, String accessKeyId) {
        Optional<String> roleArn = request.optionalText("roleArn").filter(arn -> !arn.isBlank());
        Optional<String> externalId = request.optionalText("externalId");
        Optional<Long> seconds = request.optionalWholeNumber("durationSeconds");
        if (roleArn.isEmpty() && (externalId.isPresent() || seconds.isPresent())) {
            throw new StratusException(Problem.INVALID_INPUT, "An external ID or a duration belongs to a role: give "
                    + "the role's ARN in \"roleArn\" too.");
        }
        Optional<RoleToAssume> role = roleArn.map(arn -> new RoleToAssume(arn, externalId, seconds.map(Duration::ofSeconds)));
        Optional<String> mfaSerial = request.optionalText("mfaSerial");
        Optional<Secret> mfaCode = request.optionalSecret("mfaCode").filter(code -> !code.isBlank());
        if (mfaCode.isEmpty() && mfaSerial.filter(serial -> !serial.isBlank()).isPresent()) {
            throw new StratusException(Problem.INVALID_INPUT, "An MFA device's serial number needs the code it shows: "
                    + "give it in \"mfaCode\".");
        }
        SignInRequest signIn = SignInRequest.withKeys(new AwsCredentials(accessKeyId, request.secret("secretAccessKey"),
                request.optionalSecret("sessionToken").filter(token -> !token.isBlank()).orElse(null)));
        if (mfaCode.isPresent()) {
            signIn = signIn.withMfa(new MfaCode(mfaSerial, mfaCode.get()));
        }
        return role.map(signIn::assuming).orElse(signIn);
    }

    /** Wrong or refused keys count against the throttle; AWS or Stratus being down does not. */
    private static boolean countsAsGuess(Problem problem) {
        return problem == Problem.INVALID_INPUT || problem == Problem.NOT_SIGNED_IN || problem == Problem.FORBIDDEN;
    }

    private ApiResponse session(ApiRequest request) {
        UserSession session = request.signedIn();
        return ApiResponse.ok(views.session(session, users.self(session)));
    }

    private ApiResponse permissions(ApiRequest request) {
        request.signedIn(); // for signed-in people, as the rest of the API
        return ApiResponse.ok(views.permissionTable());
    }

    private ApiResponse signOut(ApiRequest request) {
        request.session().ifPresent(session -> signIn.signOut(session.id()));
        return ApiResponse.noContent().clearingSession();
    }
}
