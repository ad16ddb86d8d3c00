package io.stratus.core.identity;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a set of AWS keys belongs to, as STS {@code GetCallerIdentity} reports it: the account,
 * the ARN and the unique id. Stratus users are keyed by {@link #principalId()}: the unique id
 * of the IAM user (so a user deleted and recreated under the same name is a new person), of
 * the role for assumed-role sessions (one Stratus user per role), or the account for root.
 */
public record AwsIdentity(String accountId, String arn, String userId) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):(iam|sts)::(\\d{12}):(.+)");

    public AwsIdentity {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw invalid("account id '" + accountId + "' is not 12 digits");
        }
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw invalid("'" + arn + "' is not an IAM or STS principal ARN");
        }
        if (!m.group(3).equals(accountId)) {
            throw invalid("ARN " + arn + " does not belong to account " + accountId);
        }
        if (userId.isBlank()) {
            throw invalid("the unique id is empty");
        }
        typeOf(m.group(2), m.group(4), arn);
    }

    public String partition() {
        return matcher().group(1);
    }

    public PrincipalType type() {
        Matcher m = matcher();
        return typeOf(m.group(2), m.group(4), arn);
    }

    /**
     * The stable key of the Stratus user: the IAM user's unique id, the role's unique id for
     * assumed-role sessions (the part of {@code AROA...:session} before the colon), the whole
     * unique id of a federated user, and the account id for root.
     */
    public String principalId() {
        return switch (type()) {
            case ROOT -> accountId;
            case IAM_USER, FEDERATED_USER -> userId;
            case ASSUMED_ROLE -> userId.contains(":") ? userId.substring(0, userId.indexOf(':')) : userId;
        };
    }

    /**
     * Whether {@code other} is the same holder of keys as this: the same IAM user (by unique id), the same
     * role under the same role session name, the same federated user, or the same account's root. AWS's
     * unique id says it: {@code AIDA...} of the user, {@code AROA...:session-name} of a role session.
     */
    public boolean sameHolderAs(AwsIdentity other) {
        return type() == other.type() && accountId.equals(other.accountId) && userId.equals(other.userId);
    }

    /** A short name for people: the IAM user or role name, "root" for the root user. */
    public String displayName() {
        String resource = matcher().group(4);
        return switch (type()) {
            case ROOT -> "root";
            case IAM_USER -> resource.substring(resource.lastIndexOf('/') + 1);
            case ASSUMED_ROLE -> resource.split("/")[1];
            case FEDERATED_USER -> resource.substring("federated-user/".length());
        };
    }

    /** The role session name of an assumed-role identity, shown as detail next to the role. */
    public Optional<String> sessionName() {
        if (type() != PrincipalType.ASSUMED_ROLE) {
            return Optional.empty();
        }
        String resource = matcher().group(4);
        return Optional.of(resource.substring(resource.indexOf('/', "assumed-role/".length()) + 1));
    }

    private Matcher matcher() {
        Matcher m = ARN.matcher(arn);
        m.matches();
        return m;
    }

    private static PrincipalType typeOf(String service, String resource, String arn) {
        if (service.equals("iam") && resource.equals("root")) {
            return PrincipalType.ROOT;
        }
        if (service.equals("iam") && resource.startsWith("user/") && resource.length() > 5) {
            return PrincipalType.IAM_USER;
        }
        if (service.equals("sts") && resource.matches("assumed-role/[^/]+/.+")) {
            return PrincipalType.ASSUMED_ROLE;
        }
        if (service.equals("sts") && resource.matches("federated-user/.+")) {
            return PrincipalType.FEDERATED_USER;
        }
        throw invalid("'" + arn + "' names no user, role session or root");
    }

    private static StratusException invalid(String what) {
        return new StratusException(Problem.INVALID_INPUT, "AWS returned an identity Stratus cannot use: " + what + ".");
    }
}
