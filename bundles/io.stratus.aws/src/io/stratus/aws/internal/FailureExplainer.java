package io.stratus.aws.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS (or the network) answered into a message that says what happened and what to
 * do. The one place where AWS error codes are interpreted. Messages never carry a secret; AWS's
 * own messages name ARNs and actions, which the person may see.
 */
final class FailureExplainer {

    private static final Set<String> UNKNOWN_KEY = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "InvalidAccessKeyId");
    private static final Set<String> EXPIRED_TOKEN = Set.of("ExpiredToken", "ExpiredTokenException");
    private static final Set<String> CLOCK_SKEW = Set.of("RequestExpired", "RequestTimeTooSkewed",
            "RequestInTheFuture", "SignatureExpired");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "SlowDown");

    private static final String MFA_FAILED = "MultiFactorAuthentication failed";
    /** How Secrets Manager (and other services that decrypt for the caller) says KMS refused the caller. */
    private static final String KMS_DENIED = "Access to KMS is not allowed";

    private final Duration callTimeout;

    FailureExplainer(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    StratusException explain(SdkException failure, String service, String action) {
        String what = service + ":" + action;
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return explainAnswer(aws, what);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedBy(failure, SocketTimeoutException.class)) {
            return new StratusException(Problem.REMOTE_UNREACHABLE, "AWS " + service + " did not answer " + action
                    + " within " + callTimeout.toSeconds() + " s. Try again; if it persists, check the network "
                    + "between Stratus and AWS and the endpoint settings.", failure);
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, NoRouteToHostException.class)) {
            return new StratusException(Problem.REMOTE_UNREACHABLE, "Stratus cannot reach AWS " + service + " ("
                    + rootMessage(failure) + "). Check the network, proxy and AWS endpoint settings, then try again.",
                    failure);
        }
        return new StratusException(Problem.REMOTE_UNREACHABLE, "The call " + what + " to AWS failed ("
                + rootMessage(failure) + "). Try again; if it persists, check the network and endpoint settings.",
                failure);
    }

    private StratusException explainAnswer(AwsServiceException aws, String what) {
        String code = aws.awsErrorDetails().errorCode();
        String message = aws.awsErrorDetails().errorMessage();
        if (UNKNOWN_KEY.contains(code)) {
            return new StratusException(Problem.NOT_SIGNED_IN, "AWS does not recognise this access key id: it is "
                    + "mistyped, deleted or deactivated, or its session token does not belong to it. Check the key in "
                    + "the IAM console (Security credentials) and sign in again.", aws);
        }
        if (EXPIRED_TOKEN.contains(code)) {
            return new StratusException(Problem.NOT_SIGNED_IN, "The session token of these temporary keys has "
                    + "expired. Get new temporary keys (for example with 'aws sts get-session-token' or from your "
                    + "SSO portal) and sign in again.", aws);
        }
        if (isClockSkew(aws, code, message)) {
            return clockSkew(aws);
        }
        if (ACCESS_DENIED.contains(code) && message != null && message.startsWith(MFA_FAILED)) {
            return mfaRefused(aws, message);
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return new StratusException(Problem.NOT_SIGNED_IN, "The secret access key does not match the access "
                    + "key id. Copy the secret key again (it is shown only when the key is created; create a new "
                    + "key if it is lost) and sign in again.", aws);
        }
        if (ACCESS_DENIED.contains(code) && message != null && message.startsWith(KMS_DENIED)) {
            return new StratusException(Problem.FORBIDDEN, "Your IAM permissions do not allow kms:Decrypt with the KMS"
                    + " key that encrypts what " + what + " reads. Ask your AWS administrator to allow kms:Decrypt on that"
                    + " key (in your IAM policy and the key's policy), if you need it. AWS said: " + message, aws);
        }
        if (ACCESS_DENIED.contains(code)) {
            return new StratusException(Problem.FORBIDDEN, "Your IAM permissions do not allow " + what
                    + ". Ask your AWS administrator to allow it, if you need it. AWS said: " + message, aws);
        }
        if (THROTTLED.contains(code) || aws.isThrottlingException()) {
            return new StratusException(Problem.THROTTLED, "AWS is throttling " + what + " requests right now and "
                    + "retries did not get through. Wait a minute, then try again.", aws);
        }
        if (aws.statusCode() >= 500) {
            return new StratusException(Problem.REMOTE_UNREACHABLE, "AWS failed to answer " + what + " (HTTP "
                    + aws.statusCode() + " " + code + "). This is on AWS's side; try again in a moment.", aws);
        }
        return new StratusException(Problem.INVALID_INPUT, "AWS refused " + what + ": " + code
                + (message == null ? "" : " (" + message + ")") + ".", aws);
    }

    /**
     * STS refuses an MFA code with AccessDenied, saying "MultiFactorAuthentication failed with invalid
     * MFA one time pass code" (wrong, or used before) or "... unable to validate MFA code" (the serial
     * names no device of the caller).
     */
    private static StratusException mfaRefused(AwsServiceException aws, String message) {
        if (message.contains("unable to validate")) {
            return new StratusException(Problem.NOT_SIGNED_IN, "AWS could not check the MFA code: the MFA device's "
                    + "serial number is mistyped or names no device of the user these keys belong to. Check the "
                    + "serial (the ARN under Security credentials in the IAM console) and sign in again.", aws);
        }
        return new StratusException(Problem.NOT_SIGNED_IN, "AWS did not accept the MFA code: it is wrong, or it "
                + "was used before (each code works once). Wait for your MFA device to show the next code and sign "
                + "in again with it.", aws);
    }

    /** The clock of this machine and AWS's differ by more than AWS accepts for a signature. */
    static StratusException clockSkew(Throwable evidence) {
        return new StratusException(Problem.UNAVAILABLE, "AWS refuses requests signed by this Stratus server "
                + "because its clock differs from AWS's by more than AWS allows (" + AnswerClock.MAX_SKEW.toMinutes()
                + " minutes). Ask the operator to synchronise the server's clock (NTP), then sign in again.", evidence);
    }

    /** AWS reports a skewed clock with dedicated codes, or as an expired or not-yet-valid signature. */
    private static boolean isClockSkew(AwsServiceException aws, String code, String message) {
        if (CLOCK_SKEW.contains(code)) {
            return true;
        }
        return message != null && ("SignatureDoesNotMatch".equals(code) || "InvalidSignatureException".equals(code))
                && (message.contains("Signature expired") || message.contains("Signature not yet current"));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
