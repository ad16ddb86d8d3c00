package io.stratus.core.session;

/**
 * A role the person may sign in as through IAM Identity Center: a permission set assigned to them in
 * an AWS account (IAM Identity Center calls it a role; the keys it gives belong to the role {@code
 * AWSReservedSSO_NAME_...} of the account).
 */
public record IdentityCenterRole(String accountId, String accountName, String roleName) {
}
