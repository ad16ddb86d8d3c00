package io.stratus.server.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may read {@code /metrics}: with a token set ({@code STRATUS_METRICS_TOKEN}, or
 * {@code server.metricsToken} in the settings file; never a flag), whoever sends it as
 * {@code Authorization: Bearer TOKEN}; without one, only clients on this machine (loopback, also as
 * a trusted proxy names them). Only the token's SHA-256 is kept, and compared in constant time.
 */
final class MetricsAccess {

    static final MetricsAccess LOOPBACK_ONLY = new MetricsAccess(Optional.empty());
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenDigest;

    private MetricsAccess(Optional<byte[]> tokenDigest) {
        this.tokenDigest = tokenDigest;
    }

    static MetricsAccess withToken(String token) {
        return new MetricsAccess(Optional.of(digest(token)));
    }

    /** Why the request may not read the metrics, as the error to answer with; empty if it may. */
    Optional<ApiException> refusal(Request request, String clientAddress) {
        if (tokenDigest.isPresent()) {
            String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            boolean right = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && MessageDigest.isEqual(tokenDigest.get(), digest(authorization.substring(BEARER.length()).strip()));
            return right ? Optional.empty() : Optional.of(new ApiException(ApiError.NOT_SIGNED_IN, "The metrics need "
                    + "the operators' token: send it as 'Authorization: Bearer TOKEN'."));
        }
        return loopback(clientAddress) ? Optional.empty() : Optional.of(new ApiException(ApiError.FORBIDDEN,
                "The metrics are for clients on this machine only, unless the server has a metrics token "
                        + "(STRATUS_METRICS_TOKEN)."));
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal address: nothing is looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
