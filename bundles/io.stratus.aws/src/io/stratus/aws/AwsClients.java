package io.stratus.aws;

import io.stratus.core.StratusException;
import io.stratus.core.connector.IamTokenRequest;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;

import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.core.SdkClient;

/**
 * The one way into AWS: every call is made for a person, with their own keys, lent for that call
 * only. Clients are shared and carry no credentials of their own, so a call can never run with
 * somebody else's keys, nor with keys found in the environment of the process.
 */
public interface AwsClients {

    AwsSettings settings();

    /**
     * Makes one call of {@code service:action} for the owner of {@code keys}: lends the keys for
     * the call only, signs every request of it with them (see {@link SignedCall}), sends it, and
     * checks AWS's answers against this machine's clock. Paginators may be followed to the end
     * inside {@code requests}.
     *
     * @throws StratusException saying what happened and what to do, naming {@code service:action}
     *         where IAM refused it (FORBIDDEN); NOT_SIGNED_IN when AWS no longer accepts the keys
     *         (which ends their session); UNAVAILABLE when this machine's clock is off by more than
     *         AWS allows: the SDK quietly corrects its own signatures, but what Stratus signs by
     *         itself (RDS IAM tokens) would fail, so the operator must know
     */
    <C extends SdkClient, T> T call(AwsKeys keys, AwsService<C> service, String action, SignedCall<C, T> requests);

    /**
     * The same for an AWS JSON 1.1 API that has no SDK client in Stratus (Organizations): signs
     * {@code body} and posts it with {@code X-Amz-Target: target} ({@code Prefix.Action}).
     *
     * @return the response body of a 2xx answer
     */
    String callJson(AwsKeys keys, String service, String target, String body);

    /**
     * The same in a region (Redshift Serverless), also for an API whose answers hold secrets (Secrets
     * Manager's {@code GetSecretValue}, temporary database credentials): {@code service} is the signing name and
     * endpoint prefix, {@code target} the {@code X-Amz-Target} ({@code Prefix.Action}). Made once,
     * without the SDK's client, so no String holds the answer.
     *
     * @return the body of a 2xx answer as bytes; the caller reads what it needs and then overwrites it
     * @throws StratusException as {@link #call}, naming {@code service:Action}; FORBIDDEN naming
     *         {@code kms:Decrypt} where the KMS key of what was read denied the person
     */
    byte[] callJson(AwsKeys keys, String service, String region, String target, String body);

    /**
     * The same for a GET of an AWS REST-JSON API that has no SDK client in Stratus (Aurora DSQL's
     * control plane, at {@code https://service.region.api.aws} unless the settings say otherwise):
     * signs the request for {@code service} in {@code region} and sends it.
     *
     * @param action the operation, for messages and IAM ({@code ListClusters})
     * @param path the request's path, its parameters encoded ({@code /cluster/abc})
     * @return the response body of a 2xx answer
     */
    String callRest(AwsKeys keys, String service, String region, String action, String path, Map<String, String> query);

    /**
     * A call of AWS STS in the region of the settings ({@code GetSessionToken}, {@code AssumeRole})
     * made without the SDK's client, whose answers would hold the temporary keys they issue in
     * Strings that nothing can wipe: signs the Query-protocol request ({@code Action}, {@code
     * Version} and {@code parameters}, in their order) with the keys and posts it, once: a retry would
     * send an MFA code again, which STS refuses as reused.
     *
     * @return the XML body of the answer; the caller reads the keys from it and then overwrites it
     * @throws StratusException as {@link #call}, naming {@code sts:action}; a wrong or reused MFA
     *         code is NOT_SIGNED_IN with a message that says so
     */
    byte[] callSts(AwsKeys keys, String action, Map<String, String> parameters);

    /**
     * The same for an AWS Query API in a region whose answers hold secrets (Redshift's temporary
     * database credentials): signs the form ({@code Action}, {@code Version} and {@code parameters},
     * in their order) for {@code service} and posts it to the service's endpoint in {@code region},
     * once, without the SDK's client, so no String holds the answer.
     *
     * @return the XML body of a 2xx answer; the caller reads what it needs and then overwrites it
     * @throws StratusException as {@link #call}, naming {@code service:action} where IAM refused it
     */
    byte[] callQuery(AwsKeys keys, String service, String region, String version, String action,
            Map<String, String> parameters);

    /**
     * A call of IAM Identity Center (see {@link IdentityCenterCall}) at its endpoint in the call's region
     * (or the endpoint settings' {@code sso-oidc} / {@code sso}, else the one endpoint of every service),
     * sent once. Its refusals (4xx) are answers the caller reads, since the device authorization's states
     * (pending, slow down, expired, denied) arrive as refusals; only AWS failing (5xx), throttling or not
     * being reachable is thrown.
     *
     * @throws StratusException REMOTE_UNREACHABLE or THROTTLED, naming the endpoint's service and the action
     */
    IdentityCenterCall.Answer callIdentityCenter(IdentityCenterCall call);

    /**
     * An IAM database authentication token: {@code request} presigned with SigV4 in {@code region}
     * with these keys at {@code signedAt}, valid for 15 minutes. It is the password of one login.
     */
    Secret iamToken(AwsKeys keys, String region, IamTokenRequest request, Instant signedAt);
}
