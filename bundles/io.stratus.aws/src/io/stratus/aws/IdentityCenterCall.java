package io.stratus.aws;

import io.stratus.core.identity.Secret;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of IAM Identity Center in the region of its instance, made without the SDK's clients,
 * whose answers would hold the access token, client secret and role keys in Strings that nothing can
 * wipe: SSO OIDC's device authorization ({@code POST} a JSON body) or the AWS access portal ({@code
 * GET} with a query, the access token in {@code x-amz-sso_bearer_token}). Neither is signed.
 *
 * @param api which of the two
 * @param action the operation's name, for messages ({@code CreateToken})
 * @param body the JSON body of a POST; an empty array for a GET. It may hold a secret (a client
 *        secret, a device code): the gateway overwrites it once sent
 */
public record IdentityCenterCall(Api api, String region, String action, String method, String path,
        Map<String, String> query, Optional<Secret> bearerToken, byte[] body) {

    /** The two APIs, by the name of their endpoint setting and their host name's prefix at AWS. */
    public enum Api {
        OIDC("sso-oidc", "oidc"),
        PORTAL("sso", "portal.sso");

        private final String endpointSetting;
        private final String hostPrefix;

        Api(String endpointSetting, String hostPrefix) {
            this.endpointSetting = endpointSetting;
            this.hostPrefix = hostPrefix;
        }

        /** The key of its endpoint in the per-service endpoint settings ({@code sso-oidc=URL}). */
        public String endpointSetting() {
            return endpointSetting;
        }

        public String hostPrefix() {
            return hostPrefix;
        }
    }

    public IdentityCenterCall {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(region, "region");
        query = Map.copyOf(query);
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(body, "body");
    }

    /** An SSO OIDC operation: POST of a JSON body to {@code path}. */
    public static IdentityCenterCall oidc(String region, String action, String path, byte[] body) {
        return new IdentityCenterCall(Api.OIDC, region, action, "POST", path, Map.of(), Optional.empty(), body);
    }

    /** An access portal operation with the person's access token. */
    public static IdentityCenterCall portal(String region, String action, String method, String path,
            Map<String, String> query, Secret accessToken) {
        return new IdentityCenterCall(Api.PORTAL, region, action, method, path, query, Optional.of(accessToken),
                new byte[0]);
    }

    @Override
    public String toString() { // the body and the token are secrets
        return "IdentityCenterCall[" + api + " " + action + " in " + region + "]";
    }

    /**
     * What Identity Center answered: a 2xx with its body, or a refusal (4xx) naming its error type
     * ({@code AuthorizationPendingException}, ...), whose body says more ({@code error}, {@code message}).
     * The body may hold secrets: the caller reads them into {@link Secret}s and overwrites it.
     */
    public record Answer(int status, Optional<String> errorType, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return "Answer[" + status + errorType.map(type -> " " + type).orElse("") + "]";
        }
    }
}
