package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/** AWS Security Token Service: who am I, session tokens and assumed roles. */
final class Sts {

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int ONE_HOUR = 3600;
    private static final Pattern TOKEN_CODE = Pattern.compile("\\d{6}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private final Identities identities;

    Sts(Identities identities) {
        this.identities = identities;
    }

    QueryApi api() {
        return new QueryApi("sts", "2011-06-15", Map.of(
                "GetCallerIdentity", Sts::getCallerIdentity,
                "GetSessionToken", this::getSessionToken,
                "AssumeRole", this::assumeRole));
    }

    /** Needs no permission: AWS answers it even when a policy explicitly denies it. */
    private static void getCallerIdentity(Invocation invocation, Map<String, String> parameters, Xml result) {
        Principal caller = invocation.caller();
        result.leaf("Arn", caller.arn()).leaf("UserId", caller.userId()).leaf("Account", caller.account().id());
    }

    private void getSessionToken(Invocation invocation, Map<String, String> parameters, Xml result) {
        invocation.authorize("*");
        if (invocation.credential().temporary()) {
            throw new AwsError(AwsError.Kind.ACCESS_DENIED, "Cannot call GetSessionToken with session credentials");
        }
        int seconds = durationSeconds(parameters, 43200, 129600);
        if (invocation.caller() instanceof Principal.Root) {
            seconds = Math.min(seconds, ONE_HOUR); // AWS cuts root sessions to one hour instead of failing
        }
        boolean mfa = mfaGiven(invocation, parameters);
        writeCredentials(result, issue(invocation, invocation.caller(), seconds, mfa));
    }

    private void assumeRole(Invocation invocation, Map<String, String> parameters, Xml result) {
        String roleArn = required(parameters, "RoleArn", "roleArn");
        String sessionName = required(parameters, "RoleSessionName", "roleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation(sessionName, "roleSessionName",
                    "Member must have length 2 to 64 and satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        invocation.authorize(roleArn);
        Principal caller = invocation.caller();
        if (caller instanceof Principal.Root) {
            throw new AwsError(AwsError.Kind.ACCESS_DENIED, "Roles may not be assumed by root accounts.");
        }
        String externalId = parameters.get("ExternalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw validation(externalId, "externalId",
                    "Member must have length 2 to 1224 and satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
        }
        boolean mfa = invocation.credential().mfaPresent() || mfaGiven(invocation, parameters);
        // AWS answers alike for a role that does not exist, one that does not trust the caller, and one
        // whose trust policy's conditions (external ID, MFA) the call does not meet.
        Principal.RoleSession session = identities.roleSession(roleArn, sessionName)
                .filter(candidate -> trusts(candidate, caller))
                .filter(candidate -> conditionsHold(candidate.role(), externalId, mfa))
                .orElseThrow(() -> invocation.accessDenied(roleArn, ""));
        int seconds = durationSeconds(parameters, ONE_HOUR, 43200);
        if (seconds > session.role().maxSessionDurationSeconds()) {
            throw new AwsError(AwsError.Kind.VALIDATION,
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (caller instanceof Principal.RoleSession && seconds > ONE_HOUR) {
            throw new AwsError(AwsError.Kind.VALIDATION,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (session.role().keysLastSeconds() != null) { // a test's or demo's short-lived keys
            seconds = session.role().keysLastSeconds();
        }
        Credential issued = issue(invocation, session, seconds, mfa);
        result.start("AssumedRoleUser").leaf("Arn", session.arn()).leaf("AssumedRoleId", session.userId()).end();
        writeCredentials(result, issued);
    }

    private Credential issue(Invocation invocation, Principal principal, int seconds, boolean mfa) {
        return identities.issueTemporary(principal, invocation.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds),
                mfa);
    }

    /**
     * Whether the call gave an MFA device's serial and code, checked: a wrong or reused code fails the
     * call. Like AWS, validation messages leave the code's value out.
     */
    private boolean mfaGiven(Invocation invocation, Map<String, String> parameters) {
        String serial = parameters.get("SerialNumber");
        String code = parameters.get("TokenCode");
        if (serial == null && code == null) {
            return false;
        }
        if (serial == null || serial.length() < 9 || serial.length() > 256) {
            throw validation(serial, "serialNumber", "Member must have length greater than or equal to 9");
        }
        if (code == null || !TOKEN_CODE.matcher(code).matches()) {
            throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value at 'tokenCode' failed to "
                    + "satisfy constraint: Member must have length 6 and satisfy regular expression pattern: [\\d]*");
        }
        identities.verifyMfa(invocation.caller(), serial, code, invocation.now());
        return true;
    }

    /** The trust policy's conditions: {@code sts:ExternalId} equals, {@code aws:MultiFactorAuthPresent} true. */
    private static boolean conditionsHold(Seed.Role role, String externalId, boolean mfa) {
        return (role.externalId() == null || role.externalId().equals(externalId)) && (!role.mfaRequired() || mfa);
    }

    private static void writeCredentials(Xml result, Credential credential) {
        result.start("Credentials")
                .leaf("AccessKeyId", credential.accessKeyId())
                .leaf("SecretAccessKey", credential.secret())
                .leaf("SessionToken", credential.sessionToken())
                .leaf("Expiration", credential.expiration())
                .end();
    }

    /** Trust names users, roles (for role chaining) or whole accounts. */
    private static boolean trusts(Principal.RoleSession target, Principal caller) {
        return target.account().trustedArns(target.role()).stream()
                .anyMatch(arn -> arn.equals(caller.trustArn()) || arn.equals(caller.account().rootArn()));
    }

    private static int durationSeconds(Map<String, String> parameters, int defaultSeconds, int maxSeconds) {
        String value = parameters.get("DurationSeconds");
        if (value == null) {
            return defaultSeconds;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw validation(value, "durationSeconds", "Member must be an integer");
        }
        if (seconds < 900) {
            throw validation(value, "durationSeconds", "Member must have value greater than or equal to 900");
        }
        if (seconds > maxSeconds) {
            throw validation(value, "durationSeconds", "Member must have value less than or equal to " + maxSeconds);
        }
        return seconds;
    }

    private static String required(Map<String, String> parameters, String name, String field) {
        String value = parameters.get(name);
        if (value == null) {
            throw validation(null, field, "Member must not be null");
        }
        return value;
    }

    private static AwsError validation(String value, String field, String constraint) {
        return new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + field + "' failed to satisfy constraint: " + constraint);
    }
}
