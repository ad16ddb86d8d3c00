package io.stratus.profiles.internal;

import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.AwsConfigFiles;
import io.stratus.profiles.AwsProfile;
import io.stratus.profiles.AwsProfiles;
import io.stratus.profiles.IdentityCenterLogin;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The profiles of one pair of AWS shared files, read anew on every call and wiped right after it. */
public final class SharedFilesProfiles implements AwsProfiles {

    private final AwsConfigFiles files;

    public SharedFilesProfiles(AwsConfigFiles files) {
        this.files = files;
    }

    @Override
    public List<AwsProfile> list() {
        try (ProfileSet profiles = ProfileSet.read(files)) {
            return profiles.names().stream().map(name -> described(profiles, name)).toList();
        }
    }

    private static AwsProfile described(ProfileSet profiles, String name) {
        try {
            ProfilePlan plan = ProfilePlan.of(profiles, name);
            return new AwsProfile(name, plan.summary(), plan.mfaSerial(), Optional.empty());
        } catch (StratusException e) {
            return new AwsProfile(name, "Cannot be used as it is", Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    @Override
    public Optional<IdentityCenterLogin> identityCenterLogin(String profile) {
        try (ProfileSet profiles = ProfileSet.read(files)) {
            return ProfilePlan.of(profiles, profile).identityCenterLogin();
        }
    }

    @Override
    public SignInRequest signInRequest(String profile, Optional<Secret> mfaCode,
            Function<IdentityCenterLogin, SignInRequest> identityCenterKeys) {
        try (ProfileSet profiles = ProfileSet.read(files)) {
            return ProfilePlan.of(profiles, profile).request(mfaCode, files.processTimeout(), identityCenterKeys);
        } catch (RuntimeException e) {
            mfaCode.ifPresent(Secret::clear);
            throw e;
        }
    }
}
