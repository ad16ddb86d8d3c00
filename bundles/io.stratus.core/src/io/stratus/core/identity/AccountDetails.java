package io.stratus.core.identity;

import java.util.Optional;

/**
 * Optional facts about the AWS account, read with the person's own keys when IAM allows it:
 * the account alias ({@code iam:ListAccountAliases}) and the organization
 * ({@code organizations:DescribeOrganization}). Missing permissions just leave them empty.
 */
public record AccountDetails(Optional<String> alias, Optional<String> organizationId,
        Optional<String> organizationMasterAccountId) {

    public static final AccountDetails NONE = new AccountDetails(Optional.empty(), Optional.empty(), Optional.empty());
}
