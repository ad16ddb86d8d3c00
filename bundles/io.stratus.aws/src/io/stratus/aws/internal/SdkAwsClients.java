package io.stratus.aws.internal;

import io.stratus.aws.AwsCallListener;
import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsConfiguration;
import io.stratus.aws.AwsService;
import io.stratus.aws.AwsSettings;
import io.stratus.aws.IdentityCenterCall;
import io.stratus.aws.SignedCall;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.IamTokenRequest;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The gateway to AWS and its client factory, configured through ConfigAdmin (PID {@code
 * io.stratus.aws}). Each call lends the person's keys, signs, sends, reads AWS's clock from the
 * answers and explains a failure, in one place for every caller. Clients use an explicit HTTP client: the SDK's ServiceLoader discovery does not work across bundles.
 * Every request, the SDK clients' and those signed here, is signed by the {@link VaultSigner},
 * which keeps nothing derived from a secret key (the SDK's own signer caches one per key).
 */
@Component(service = AwsClients.class, configurationPid = AwsConfiguration.PID)
public final class SdkAwsClients implements AwsClients {

    /** The component's configuration; every property is optional. */
    @interface Config {
        String region() default AwsSettings.DEFAULT_REGION;

        /** One base URL for every AWS service, e.g. LocalStack's. Empty: AWS's own endpoints. */
        String endpoint() default "";

        /** Per-service endpoints as {@code service=url}, e.g. {@code sts=https://sts.example.vpce.amazonaws.com}. */
        String[] serviceEndpoints() default {};

        long connectTimeoutMillis() default 5_000;

        long callTimeoutMillis() default 20_000;

        int maxAttempts() default 3;
    }

    /** The client-level provider: a request that names nobody's keys must fail, never fall back. */
    private static final AwsCredentialsProvider NOBODY = () -> {
        throw SdkClientException.create("Stratus signs every AWS request with the signed-in person's own keys, "
                + "and this request named none.");
    };

    private static final List<String> SIGNER_LOGGERS = List.of("software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer");

    private static final Duration IAM_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final String STS_VERSION = "2011-06-15";
    private static final Pattern QUERY_ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern QUERY_ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final VaultSigner signer = new VaultSigner();
    private AwsSettings settings;
    private FailureExplainer explainer;
    /** Made by the first client: its TLS set-up takes a few hundred ms, which a UI thread activating us must not wait for. */
    private volatile SdkHttpClient http;
    private Thread warmUp;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<AwsCallListener> listeners = List.of();
    /** The clients of the services and regions called so far, made on first use. */
    private final Map<AwsService<?>, SdkClient> clients = new ConcurrentHashMap<>();

    @Activate
    void activate(Config config) {
        silenceSignerDebugLogging();
        settings = toSettings(config);
        explainer = new FailureExplainer(settings.callTimeout());
        // Sign-in's client is made while the person types their keys, not after they press Sign In.
        warmUp = Thread.ofVirtual().name("stratus-aws-clients").start(() -> {
            try {
                clients.computeIfAbsent(AwsService.sts(), this::build);
            } catch (RuntimeException e) {
                // the first call makes it again and reports what is wrong
            }
        });
    }

    @Deactivate
    void deactivate() {
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.values().forEach(SdkClient::close);
        if (http != null) {
            http.close();
        }
    }

    private SdkHttpClient http() {
        SdkHttpClient made = http;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (http == null) {
                http = UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout())
                        .build();
            }
            return http;
        }
    }

    @Override
    public AwsSettings settings() {
        return settings;
    }

    @Override
    public <C extends SdkClient, T> T call(AwsKeys keys, AwsService<C> service, String action,
            SignedCall<C, T> requests) {
        C client = service.clientType().cast(clients.computeIfAbsent(service, this::build));
        return keys.use(credentials -> {
            AnswerClock clock = new AnswerClock();
            AwsRequestOverrideConfiguration signedAs = AwsRequestOverrideConfiguration.builder()
                    .credentialsProvider(VaultIdentity.providerOf(credentials))
                    .putExecutionAttribute(AnswerClock.OF_CALL, clock)
                    .build();
            T answer = timed(service.name(), action, () -> {
                try {
                    return requests.send(client, signedAs);
                } catch (SdkException e) {
                    throw explainer.explain(e, service.name(), action);
                }
            });
            clock.check();
            return answer;
        });
    }

    /** The shared client of a service and region; each holds little but its configuration. */
    private SdkClient build(AwsService<?> service) {
        return switch (service.name()) {
            case "sts" -> configure(StsClient.builder(), service).region(Region.of(settings.region())).build();
            case "iam" -> configure(IamClient.builder(), service).region(globalRegion()).build();
            case "rds" -> configure(RdsClient.builder(), service).build();
            case "redshift" -> configure(RedshiftClient.builder(), service).build();
            case "dynamodb" -> configure(DynamoDbClient.builder(), service).build();
            default -> throw new IllegalArgumentException("No AWS client for " + service);
        };
    }

    @Override
    public String callJson(AwsKeys keys, String service, String target, String body) {
        String action = target.substring(target.indexOf('.') + 1);
        String region = jsonServiceRegion();
        URI endpoint = endpoint(service, "https://" + service + "." + region + "." + dnsSuffix());
        byte[] answer = keys.use(credentials -> timed(service, action, () -> send(credentials, service, region, action,
                SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", target), body, SdkAwsClients::jsonError)));
        return new String(answer, StandardCharsets.UTF_8);
    }

    @Override
    public String callRest(AwsKeys keys, String service, String region, String action, String path,
            Map<String, String> query) {
        URI endpoint = endpoint(service, "https://" + service + "." + region + ".api.aws");
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(endpoint)
                .encodedPath(endpoint.getRawPath().replaceAll("/$", "") + path);
        query.forEach(request::putRawQueryParameter);
        byte[] answer = keys.use(credentials -> timed(service, action, () -> send(credentials, service, region, action,
                request, "", SdkAwsClients::jsonError)));
        return new String(answer, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] callJson(AwsKeys keys, String service, String region, String target, String body) {
        String action = target.substring(target.indexOf('.') + 1);
        URI endpoint = endpoint(service, "https://" + service + "." + region + "." + dnsSuffix());
        return keys.use(credentials -> timed(service, action, () -> send(credentials, service, region, action,
                SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", target), body, SdkAwsClients::jsonError)));
    }

    @Override
    public byte[] callSts(AwsKeys keys, String action, Map<String, String> parameters) {
        return callQuery(keys, "sts", settings.region(), STS_VERSION, action, parameters);
    }

    @Override
    public byte[] callQuery(AwsKeys keys, String service, String region, String version, String action,
            Map<String, String> parameters) {
        StringBuilder form = new StringBuilder("Action=").append(formEncoded(action))
                .append("&Version=").append(formEncoded(version));
        parameters.forEach((name, value) -> form.append('&').append(formEncoded(name)).append('=')
                .append(formEncoded(value)));
        URI endpoint = endpoint(service, "https://" + service + "." + region + "." + dnsSuffix());
        return keys.use(credentials -> timed(service, action, () -> send(credentials, service, region, action,
                SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form.toString(),
                SdkAwsClients::queryError)));
    }

    /** Runs one call and tells the {@link AwsCallListener}s how long it took and whether it failed. */
    private <T> T timed(String service, String action, Supplier<T> call) {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            T answer = call.get();
            failed = false;
            return answer;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            for (AwsCallListener listener : listeners) {
                listener.answered(service, action, took, failed);
            }
        }
    }

    @Override
    public IdentityCenterCall.Answer callIdentityCenter(IdentityCenterCall call) {
        String service = call.api().endpointSetting();
        URI base = settings.endpointFor(service).orElseGet(() -> URI.create("https://" + call.api().hostPrefix() + "."
                + call.region() + "." + (call.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com")));
        StringBuilder query = new StringBuilder();
        call.query().forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(formEncoded(name))
                .append('=').append(formEncoded(value)));
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + call.path() + query);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(call.method()))
                .uri(uri);
        if (call.body().length > 0) {
            request.putHeader("Content-Type", "application/json");
        }
        // An HTTP header can only be a String: this one lives as long as the request.
        call.bearerToken().ifPresent(token -> request.putHeader("x-amz-sso_bearer_token", token.reveal()));
        byte[] body = call.body();
        try {
            HttpExecuteResponse response = http().prepareRequest(HttpExecuteRequest.builder()
                    .request(request.build())
                    .contentStreamProvider(body.length == 0 ? null : () -> new ByteArrayInputStream(body))
                    .build()).call();
            byte[] answer = readBody(response);
            int status = response.httpResponse().statusCode();
            if (status / 100 == 2) {
                return new IdentityCenterCall.Answer(status, Optional.empty(), answer);
            }
            // An error answer holds no secret: its error and description.
            AwsServiceException refusal = jsonError(status, response.httpResponse(),
                    new String(answer, StandardCharsets.UTF_8));
            if (status >= 500 || status == 429) {
                throw explainer.explain(refusal, service, call.action());
            }
            return new IdentityCenterCall.Answer(status, Optional.of(refusal.awsErrorDetails().errorCode()), answer);
        } catch (IOException e) {
            throw explainer.explain(SdkClientException.create("I/O error calling " + base, e), service, call.action());
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** What an error answer of one protocol says, as the SDK would raise it. */
    @FunctionalInterface
    private interface ErrorReader {
        AwsServiceException read(int status, SdkHttpResponse response, String body);
    }

    /** The endpoint the settings give the service, else AWS's own. */
    private URI endpoint(String service, String aws) {
        return settings.endpointFor(service).orElseGet(() -> URI.create(aws));
    }

    /**
     * Signs and sends one request that no SDK client makes, checks AWS's clock from the answer, and
     * explains an error answer.
     *
     * @return the body of a 2xx answer
     */
    private byte[] send(AwsCredentials credentials, String service, String signingRegion, String action,
            SdkHttpFullRequest.Builder request, String body, ErrorReader errors) {
        try {
            // No payload at all for a GET: Java's HTTP connection turns a GET with a body into a POST.
            ContentStreamProvider payload = body.isEmpty() ? null : ContentStreamProvider.fromUtf8String(body);
            SignedRequest signed = signer.sign(r -> r
                    .identity(new VaultIdentity(credentials))
                    .request(request.build())
                    .payload(payload)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
            HttpExecuteResponse response = http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] answer = readBody(response);
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                throw explainer.explain(errors.read(status, response.httpResponse(),
                        new String(answer, StandardCharsets.UTF_8)), service, action);
            }
            AnswerClock clock = new AnswerClock();
            clock.saw(response.httpResponse());
            clock.check();
            return answer;
        } catch (IOException e) {
            throw explainer.explain(SdkClientException.create("I/O error calling " + request.host(), e), service,
                    action);
        }
    }

    @Override
    public Secret iamToken(AwsKeys keys, String region, IamTokenRequest request, Instant signedAt) {
        return keys.use(credentials -> presign(credentials, region, request, signedAt));
    }

    private Secret presign(AwsCredentials credentials, String region, IamTokenRequest request, Instant signedAt) {
        SdkHttpFullRequest.Builder connect = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(request.host())
                .encodedPath("/");
        request.port().ifPresent(connect::port);
        request.query().forEach(connect::putRawQueryParameter);
        SignedRequest signed = signer.sign(r -> r
                .identity(new VaultIdentity(credentials))
                .request(connect.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, request.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, IAM_TOKEN_LIFETIME)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String presigned = signed.request().getUri().toString();
        return Secret.of(presigned.substring("https://".length())); // the databases want host[:port]/?... without a scheme
    }

    /**
     * The SDK's SigV4 signers log every canonical request at DEBUG, and a canonical request
     * carries the session token. Whatever level an operator turns on, those loggers stay at
     * INFO (for the SLF4J provider Stratus ships; the level must be set before the signer's
     * logger is created, that is, before the first request is signed).
     */
    private static void silenceSignerDebugLogging() {
        for (String signerPackage : SIGNER_LOGGERS) {
            System.setProperty("org.slf4j.simpleLogger.log." + signerPackage, "info");
        }
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsService<?> service) {
        builder.httpClient(http())
                .credentialsProvider(NOBODY)
                .putAuthScheme(signer.authScheme())
                .overrideConfiguration(o -> o
                        .addExecutionInterceptor(AnswerClock.READER)
                        .apiCallTimeout(settings.callTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .build()));
        settings.endpointFor(service.name()).ifPresent(builder::endpointOverride);
        service.region().map(Region::of).ifPresent(builder::region);
        return builder;
    }

    private Region globalRegion() {
        return switch (settings.partition()) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    /** Where the partition's global JSON services (Organizations) live and sign. */
    private String jsonServiceRegion() {
        return switch (settings.partition()) {
            case "aws-cn" -> "cn-northwest-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "us-east-1";
        };
    }

    private String dnsSuffix() {
        return settings.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** The body as bytes, never a String: an STS answer holds temporary keys, which its reader wipes. */
    private static byte[] readBody(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON-protocol error body ({@code {"__type": "prefix#Code", "message": ...}}) as the SDK would raise it. */
    /** A JSON error: its type in the body's {@code __type} (JSON 1.1) or the {@code x-amzn-ErrorType} header (REST-JSON). */
    private static AwsServiceException jsonError(int status, SdkHttpResponse response, String body) {
        String code = response.firstMatchingHeader("x-amzn-ErrorType").map(type -> type.split(":", 2)[0])
                .orElse("HTTP" + status);
        String message = body;
        try {
            Map<String, JsonNode> fields = JsonNode.parser().parse(body).asObject();
            String type = text(fields, "__type").orElse(code);
            code = type.substring(type.indexOf('#') + 1);
            message = text(fields, "message").or(() -> text(fields, "Message")).orElse("");
        } catch (RuntimeException notJson) {
            // keep the raw status and body: they are what AWS said
        }
        return serviceError(status, code, message);
    }

    /** A Query-protocol error body ({@code <ErrorResponse><Error><Code>..</Code><Message>..}) as the SDK would raise it. */
    private static AwsServiceException queryError(int status, SdkHttpResponse response, String body) {
        Matcher code = QUERY_ERROR_CODE.matcher(body);
        Matcher message = QUERY_ERROR_MESSAGE.matcher(body);
        return code.find()
                ? serviceError(status, xmlText(code.group(1)), message.find() ? xmlText(message.group(1)) : "")
                : serviceError(status, "HTTP" + status, body); // not AWS's error shape: keep what was said
    }

    private static String xmlText(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static AwsServiceException serviceError(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(code + ": " + message)
                .build();
    }

    private static Optional<String> text(Map<String, JsonNode> fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || !node.isString() ? Optional.empty() : Optional.of(node.asString());
    }

    private static AwsSettings toSettings(Config config) {
        Map<String, URI> perService = new HashMap<>();
        for (String entry : config.serviceEndpoints()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new StratusException(Problem.INVALID_INPUT, "AWS setting serviceEndpoints: '" + entry
                        + "' is not of the form service=url.");
            }
            perService.put(entry.substring(0, eq).strip(), uri("endpoint." + entry.substring(0, eq).strip(),
                    entry.substring(eq + 1).strip()));
        }
        Optional<URI> endpoint = config.endpoint().isBlank() ? Optional.empty()
                : Optional.of(uri("endpoint", config.endpoint().strip()));
        return new AwsSettings(config.region().strip(), endpoint, perService,
                Duration.ofMillis(config.connectTimeoutMillis()), Duration.ofMillis(config.callTimeoutMillis()),
                config.maxAttempts());
    }

    private static URI uri(String setting, String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new StratusException(Problem.INVALID_INPUT, "AWS setting " + setting + ": '" + value
                    + "' is not a URL.");
        }
    }
}
