package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request, whatever carries it over HTTP: routes it by the signing name in its SigV4
 * credential scope (so one endpoint serves every service, in any region), gives its
 * {@link CallControl} a say, authenticates the signature and runs the action. It holds what the
 * simulator's AWS changes as it runs: the temporary keys STS issues and the DynamoDB items.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** How far a request's signing time may be from the simulator's clock, as at AWS. */
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /**
     * Key id, region and signing name, read leniently: routing, regional faults and the call log
     * need them even from a malformed header.
     */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=([^/,\\s]+)/[^/]*/([^/]*)/([^/,\\s]+)/");

    private final Identities identities;
    private final SecretsManager secrets;
    private final RedshiftPasswords redshiftPasswords = new RedshiftPasswords();
    private final IdentityCenter identityCenter;
    private final Map<String, Api> apis = new TreeMap<>();
    /** APIs routed by method and path, whose calls carry no SigV4 scope to route by. */
    private final List<RestJsonApi> restApis;
    private final CallControl control;
    private final Clock clock;

    /** What to do with a request: answer it, or drop the connection without a word. */
    public sealed interface Answer {
        public record Respond(Reply reply, String requestId, Instant date) implements Answer {
        }

        public record Drop(boolean reset) implements Answer {
        }
    }

    /**
     * @param dynamoDb DynamoDB's API, which lives in a package of its own on top of this one
     * @param control a test fixture's say in each call, or {@link CallControl#NONE}
     */
    public Dispatcher(Seed seed, Api dynamoDb, CallControl control, Clock clock) {
        this.identities = new Identities(seed);
        this.secrets = new SecretsManager(seed);
        this.identityCenter = new IdentityCenter(seed, identities);
        this.control = control;
        this.clock = clock;
        this.restApis = List.of(identityCenter.oidc(), identityCenter.portal(), identityCenter.verificationPage());
        Stream.concat(Stream.of(new Sts(identities).api(), Iam.api(), new Organizations(identities).api(), Rds.api(),
                new Redshift(redshiftPasswords).api(), new RedshiftServerless(redshiftPasswords).api(), Dsql.api(),
                secrets.api(), dynamoDb), restApis.stream())
                .forEach(api -> apis.put(api.service(), api));
    }

    /**
     * Approves ({@code userName} given) or denies ({@code userName} null) a pending IAM Identity Center
     * user code, as a person does on the verification page.
     *
     * @throws IllegalArgumentException for an unknown, expired or decided code, or a user the instance lacks
     */
    public void decideUserCode(String userCode, String userName) {
        identityCenter.decide(userCode, userName, now());
    }

    /** Checks an RDS IAM database authentication token as the database would at login, by the simulator's clock. */
    public String verifyRdsAuthToken(String token, String host, int port, String region, String dbUser) {
        return new DatabaseAuthTokens(identities).verifyRds(token, host, port, region, dbUser, now());
    }

    /**
     * Whether the Redshift cluster or Serverless workgroup (its ARN) would let {@code dbUser} log in with
     * {@code password}, credentials issued for it.
     */
    public boolean verifyRedshiftCredentials(String resourceArn, String dbUser, String password) {
        return redshiftPasswords.verify(resourceArn, dbUser, password, now());
    }

    /** Gives a Secrets Manager secret a new current version, as its rotation would; returns the version id. */
    public String rotateSecret(String accountId, String region, String name, String secretString) {
        return secrets.rotate(accountId, region, name, secretString, now());
    }

    /** Checks an Aurora DSQL IAM authentication token for the database role as the cluster would at login. */
    public String verifyDsqlAuthToken(String token, String host, String region, String role) {
        return new DatabaseAuthTokens(identities).verifyDsql(token, host, region, role, now());
    }

    /**
     * The secret keys and session tokens of every temporary key issued so far (by STS and IAM Identity
     * Center), Identity Center's client secrets, device codes and access tokens, and Redshift's
     * temporary passwords (clusters and Serverless).
     */
    public List<String> issuedSecrets() {
        return Stream.concat(identities.issued().flatMap(credential -> Stream.of(credential.secret(),
                credential.sessionToken())), Stream.concat(identityCenter.issuedSecrets(),
                redshiftPasswords.issuedPasswords().stream())).toList();
    }

    /** The simulator's time: its clock moved by the control's offset. */
    public Instant now() {
        return clock.instant().plus(control.clockOffset());
    }

    Answer answer(HttpCall http) {
        Instant now = now();
        String requestId = UUID.randomUUID().toString();
        Matcher scope = CREDENTIAL_SCOPE.matcher(Objects.requireNonNullElse(http.header("authorization"), ""));
        Optional<RestJsonApi> rest = restApis.stream().filter(candidate -> candidate.serves(http)).findFirst();
        boolean signed = rest.isEmpty() && scope.find();
        String accessKeyId = signed ? scope.group(1) : null;
        String region = signed ? scope.group(2) : "";
        String service = rest.map(Api::service).orElseGet(() -> signed ? scope.group(3) : unsignedService(http));
        Api api = apis.getOrDefault(service, fallbackApi(http));
        String operation = api.actionOf(http);
        String action = service + ":" + operation;
        String principalArn = signed ? identities.credential(accessKeyId).map(c -> c.principal().arn()).orElse(null) : null;
        CallControl.Call call = new CallControl.Call(now, requestId, api, action, operation, region, accessKeyId,
                principalArn);
        return control.answer(call, () -> new Answer.Respond(run(http, api, service, action, region, requestId, now),
                requestId, now));
    }

    private Reply run(HttpCall call, Api api, String service, String action, String region, String requestId,
            Instant now) {
        try {
            if (!apis.containsKey(service)) {
                throw new AwsError(AwsError.Kind.INVALID_ACTION, "The AWS simulator does not serve the service '"
                        + service + "'; it serves " + String.join(", ", apis.keySet()) + ".");
            }
            return api.answer(new Invocation(action, region, api.signed() ? authenticate(call, now) : null, now), call,
                    requestId);
        } catch (AwsError e) {
            return api.error(e, requestId);
        } catch (RuntimeException e) {
            LOG.error("The AWS simulator failed on {} (request {})", action, requestId, e);
            return api.error(AwsError.internalFailure(), requestId);
        }
    }

    /**
     * The checks in AWS's order of disclosure: a key must be known and active, a session token must
     * match its temporary key and be current, the request must be recent, and only then is the
     * signature compared.
     */
    private Credential authenticate(HttpCall call, Instant now) {
        String header = call.header("authorization");
        if (header == null) {
            throw new AwsError(AwsError.Kind.MISSING_AUTHENTICATION, "Request is missing Authentication Token");
        }
        SigV4.Authorization authorization = SigV4.parse(header);
        String amzDate = call.header("x-amz-date");
        if (amzDate == null) {
            throw new AwsError(AwsError.Kind.INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + header);
        }
        Credential credential = identities.credential(authorization.accessKeyId())
                .filter(Credential::active)
                .orElseThrow(AwsError::invalidClientToken);
        // A session token belongs with exactly the temporary key it was issued with, and with no other key.
        if (!Objects.equals(call.header("x-amz-security-token"), credential.sessionToken())) {
            throw AwsError.invalidClientToken();
        }
        if (credential.temporary() && !now.isBefore(credential.expiration())) {
            throw new AwsError(AwsError.Kind.EXPIRED_TOKEN, "The security token included in the request is expired");
        }
        checkSigningTime(amzDate, now);
        if (!SigV4.verify(call, authorization, amzDate, credential.secret())) {
            throw new AwsError(AwsError.Kind.SIGNATURE_DOES_NOT_MATCH, "The request signature we calculated does not match "
                    + "the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return credential;
    }

    /** STS's own words for a request signed too long ago or in the future. */
    private static void checkSigningTime(String amzDate, Instant now) {
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new AwsError(AwsError.Kind.INCOMPLETE_SIGNATURE,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\", not '" + amzDate + "'");
        }
        if (signedAt.isBefore(now.minus(ALLOWED_SKEW))) {
            throw new AwsError(AwsError.Kind.SIGNATURE_DOES_NOT_MATCH, "Signature expired: " + amzDate + " is now earlier than "
                    + amzDate(now.minus(ALLOWED_SKEW)) + " (" + amzDate(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(ALLOWED_SKEW))) {
            throw new AwsError(AwsError.Kind.SIGNATURE_DOES_NOT_MATCH, "Signature not yet current: " + amzDate
                    + " is still later than " + amzDate(now.plus(ALLOWED_SKEW)) + " (" + amzDate(now) + " + 5 min.)");
        }
    }

    private static String amzDate(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** An unsigned request names no service: a JSON target names its own, anything else is answered as STS would. */
    private String unsignedService(HttpCall call) {
        return apis.values().stream()
                .filter(api -> api instanceof JsonApi && !api.actionOf(call).isEmpty())
                .map(Api::service)
                .findFirst()
                .orElse("sts");
    }

    /** For a service the simulator does not serve: answer in the protocol the request speaks. */
    private Api fallbackApi(HttpCall call) {
        String contentType = Objects.requireNonNullElse(call.header("content-type"), "");
        return apis.get(contentType.startsWith("application/x-amz-json") ? "organizations" : "sts");
    }
}
