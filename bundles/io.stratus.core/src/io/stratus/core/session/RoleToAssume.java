package io.stratus.core.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role a person signs in as: its ARN, the external ID its trust policy may ask for, how long the
 * role session should last (the role's own default, one hour, when empty) and the role session's name
 * (when empty, the name of whoever assumes it, so the session says who). A malformed ARN, external ID,
 * duration or session name is refused here, before anything asks AWS. The external ID stays out of
 * {@link #toString()}: a trust policy uses it as a shared secret against confused deputies.
 */
public record RoleToAssume(String roleArn, Optional<String> externalId, Optional<Duration> duration,
        Optional<String> sessionName) {

    /** As AWS documents them; STS itself allows 15 minutes to 12 hours, within the role's own maximum. */
    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofHours(12);

    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    public RoleToAssume {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(sessionName, "sessionName");
        roleArn = roleArn.strip();
        externalId = externalId.map(String::strip).filter(id -> !id.isEmpty());
        sessionName = sessionName.map(String::strip).filter(name -> !name.isEmpty());
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw invalid("'" + roleArn + "' is not an IAM role ARN. A role ARN looks like "
                    + "arn:aws:iam::123456789012:role/RoleName (the IAM console shows it on the role's page).");
        }
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            throw invalid("The external ID is not valid: AWS takes 2 to 1224 letters, digits and the characters "
                    + "+=,.@:/-, with no spaces.");
        }
        if (duration.isPresent() && (duration.get().compareTo(SHORTEST) < 0 || duration.get().compareTo(LONGEST) > 0)) {
            throw invalid("A role session lasts 15 minutes (900 seconds) to 12 hours (43200 seconds), and at most "
                    + "as long as the role's maximum session duration allows.");
        }
        if (sessionName.isPresent() && !SESSION_NAME.matcher(sessionName.get()).matches()) {
            throw invalid("The role session name '" + sessionName.get() + "' is not valid: AWS takes 2 to 64 letters, "
                    + "digits and the characters +=,.@-, with no spaces.");
        }
    }

    /** With the name of whoever assumes the role as the role session's name. */
    public RoleToAssume(String roleArn, Optional<String> externalId, Optional<Duration> duration) {
        this(roleArn, externalId, duration, Optional.empty());
    }

    /** The role's AWS account, which must be the instance's own. */
    public String accountId() {
        return arnPart(2);
    }

    /** The role's AWS partition, e.g. {@code aws}. */
    public String partition() {
        return arnPart(1);
    }

    private String arnPart(int group) {
        Matcher m = ROLE_ARN.matcher(roleArn);
        m.matches();
        return m.group(group);
    }

    private static StratusException invalid(String message) {
        return new StratusException(Problem.INVALID_INPUT, message);
    }

    @Override
    public String toString() {
        return "RoleToAssume[" + roleArn + (externalId.isPresent() ? ", with an external ID" : "")
                + duration.map(d -> ", for " + d).orElse("") + sessionName.map(name -> ", as " + name).orElse("") + "]";
    }
}
