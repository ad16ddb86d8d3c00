package io.stratus.core.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A one-time code of a person's MFA device and, when they typed it, the device's serial number (the
 * ARN {@code arn:aws:iam::ACCOUNT:mfa/NAME} of a virtual device, or a hardware token's serial). Without
 * a serial, Stratus asks IAM for the person's device ({@code iam:ListMFADevices}). The code is a
 * {@link Secret}: it is shown nowhere, and {@link #toString()} names only the device.
 */
public record MfaCode(Optional<String> deviceSerial, Secret code) {

    public MfaCode {
        Objects.requireNonNull(deviceSerial, "deviceSerial");
        Objects.requireNonNull(code, "code");
        deviceSerial = deviceSerial.map(String::strip).filter(serial -> !serial.isEmpty());
    }

    /** Wipes the code once it served (or failed). */
    public void clear() {
        code.clear();
    }

    @Override
    public String toString() {
        return "MfaCode[device=" + deviceSerial.orElse("from IAM") + ", code=redacted]";
    }
}
