package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.core.access.Role;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.admin.UserView;
import io.stratus.core.session.UserSession;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the Users and Roles editor shows, read from the service in one go. */
record Directory(List<UserView> users, List<Role> roles, Map<String, List<String>> databaseLimits,
        Optional<String> defaultRole) {

    static Directory read(UserAdministration administration, UserSession actor) {
        List<UserView> users = administration.users(actor).stream()
                .sorted(Comparator.comparing(UserView::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        // Reading the default role has a permission of its own (manage-instance).
        Optional<String> defaultRole = actor.may(Action.READ_DEFAULT_ROLE)
                ? Optional.of(administration.defaultRole(actor)) : Optional.empty();
        return new Directory(users, administration.roles(actor), administration.databaseLimits(actor), defaultRole);
    }

    Optional<Role> role(String id) {
        return roles.stream().filter(role -> role.id().equals(id)).findFirst();
    }

    /** The names of these roles, in the service's order (built-in first). */
    String roleNames(Set<String> ids) {
        return roles.stream().filter(role -> ids.contains(role.id())).map(Role::name).collect(Collectors.joining(", "));
    }

    List<String> limitsOf(String roleId) {
        return databaseLimits.getOrDefault(roleId, List.of());
    }
}
