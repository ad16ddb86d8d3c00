package io.stratus.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.admin.AuditRecord;
import io.stratus.core.admin.UserView;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.Login;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.UserSession;
import io.stratus.core.explorer.ExplorerTree;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API's JSON for each kind of thing, in one place so that every route shows a thing the same
 * way. Nothing here can carry a secret: sessions show who and until when, never keys or ids.
 */
final class JsonViews {

    private final ObjectMapper json;
    /** Which sessions came from IAM Identity Center: re-authenticating those asks for an approval, not keys. */
    private final IdentityCenter identityCenter;

    JsonViews(ObjectMapper json, IdentityCenter identityCenter) {
        this.json = json;
        this.identityCenter = identityCenter;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ObjectNode session(UserSession session, UserView self) {
        ObjectNode node = object()
                .put("principalId", session.principalId())
                .put("arn", session.identity().arn())
                .put("accountId", session.identity().accountId())
                .put("type", session.identity().type().name())
                .put("displayName", self.displayName())
                .put("signedInAt", session.signedInAt().toString())
                .put("expiresAt", session.expiresAt().toString());
        session.keysExpireAt().ifPresent(at -> node.put("keysExpireAt", at.toString())
                .put("keysWarnAt", at.minus(UserSession.KEYS_WARNING).toString()));
        node.put("keysExpired", session.keysLapse().isPresent());
        session.keysLapse().ifPresent(lapse -> node.put("keysLapse", lapse.id()));
        identityCenter.signedInThrough(session.id()).ifPresent(through -> node.putObject("identityCenter")
                .put("startUrl", through.portal().startUrl()).put("region", through.portal().region())
                .put("accountId", through.accountId()).put("roleName", through.roleName()));
        strings(node.putArray("roles"), self.roleIds().stream().sorted().toList());
        Set<Permission> held = session.permissions(); // read once: each read is a trip to the store
        permissions(node.putArray("permissions"), held);
        Arrays.stream(Action.values()).filter(action -> held.contains(action.permission())).map(Action::id).sorted()
                .forEach(node.putArray("actions")::add);
        account(node, session.accountDetails());
        return node;
    }

    void account(ObjectNode node, AccountDetails details) {
        details.alias().ifPresent(alias -> node.put("accountAlias", alias));
        details.organizationId().ifPresent(id -> node.put("organizationId", id));
    }

    ObjectNode user(UserView user) {
        ObjectNode node = object()
                .put("id", user.principalId())
                .put("arn", user.arn())
                .put("displayName", user.displayName())
                .put("type", user.type().name())
                .put("firstSignIn", user.firstSignIn().toString())
                .put("lastSignIn", user.lastSignIn().toString());
        strings(node.putArray("roles"), user.roleIds().stream().sorted().toList());
        return node;
    }

    /** With the patterns of the databases it may open; none: every database. */
    ObjectNode role(Role role, List<String> databases) {
        ObjectNode node = object().put("id", role.id()).put("name", role.name()).put("builtIn", role.builtIn());
        permissions(node.putArray("permissions"), role.permissions());
        strings(node.putArray("databases"), databases);
        return node;
    }

    ObjectNode audit(AuditRecord record) {
        ObjectNode node = object().put("at", record.at().toString()).put("action", record.action())
                .put("outcome", record.outcome());
        optional(node, "actor", Optional.ofNullable(record.actor()));
        optional(node, "detail", Optional.ofNullable(record.detail()));
        return node;
    }

    ObjectNode tree(ExplorerTree tree) {
        ObjectNode node = object().put("accountId", tree.accountId());
        ArrayNode services = node.putArray("services");
        for (ExplorerTree.ServiceNode service : tree.services()) {
            ObjectNode serviceNode = services.addObject().put("service", service.service().id())
                    .put("name", service.service().displayName());
            strings(serviceNode.putArray("iamActions"), service.service().iamActions());
            ArrayNode regions = serviceNode.putArray("regions");
            for (ExplorerTree.RegionNode region : service.regions()) {
                ObjectNode regionNode = regions.addObject().put("region", region.region())
                        .put("scannedAt", region.scannedAt().toString());
                ObjectNode status = regionNode.putObject("status").put("outcome", region.status().outcome().name())
                        .put("detail", region.status().detail());
                strings(status.putArray("missingActions"), region.status().missingActions());
                ArrayNode resources = regionNode.putArray("resources");
                region.resources().forEach(resource -> resources.add(resource(resource)));
            }
        }
        return node;
    }

    /** An engine of the installed bundles, and whether a connector of theirs opens its databases. */
    ObjectNode engine(DatabaseEngine engine, boolean openable) {
        ObjectNode node = object().put("id", engine.id()).put("name", engine.name()).put("family", engine.family())
                .put("openable", openable);
        optional(node, "icon", engine.icon());
        DatabaseEngine.ConnectionDefaults defaults = engine.defaults();
        ObjectNode defaultsNode = node.putObject("defaults").put("port", defaults.port())
                .put("tlsRequired", defaults.tlsRequired());
        ArrayNode logins = defaultsNode.putArray("logins");
        defaults.logins().forEach(method -> logins.add(object().put("id", method.id()).put("description",
                method.description())));
        optional(defaultsNode, "database", defaults.database());
        return node;
    }

    ObjectNode resource(CloudResource resource) {
        ObjectNode node = object()
                .put("id", resource.id())
                .put("service", resource.service().id())
                .put("region", resource.region())
                .put("name", resource.name())
                .put("kind", resource.kind())
                .put("engine", resource.engine())
                .put("engineVersion", resource.engineVersion())
                .put("status", resource.status())
                .put("iamAuthentication", resource.iamAuthentication())
                .put("tlsRequired", resource.tlsRequired());
        resource.endpoint().ifPresent(e -> node.putObject("endpoint").put("host", e.host()).put("port", e.port()));
        optional(node, "database", resource.databaseName());
        strings(node.putObject("tags"), resource.tags());
        strings(node.putObject("details"), resource.details());
        ArrayNode members = node.putArray("members");
        resource.members().forEach(member -> members.add(resource(member)));
        return node;
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    /** An open database as its owner sees it; nothing of the login but the user name. */
    ObjectNode openDatabase(OpenDatabase open) {
        ObjectNode node = object().put("id", open.id()).put("resourceId", open.resourceId()).put("engine", open.engine())
                .put("username", open.username()).put("login", open.login().method().id())
                .put("readOnly", open.mode() == AccessMode.READ_ONLY).put("openedAt", open.openedAt().toString());
        optional(node, "database", open.database());
        return node;
    }

    ObjectNode savedConnection(SavedConnection connection) {
        ObjectNode node = object().put("id", connection.id()).put("name", connection.name())
                .put("resourceId", connection.resourceId());
        optional(node, "database", connection.database());
        return login(node, connection.login());
    }

    /** How a saved connection logs in: the method and its fields, as an open request takes them; never a password. */
    private ObjectNode login(ObjectNode node, Login login) {
        node.put("login", login.method().id());
        switch (login) {
            case Login.Password password -> node.put("username", password.username());
            case Login.IamToken iam -> node.put("username", iam.username());
            case Login.SecretsManager secret -> node.put("secretArn", secret.secretArn());
            case Login.IssuedForUser issued -> {
                node.put("username", issued.username()).put("autoCreate", issued.autoCreate());
                ArrayNode groups = node.putArray("groups");
                issued.groups().forEach(groups::add);
            }
            case Login.IssuedForIdentity identity -> { }
            case Login.AwsIdentity identity -> { }
        }
        return node;
    }

    ObjectNode connectionSpec(ConnectionSpec spec) {
        ObjectNode node = object().put("resourceId", spec.resourceId()).put("engine", spec.engine())
                .put("region", spec.region()).put("host", spec.host()).put("port", spec.port())
                .put("tlsRequired", spec.tlsRequired()).put("iamAuthentication", spec.iamAuthentication());
        optional(node, "database", spec.database());
        return node;
    }

    /** The declared permissions and the one each action needs, for front ends to build their commands from. */
    ObjectNode permissionTable() {
        ObjectNode node = object();
        ArrayNode permissions = node.putArray("permissions");
        for (Permission permission : Permission.values()) {
            permissions.addObject().put("id", permission.id()).put("description", permission.description());
        }
        ArrayNode actions = node.putArray("actions");
        for (Action action : Action.values()) {
            actions.addObject().put("id", action.id()).put("description", action.description())
                    .put("permission", action.permission().id());
        }
        return node;
    }

    private static void permissions(ArrayNode array, Collection<Permission> permissions) {
        permissions.stream().map(Permission::id).sorted().forEach(array::add);
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static void strings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    private static void optional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }
}
