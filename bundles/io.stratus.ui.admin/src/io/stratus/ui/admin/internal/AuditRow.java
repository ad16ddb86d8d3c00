package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.core.admin.AuditRecord;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.admin.UserView;
import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An audit entry with the name of who did it, when the reader may list users (else the name is
 * empty). Some entries have no actor, such as a sign-in AWS refused.
 */
record AuditRow(AuditRecord record, String name) {

    /** The name and principal id of who did it, the id alone, or nothing. */
    String who() {
        String actor = Objects.requireNonNullElse(record.actor(), "");
        return name.isEmpty() ? actor : name + " (" + actor + ")";
    }

    /** The newest entries the service gives, newest first. */
    static List<AuditRow> read(UserAdministration administration, UserSession actor) {
        Map<String, String> names = actor.may(Action.LIST_USERS)
                ? administration.users(actor).stream().collect(Collectors.toMap(UserView::principalId, UserView::displayName))
                : Map.of();
        return administration.audit(actor, UserAdministration.MAX_AUDIT_ENTRIES).stream()
                .map(entry -> new AuditRow(entry, entry.actor() == null ? "" : names.getOrDefault(entry.actor(), "")))
                .toList();
    }
}
