package io.stratus.aws.simulator.internal;

import java.util.Map;

/** AWS Identity and Access Management: the account alias, which a console shows instead of the id. */
final class Iam {

    private Iam() {
    }

    static QueryApi api() {
        return new QueryApi("iam", "2010-05-08", Map.of("ListAccountAliases", Iam::listAccountAliases));
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
}
