package io.stratus.core.identity;

/** What kind of AWS principal signed in, as told by the ARN that STS returned. */
public enum PrincipalType {
    /** The account's root user: {@code arn:aws:iam::123456789012:root}. */
    ROOT,
    /** An IAM user: {@code arn:aws:iam::123456789012:user/path/name}. */
    IAM_USER,
    /** A session of an assumed role: {@code arn:aws:sts::123456789012:assumed-role/Role/session}. */
    ASSUMED_ROLE,
    /** A federated user from GetFederationToken: {@code arn:aws:sts::123456789012:federated-user/name}. */
    FEDERATED_USER
}
