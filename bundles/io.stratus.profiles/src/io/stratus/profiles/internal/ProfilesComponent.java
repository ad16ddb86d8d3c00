package io.stratus.profiles.internal;

import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.AwsConfigFiles;
import io.stratus.profiles.AwsProfile;
import io.stratus.profiles.AwsProfiles;
import io.stratus.profiles.IdentityCenterLogin;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

/** The profiles of the person running this desktop: their files are located anew each time (the settings may change). */
@Component(service = AwsProfiles.class)
public final class ProfilesComponent implements AwsProfiles {

    @Override
    public List<AwsProfile> list() {
        return AwsConfigFiles.located().profiles().list();
    }

    @Override
    public Optional<IdentityCenterLogin> identityCenterLogin(String profile) {
        return AwsConfigFiles.located().profiles().identityCenterLogin(profile);
    }

    @Override
    public SignInRequest signInRequest(String profile, Optional<Secret> mfaCode,
            Function<IdentityCenterLogin, SignInRequest> identityCenterKeys) {
        return AwsConfigFiles.located().profiles().signInRequest(profile, mfaCode, identityCenterKeys);
    }
}
