package io.stratus.profiles;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The AWS profiles of the person at this desktop, as the AWS CLI reads them from their shared config and
 * credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials}, or where {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE} say). The files are read each time they are asked for and nothing of
 * them is kept: keys go straight into the sign-in request, whose owner wipes them.
 */
public interface AwsProfiles {

    /**
     * The profiles the files define now, by name, each with what signing in with it takes.
     *
     * @throws StratusException INVALID_INPUT when a file cannot be read or parsed, naming the file and the line
     */
    List<AwsProfile> list();

    /**
     * The sign-in request the profile stands for: its keys, the keys its {@code credential_process} prints, or
     * the keys of its {@code source_profile} with the roles it assumes. May take a while: it runs a profile's
     * credential process.
     *
     * @param mfaCode the code of the MFA device the profile's {@code mfa_serial} names, if it has one; wiped here
     * @throws StratusException INVALID_INPUT naming the file, the profile and the key to fix when the profile
     *         cannot be used (missing, a cycle of source profiles, a role without a source, a failed credential
     *         process, an MFA code missing), UNAVAILABLE for an IAM Identity Center profile, which gives no
     *         keys by itself (see {@link #identityCenterLogin})
     */
    default SignInRequest signInRequest(String profile, Optional<Secret> mfaCode) {
        return signInRequest(profile, mfaCode, login -> {
            throw new StratusException(Problem.UNAVAILABLE, "Profile '" + profile + "' signs in with IAM Identity "
                    + "Center (" + login.startUrl() + ", through its sso_session or sso_start_url) and gives no keys "
                    + "by itself: the sign-in dialog signs in with it through IAM Identity Center (Start).");
        });
    }

    /**
     * As {@link #signInRequest(String, Optional)}, for a profile whose keys come from IAM Identity Center too
     * (see {@link #identityCenterLogin}): {@code identityCenterKeys} gives the keys of the profile's
     * Identity Center role (after the person approved a sign-in), and the profile's roles are assumed with them.
     */
    SignInRequest signInRequest(String profile, Optional<Secret> mfaCode,
            Function<IdentityCenterLogin, SignInRequest> identityCenterKeys);

    /**
     * The IAM Identity Center sign-in the profile's keys start with, if it is an {@code sso_session} (or older
     * {@code sso_start_url}) profile or a role profile whose chain of {@code source_profile}s ends in one: the
     * front end runs the device authorization with it, then {@link #signInRequest(String, Optional, Function)}.
     * Empty for every other profile.
     *
     * @throws StratusException INVALID_INPUT as {@link #signInRequest} when the profile cannot be used
     */
    Optional<IdentityCenterLogin> identityCenterLogin(String profile);
}
