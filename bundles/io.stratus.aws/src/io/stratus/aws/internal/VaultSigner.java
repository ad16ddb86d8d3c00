package io.stratus.aws.internal;

import io.stratus.core.identity.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * Signature Version 4 that keeps nothing derived from a secret key beyond the request it signs.
 *
 * <p>The SDK's own V4 signer (http-auth-aws 2.57: {@code DefaultV4RequestSigner} through
 * {@code SignerUtils.deriveSigningKey}; the legacy {@code Aws4Signer} of RdsUtilities alike) keeps
 * every signing key in a static FIFO cache of 300 entries under the String {@code secret + "-" +
 * region + "-" + service}, and computes its HMACs with a {@code Mac} kept per thread and keyed
 * with the signing key. Both stay reachable long after the session that owned the keys has
 * ended, and every path through that signer goes through the cache. Here the signing key is
 * derived afresh for each request from the characters in the session's vault, with a {@code Mac}
 * of the request's own, and every intermediate key is overwritten once used.
 *
 * <p>What holds no secret is the SDK's: the canonical request, the credential scope and the
 * hash of the canonical request ({@code V4CanonicalRequest}, {@code CredentialScope},
 * {@code SignerUtils} without {@code deriveSigningKey}, {@code sign} or {@code computeSignature}). Those classes are
 * internal to the SDK, so the manifest imports them for the one minor version they were checked
 * against. Only what Stratus's clients use is supported: SigV4 in the header or the query
 * (presigned), payloads signed whole; S3's chunked and flexible-checksum payloads are refused.
 */
final class VaultSigner implements AwsV4HttpSigner {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final byte[] KEY_PREFIX = "AWS4".getBytes(StandardCharsets.US_ASCII);

    /** SigV4 for the SDK's clients, with this signer and the identity each request names. */
    AwsV4AuthScheme authScheme() {
        return new AwsV4AuthScheme() {
            @Override
            public String schemeId() {
                return SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public AwsV4HttpSigner signer() {
                return VaultSigner.this;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        if (!(request.identity() instanceof VaultIdentity identity)) {
            throw new IllegalArgumentException("Stratus signs only with keys from a session's vault, not with a "
                    + request.identity().getClass().getName());
        }
        if (Boolean.TRUE.equals(request.property(CHUNK_ENCODING_ENABLED))
                || request.property(CHECKSUM_ALGORITHM) != null) {
            throw new UnsupportedOperationException("Chunked or flexible-checksum payloads (S3) are not signed by "
                    + "Stratus, whose clients do not use them.");
        }
        boolean inQuery = request.requireProperty(AUTH_LOCATION, AuthLocation.HEADER) == AuthLocation.QUERY_STRING;
        Duration expiration = request.property(EXPIRATION_DURATION);
        if (expiration != null && !inQuery) {
            throw new UnsupportedOperationException("An expiration needs the signature in the query string.");
        }
        CredentialScope scope = new CredentialScope(request.requireProperty(REGION_NAME),
                request.requireProperty(SERVICE_SIGNING_NAME),
                request.requireProperty(SIGNING_CLOCK, Clock.systemUTC()).instant());
        String token = identity.credentials().sessionToken().map(Secret::reveal).orElse(null);

        SdkHttpRequest.Builder http = request.request().toBuilder();
        SignerUtils.addHostHeader(http);
        if (inQuery) {
            if (token != null) {
                http.putRawQueryParameter("X-Amz-Security-Token", token);
            }
            http.putRawQueryParameter("X-Amz-Algorithm", ALGORITHM)
                    .putRawQueryParameter("X-Amz-Date", scope.getDatetime())
                    .putRawQueryParameter("X-Amz-SignedHeaders",
                            V4CanonicalRequest.getSignedHeadersString(V4CanonicalRequest.getCanonicalHeaders(http.build())))
                    .putRawQueryParameter("X-Amz-Credential", scope.scope(identity));
            if (expiration != null) {
                http.putRawQueryParameter("X-Amz-Expires", Long.toString(expiration.getSeconds()));
            }
        } else {
            if (token != null) {
                http.putHeader("X-Amz-Security-Token", token);
            }
            SignerUtils.addDateHeader(http, scope.getDatetime());
        }
        V4CanonicalRequest canonical = new V4CanonicalRequest(http.build(), payloadHash(request.payload()),
                new V4CanonicalRequest.Options(request.requireProperty(DOUBLE_URL_ENCODE, true),
                        request.requireProperty(NORMALIZE_PATH, true)));
        String stringToSign = ALGORITHM + "\n" + scope.getDatetime() + "\n" + scope.scope() + "\n"
                + SignerUtils.hashCanonicalRequest(canonical.getCanonicalRequestString());
        String signature = BinaryUtils.toHex(signature(identity.credentials().secretAccessKey(), scope, stringToSign));
        if (inQuery) {
            http.putRawQueryParameter("X-Amz-Signature", signature);
        } else {
            http.putHeader("Authorization", ALGORITHM + " Credential=" + scope.scope(identity) + ", SignedHeaders="
                    + canonical.getSignedHeadersString() + ", Signature=" + signature);
        }
        return SignedRequest.builder().request(http.build()).payload(request.payload().orElse(null)).build();
    }

    /** Stratus builds synchronous clients only. */
    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "Stratus's AWS clients are synchronous; nothing signs asynchronously."));
    }

    /** SHA-256 of the payload in hex, as the canonical request ends; no payload is an empty one. */
    private static String payloadHash(Optional<ContentStreamProvider> payload) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        if (payload.isPresent()) {
            try (InputStream in = payload.get().newStream()) {
                in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            } catch (IOException e) {
                throw new UncheckedIOException("The request body could not be read for signing", e);
            }
        }
        return BinaryUtils.toHex(sha256.digest());
    }

    /**
     * HMAC-SHA256 of the string to sign under the day's signing key: the chain from
     * {@code "AWS4" + secret} through date, region, service and {@code aws4_request}, each key
     * overwritten as soon as the next one is made. The last link is the signature itself.
     */
    private static byte[] signature(Secret secret, CredentialScope scope, String stringToSign) {
        Mac mac = hmacSha256();
        byte[] key = secretKey(secret);
        for (String link : List.of(scope.getDate(), scope.getRegion(), scope.getService(), "aws4_request",
                stringToSign)) {
            byte[] next;
            try {
                mac.init(new SecretKeySpec(key, HMAC_SHA256));
                next = mac.doFinal(link.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 refused a signing key", e);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            key = next;
        }
        return key;
    }

    /** {@code "AWS4" + secret} in UTF-8, the first key of the chain. */
    private static byte[] secretKey(Secret secret) {
        byte[] utf8 = secret.toUtf8();
        try {
            byte[] key = Arrays.copyOf(KEY_PREFIX, KEY_PREFIX.length + utf8.length);
            System.arraycopy(utf8, 0, key, KEY_PREFIX.length, utf8.length);
            return key;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static Mac hmacSha256() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
