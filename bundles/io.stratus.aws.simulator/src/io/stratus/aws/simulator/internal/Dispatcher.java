package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.CallLog;
import io.stratus.aws.simulator.Fault;
import io.stratus.aws.simulator.Seed;
import io.stratus.aws.simulator.internal.dynamodb.DynamoDbTables;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request, whatever carries it over HTTP: routes it by the signing name in its SigV4
 * credential scope (so one endpoint serves every service, in any region), delays it, injects
 * faults, authenticates the signature, runs the action and records the call. It holds what the
 * simulator's AWS changes as it runs: the temporary keys STS issues and the DynamoDB items.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** How far a request's signing time may be from the simulator's clock, as at AWS. */
    private static final byte[] HTML_PAGE = ("<!DOCTYPE html><html><head><title>Sign in to the network</title></head>"
            + "<body><p>Sign in to continue.</p></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /**
     * Key id, region and signing name, read leniently: routing, regional faults and the call log
     * need them even from a malformed header.
     */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=([^/,\\s]+)/[^/]*/([^/]*)/([^/,\\s]+)/");

    private final Identities identities;
    private final Map<String, Api> apis = new TreeMap<>();
    private final FaultInjection faults;
    private final CallRecorder calls;
    private final Clock clock;

    /** What to do with a request: answer it, or drop the connection without a word. */
    sealed interface Answer {
        record Respond(Reply reply, String requestId, Instant date) implements Answer {
        }

        record Drop(boolean reset) implements Answer {
        }
    }

    public Dispatcher(Seed seed, FaultInjection faults, CallRecorder calls, Clock clock) {
        this.identities = new Identities(seed);
        this.faults = faults;
        this.calls = calls;
        this.clock = clock;
        Stream.of(new Sts(identities).api(), Iam.api(), new Organizations(identities).api(), Rds.api(), Redshift.api(),
                new DynamoDb(new DynamoDbTables(seed)).api())
                .forEach(api -> apis.put(api.service(), api));
    }

    /** The simulator's time: the injected clock moved by the fault clock offset. */
    /** See {@link io.stratus.aws.simulator.AwsSimulator#verifyRdsAuthToken}. */
    public String verifyRdsAuthToken(String token, String host, int port, String region, String dbUser) {
        return new RdsAuthTokens(identities).verify(token, host, port, region, dbUser, now());
    }

    public Instant now() {
        return clock.instant().plus(faults.clockOffset());
    }

    Answer answer(HttpCall call) {
        Instant now = now();
        String requestId = UUID.randomUUID().toString();
        Matcher scope = CREDENTIAL_SCOPE.matcher(Objects.requireNonNullElse(call.header("authorization"), ""));
        boolean signed = scope.find();
        String accessKeyId = signed ? scope.group(1) : null;
        String region = signed ? scope.group(2) : "";
        String service = signed ? scope.group(3) : unsignedService(call);
        Api api = apis.getOrDefault(service, fallbackApi(call));
        String action = service + ":" + api.actionOf(call);

        pause(faults.latencyFor(action, region));
        Optional<Fault> fault = faults.faultFor(action, region);
        Function<Reply, Answer> respond = reply -> new Answer.Respond(reply, requestId, now);
        Answer answer = switch (fault.orElse(null)) {
            case null -> respond.apply(run(call, api, service, action, region, requestId, now));
            case THROTTLING -> respond.apply(api.error(new AwsError(AwsError.Kind.THROTTLING, "Rate exceeded"), requestId));
            case KEYS_REJECTED -> respond.apply(api.error(invalidToken(), requestId));
            case INTERNAL_ERROR -> respond.apply(api.error(internalFailure(), requestId));
            case SERVICE_UNAVAILABLE -> respond.apply(api.error(new AwsError(AwsError.Kind.SERVICE_UNAVAILABLE,
                    "The request has failed due to a temporary failure of the server."), requestId));
            case MALFORMED_RESPONSE -> respond.apply(api.malformed(api.actionOf(call)));
            case EMPTY_RESULT -> respond.apply(api.emptyResult(api.actionOf(call), requestId));
            case EMPTY_BODY -> respond.apply(Reply.success("text/xml", new byte[0]));
            case HTML_PAGE -> respond.apply(Reply.success("text/html", HTML_PAGE));
            case CONNECTION_RESET -> new Answer.Drop(true);
            case CONNECTION_CLOSE -> new Answer.Drop(false);
        };

        String principalArn = signed ? identities.credential(accessKeyId).map(c -> c.principal().arn()).orElse(null) : null;
        calls.record(switch (answer) {
            case Answer.Respond sent -> new CallLog.Call(now, action, accessKeyId, principalArn,
                    sent.reply().status(), sent.reply().errorCode(), fault.orElse(null));
            case Answer.Drop drop -> new CallLog.Call(now, action, accessKeyId, principalArn, 0, null, fault.orElse(null));
        });
        return answer;
    }

    private Reply run(HttpCall call, Api api, String service, String action, String region, String requestId,
            Instant now) {
        try {
            if (!apis.containsKey(service)) {
                throw new AwsError(AwsError.Kind.INVALID_ACTION, "The AWS simulator does not serve the service '"
                        + service + "'; it serves " + String.join(", ", apis.keySet()) + ".");
            }
            return api.answer(new Invocation(action, region, authenticate(call, now), now), call, requestId);
        } catch (AwsError e) {
            return api.error(e, requestId);
        } catch (RuntimeException e) {
            LOG.error("The AWS simulator failed on {} (request {})", action, requestId, e);
            return api.error(internalFailure(), requestId);
        }
    }

    private static AwsError internalFailure() {
        return new AwsError(AwsError.Kind.INTERNAL_FAILURE,
                "The request processing has failed because of an unknown error, exception or failure.");
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
                .orElseThrow(Dispatcher::invalidToken);
        // A session token belongs with exactly the temporary key it was issued with, and with no other key.
        if (!Objects.equals(call.header("x-amz-security-token"), credential.sessionToken())) {
            throw invalidToken();
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

    private static AwsError invalidToken() {
        return new AwsError(AwsError.Kind.INVALID_CLIENT_TOKEN, "The security token included in the request is invalid.");
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

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the listener is stopping: answer at once
        }
    }
}
