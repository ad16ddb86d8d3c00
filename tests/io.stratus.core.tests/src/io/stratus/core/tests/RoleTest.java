package io.stratus.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void builtInRolesFollowTheRolesModel() {
        assertEquals(EnumSet.allOf(Permission.class), Role.ADMINISTRATOR.permissions());
        assertTrue(Role.USER.allows(Permission.WRITE_DATA));
        assertFalse(Role.USER.allows(Permission.MANAGE_USERS));
        assertTrue(Role.VIEWER.allows(Permission.EXPLORE));
        assertFalse(Role.VIEWER.allows(Permission.WRITE_DATA));
    }

    @Test
    void customRolesAreImmutableCopies() {
        EnumSet<Permission> chosen = EnumSet.of(Permission.EXPLORE);
        Role auditor = Role.custom("auditor", "Auditor", chosen);
        chosen.add(Permission.WRITE_DATA);
        assertEquals(Set.of(Permission.EXPLORE), auditor.permissions());
        assertFalse(auditor.builtIn());
        assertThrows(UnsupportedOperationException.class, () -> auditor.permissions().add(Permission.CONNECT));
    }

    @Test
    void unionOfRoles() {
        Role auditor = Role.custom("auditor", "Auditor", EnumSet.of(Permission.READ_AUDIT));
        assertEquals(EnumSet.of(Permission.EXPLORE, Permission.CONNECT, Permission.READ_AUDIT),
                Role.union(List.of(Role.VIEWER, auditor)));
    }

    @Test
    void badIdsAndNamesAreRefusedWithAHint() {
        StratusException e = assertThrows(StratusException.class, () -> Role.custom("Bad Id", "x", Set.of()));
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
        assertThrows(StratusException.class, () -> Role.custom("ok-id", " ", Set.of()));
    }

    @Test
    void permissionsRoundTripThroughTheirIds() {
        for (Permission p : Permission.values()) {
            assertEquals(p, Permission.fromId(p.id()));
        }
        StratusException e = assertThrows(StratusException.class, () -> Permission.fromId("root"));
        assertTrue(e.getMessage().contains("explore"), e.getMessage());
    }
}
