package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, roles, the default role and the audit trail. The services check the permissions
 * themselves; a route only translates between JSON and them.
 */
final class AdminRoutes {

    private static final int DEFAULT_AUDIT_LIMIT = 100;
    private static final int MAX_AUDIT_LIMIT = 1_000;

    private final UserAdministration admin;
    private final JsonViews views;

    AdminRoutes(UserAdministration admin, JsonViews views) {
        this.admin = admin;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", "/api/users", this::users)
                .add("PUT", "/api/users/{id}/roles", this::setRoles)
                .add("GET", "/api/roles", this::roles)
                .add("POST", "/api/roles", this::createRole)
                .add("PUT", "/api/roles/{id}", this::changeRole)
                .add("DELETE", "/api/roles/{id}", this::deleteRole)
                .add("PUT", "/api/roles/{id}/databases", this::limitDatabases)
                .add("PUT", "/api/instance/default-role", this::setDefaultRole)
                .add("GET", "/api/audit", this::audit);
    }

    private ApiResponse users(ApiRequest request) {
        ObjectNode body = views.object();
        ArrayNode users = body.putArray("users");
        admin.users(request.signedIn()).forEach(user -> users.add(views.user(user)));
        return ApiResponse.ok(body);
    }

    private ApiResponse setRoles(ApiRequest request) {
        Set<String> roleIds = strings(request.body().get("roles"), "roles");
        return ApiResponse.ok(views.user(admin.setRoles(request.signedIn(), request.pathParameter("id"), roleIds)));
    }

    private ApiResponse roles(ApiRequest request) {
        ObjectNode body = views.object();
        ArrayNode roles = body.putArray("roles");
        Map<String, List<String>> limits = admin.databaseLimits(request.signedIn());
        admin.roles(request.signedIn()).forEach(role -> roles.add(views.role(role, limits.getOrDefault(role.id(), List.of()))));
        body.put("defaultRole", admin.defaultRole(request.signedIn()));
        return ApiResponse.ok(body);
    }

    private ApiResponse createRole(ApiRequest request) {
        String id = request.text("id");
        if (admin.roles(request.signedIn()).stream().anyMatch(role -> role.id().equals(id))) {
            throw new StratusException(Problem.CONFLICT, "A role with id '" + id + "' exists already. Choose another "
                    + "id, or change that role with PUT /api/roles/" + id + ".");
        }
        return ApiResponse.created(role(request, admin.saveCustomRole(request.signedIn(), customRole(request, id))));
    }

    private ApiResponse changeRole(ApiRequest request) {
        String id = request.pathParameter("id");
        if (admin.roles(request.signedIn()).stream().noneMatch(role -> role.id().equals(id))) {
            throw new StratusException(Problem.NOT_FOUND, "There is no role '" + id + "'. Create it with POST /api/roles.");
        }
        return ApiResponse.ok(role(request, admin.saveCustomRole(request.signedIn(), customRole(request, id))));
    }

    /** {@code {"patterns": [...]}}: the databases the role may open; none lifts the limit. */
    private ApiResponse limitDatabases(ApiRequest request) {
        String id = request.pathParameter("id");
        List<String> patterns = List.copyOf(strings(request.body().get("patterns"), "patterns"));
        admin.setDatabaseLimits(request.signedIn(), id, patterns);
        ObjectNode body = views.object().put("id", id);
        patterns.stream().sorted().forEach(body.putArray("databases")::add);
        return ApiResponse.ok(body);
    }

    private ObjectNode role(ApiRequest request, Role role) {
        return views.role(role, admin.databaseLimits(request.signedIn()).getOrDefault(role.id(), List.of()));
    }

    private ApiResponse deleteRole(ApiRequest request) {
        admin.deleteCustomRole(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    /** The role a user gets at first sign-in. */
    private ApiResponse setDefaultRole(ApiRequest request) {
        admin.setDefaultRole(request.signedIn(), request.text("role"));
        return ApiResponse.ok(views.object().put("defaultRole", admin.defaultRole(request.signedIn())));
    }

    private ApiResponse audit(ApiRequest request) {
        int limit = limit(request.query().get("limit"));
        ObjectNode body = views.object();
        ArrayNode entries = body.putArray("entries");
        admin.audit(request.signedIn(), limit).forEach(entry -> entries.add(views.audit(entry)));
        return ApiResponse.ok(body);
    }

    private static Role customRole(ApiRequest request, String id) {
        Set<Permission> permissions = new LinkedHashSet<>();
        strings(request.body().get("permissions"), "permissions").forEach(permission -> permissions.add(Permission.fromId(permission)));
        return Role.custom(id, request.text("name"), permissions);
    }

    private static Set<String> strings(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw new StratusException(Problem.INVALID_INPUT, "The request needs \"" + field + "\": a list of texts.");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new StratusException(Problem.INVALID_INPUT, "Every entry of \"" + field + "\" must be text.");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_AUDIT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_AUDIT_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new StratusException(Problem.INVALID_INPUT, "limit must be a number from 1 to " + MAX_AUDIT_LIMIT + ".");
    }
}
