package io.stratus.auth.internal;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.session.IdentityVerifier;
import io.stratus.core.session.RoleHop;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.MFADevice;

/**
 * Turns a sign-in request into the keys its session signs with: the keys typed in as they are, or
 * temporary keys that STS issues for them, carrying the MFA ({@code GetSessionToken}) or of a role
 * ({@code AssumeRole}, one call per role of a chain). The typed keys serve only these calls; the caller wipes
 * them afterwards, and the keys of each role on the way to the last are wiped here once the next role is assumed.
 */
final class StsKeyExchange {

    /** What AWS allows in a role session name; the rest of a user's name becomes '-'. */
    private static final String NOT_IN_SESSION_NAME = "[^\\w+=,.@-]";
    private static final int SESSION_NAME_MAX = 64;

    private final AwsClients aws;
    private final IdentityVerifier verifier;

    StsKeyExchange(AwsClients aws, IdentityVerifier verifier) {
        this.aws = aws;
        this.verifier = verifier;
    }

    SessionKeys keysFor(SignInRequest request) {
        if (!request.exchangesKeys()) {
            return new SessionKeys(request.keys(), request.keysExpireAt());
        }
        AwsKeys typed = AwsKeys.of(request.keys());
        if (request.role().isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            request.mfa().ifPresent(mfa -> withMfa(parameters, typed, mfa));
            return issue(typed, "GetSessionToken", parameters, Optional.empty());
        }
        String caller = sessionName(verifier.verify(request.keys()));
        SessionKeys issued = null;
        for (RoleHop hop : request.roleChain()) {
            SessionKeys signer = issued;
            try {
                issued = assume(signer == null ? typed : AwsKeys.of(signer.credentials()), hop, typed, caller);
            } finally {
                if (signer != null) {
                    signer.credentials().clear(); // a role on the way: its keys served this one call
                }
            }
        }
        return issued;
    }

    /** {@code AssumeRole} signed with {@code signer}; an MFA device without a serial is looked up as {@code person}'s. */
    private SessionKeys assume(AwsKeys signer, RoleHop hop, AwsKeys person, String caller) {
        RoleToAssume role = hop.role();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("RoleArn", role.roleArn());
        parameters.put("RoleSessionName", role.sessionName().orElse(caller));
        role.externalId().ifPresent(id -> parameters.put("ExternalId", id));
        role.duration().ifPresent(duration -> parameters.put("DurationSeconds", Long.toString(duration.toSeconds())));
        hop.mfa().ifPresent(mfa -> withMfa(parameters, person, mfa));
        return issue(signer, "AssumeRole", parameters, Optional.of(role));
    }

    private void withMfa(Map<String, String> parameters, AwsKeys person, MfaCode mfa) {
        parameters.put("SerialNumber", deviceSerial(person, mfa));
        parameters.put("TokenCode", mfa.code().reveal()); // a one-time code, in the signed body of this call only
    }

    private SessionKeys issue(AwsKeys signer, String action, Map<String, String> parameters, Optional<RoleToAssume> role) {
        byte[] answer;
        try {
            answer = aws.callSts(signer, action, parameters);
        } catch (StratusException e) {
            if (role.isPresent() && e.problem() == Problem.FORBIDDEN) {
                throw roleRefused(role.get(), e);
            }
            throw e;
        }
        try {
            return IssuedKeys.read(answer, action);
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    /** AWS answers alike whatever kept the role from the person: say what to check. */
    private static StratusException roleRefused(RoleToAssume role, StratusException refusal) {
        String said = refusal.getCause() instanceof AwsServiceException answer && answer.awsErrorDetails() != null
                ? " AWS said: " + answer.awsErrorDetails().errorMessage() : "";
        return new StratusException(Problem.FORBIDDEN, "AWS did not let you assume the role " + role.roleArn()
                + ". Your IAM permissions must allow sts:AssumeRole on it and its trust policy must trust you; the "
                + "trust policy may also ask for an external ID (give the one the role's owner told you) or for MFA "
                + "(give a code of your MFA device)." + said, refusal);
    }

    /** The typed serial, else the one MFA device IAM lists for the owner of the keys. */
    private String deviceSerial(AwsKeys typed, MfaCode mfa) {
        if (mfa.deviceSerial().isPresent()) {
            return mfa.deviceSerial().get();
        }
        List<String> serials;
        try {
            serials = aws.call(typed, AwsService.iam(), "ListMFADevices",
                    (iam, signedAs) -> iam.listMFADevicesPaginator(r -> r.overrideConfiguration(signedAs))
                            .mfaDevices().stream().map(MFADevice::serialNumber).toList());
        } catch (StratusException e) {
            if (e.problem() != Problem.FORBIDDEN) {
                throw e;
            }
            throw new StratusException(Problem.INVALID_INPUT, "Your IAM permissions do not allow "
                    + "iam:ListMFADevices, so Stratus cannot look up your MFA device: type its serial number (the ARN "
                    + "arn:aws:iam::ACCOUNT:mfa/NAME under Security credentials in the IAM console, or a hardware "
                    + "token's serial) and sign in again.", e);
        }
        if (serials.isEmpty()) {
            throw new StratusException(Problem.INVALID_INPUT, "IAM lists no MFA device for the user of these keys. "
                    + "Assign one in the IAM console (Security credentials), or type the serial number of the "
                    + "device you use.");
        }
        if (serials.size() > 1) {
            throw new StratusException(Problem.INVALID_INPUT, "The user of these keys has " + serials.size()
                    + " MFA devices (" + String.join(", ", serials) + "): type the serial number of the one "
                    + "whose code you give.");
        }
        return serials.getFirst();
    }

    /** The session name says who assumed the role: the IAM user's name (or the session name when roles chain). */
    private static String sessionName(AwsIdentity caller) {
        String name = caller.sessionName().orElseGet(caller::displayName).replaceAll(NOT_IN_SESSION_NAME, "-");
        name = name.length() > SESSION_NAME_MAX ? name.substring(0, SESSION_NAME_MAX) : name;
        return name.length() < 2 ? name + "-stratus" : name;
    }
}
