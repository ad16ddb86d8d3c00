package io.stratus.profiles;

import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInRequest;

import java.util.List;
import java.util.Optional;

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
    SignInRequest signInRequest(String profile, Optional<Secret> mfaCode);

    /**
     * The IAM Identity Center sign-in the profile stands for, if it is an {@code sso_session} (or older
     * {@code sso_start_url}) profile without roles assumed on top: the front end runs the device authorization
     * with it. Empty for every other profile.
     *
     * @throws StratusException INVALID_INPUT as {@link #signInRequest} when the profile cannot be used
     */
    Optional<IdentityCenterLogin> identityCenterLogin(String profile);
}
