package io.stratus.profiles;

import java.util.Objects;
import java.util.Optional;

/**
 * A profile of the AWS shared files as a person chooses it: its name, what it signs in with (in words, without
 * any secret), the serial of the MFA device whose code it needs if any, and why it cannot be used if it cannot.
 */
public record AwsProfile(String name, String summary, Optional<String> mfaSerial, Optional<String> problem) {

    public AwsProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(mfaSerial, "mfaSerial");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether signing in with this profile asks for an MFA code. */
    public boolean needsMfaCode() {
        return mfaSerial.isPresent();
    }
}
