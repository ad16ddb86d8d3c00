package io.stratus.store.internal;

import io.stratus.core.access.Role;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.store.AuditEntry;
import io.stratus.core.store.InstanceBinding;
import io.stratus.core.store.StoreWriter;
import io.stratus.core.store.StoredUser;

import java.time.Instant;

/**
 * What the first sign-in to an unconfigured instance writes in one transaction over two areas: the
 * user, the Administrator grant, an audit line and, last, the binding to the user's account, so that a
 * refused binding has earlier writes to roll back. Free of JUnit: the setup process runs it too.
 */
final class FirstSetup {

    static final String ACCOUNT = "123456789012";
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    private FirstSetup() {
    }

    static StoredUser user(String principalId) {
        String name = principalId.toLowerCase();
        return new StoredUser(principalId, "arn:aws:iam::" + ACCOUNT + ":user/" + name, name, PrincipalType.IAM_USER, AT, AT);
    }

    static void run(StoreWriter writer, String principalId) {
        writer.identity().saveUser(user(principalId));
        writer.identity().grant(principalId, Role.ADMINISTRATOR.id());
        writer.audit().append(new AuditEntry(AT, principalId, "setup", "ok", "bound the instance to account " + ACCOUNT));
        writer.identity().bind(new InstanceBinding(ACCOUNT, "aws", principalId, AT));
    }
}
