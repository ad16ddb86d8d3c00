package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

import java.util.Map;

/** AWS Identity and Access Management: the account alias, which a console shows instead of the id, and MFA devices. */
final class Iam {

    /** When the simulator's devices were enabled; the seed does not say. */
    private static final String ENABLE_DATE = "2025-01-01T00:00:00Z";

    private Iam() {
    }

    static QueryApi api() {
        return new QueryApi("iam", "2010-05-08", Map.of(
                "ListAccountAliases", Iam::listAccountAliases,
                "ListMFADevices", Iam::listMfaDevices));
    }

    private static void listAccountAliases(Invocation invocation, Map<String, String> parameters, Xml result) {
        invocation.authorize("*");
        String alias = invocation.caller().account().alias();
        result.start("AccountAliases");
        if (alias != null) {
            result.leaf("member", alias);
        }
        result.end().leaf("IsTruncated", false);
    }

    /** The devices of the user named, or of the calling user; a role session must name a user. */
    private static void listMfaDevices(Invocation invocation, Map<String, String> parameters, Xml result) {
        Principal caller = invocation.caller();
        Seed.Account account = caller.account();
        String userName = parameters.get("UserName");
        if (userName == null && !(caller instanceof Principal.User)) {
            throw new AwsError(AwsError.Kind.VALIDATION, "Must specify userName when calling with non-User credentials");
        }
        Seed.User user = userName == null ? ((Principal.User) caller).user()
                : account.users().stream().filter(candidate -> candidate.name().equals(userName)).findFirst().orElse(null);
        invocation.authorize(user != null ? user.arn(account.id()) : "arn:aws:iam::" + account.id() + ":user/" + userName);
        if (user == null) {
            throw new AwsError(AwsError.Kind.NO_SUCH_ENTITY, "The user with name " + userName + " cannot be found.");
        }
        result.list("MFADevices", "member", user.mfaDevices(), (device, xml) -> xml
                        .leaf("UserName", user.name())
                        .leaf("SerialNumber", account.mfaSerial(device))
                        .leaf("EnableDate", ENABLE_DATE))
                .leaf("IsTruncated", false);
    }
}
