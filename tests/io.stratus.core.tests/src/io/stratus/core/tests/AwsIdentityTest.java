package io.stratus.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.PrincipalType;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsIdentityTest {

    @Test
    void iamUserIsKeyedByItsUniqueId() {
        AwsIdentity alice = new AwsIdentity("123456789012", "arn:aws:iam::123456789012:user/dev/alice",
                "AIDAJQABLZS4A3QDU576Q");
        assertEquals(PrincipalType.IAM_USER, alice.type());
        assertEquals("alice", alice.displayName());
        assertEquals("AIDAJQABLZS4A3QDU576Q", alice.principalId());
        assertEquals("aws", alice.partition());
        assertEquals(Optional.empty(), alice.sessionName());
    }

    @Test
    void recreatedUserWithSameNameIsAnotherPrincipal() {
        AwsIdentity before = new AwsIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", "AIDAOLDOLDOLDOLDOLD01");
        AwsIdentity after = new AwsIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", "AIDANEWNEWNEWNEWNEW02");
        assertEquals(before.displayName(), after.displayName());
        assertTrue(!before.principalId().equals(after.principalId()));
    }

    @Test
    void assumedRoleSessionsOfOneRoleAreOnePrincipal() {
        AwsIdentity monday = new AwsIdentity("123456789012",
                "arn:aws:sts::123456789012:assumed-role/DbaRole/alice@example.com", "AROA3XFRBF535PLBIFPI4:alice@example.com");
        AwsIdentity tuesday = new AwsIdentity("123456789012",
                "arn:aws:sts::123456789012:assumed-role/DbaRole/bob", "AROA3XFRBF535PLBIFPI4:bob");
        assertEquals(PrincipalType.ASSUMED_ROLE, monday.type());
        assertEquals("AROA3XFRBF535PLBIFPI4", monday.principalId());
        assertEquals(monday.principalId(), tuesday.principalId());
        assertEquals("DbaRole", monday.displayName());
        assertEquals(Optional.of("alice@example.com"), monday.sessionName());
    }

    @Test
    void rootAndFederatedUsers() {
        AwsIdentity root = new AwsIdentity("123456789012", "arn:aws:iam::123456789012:root", "123456789012");
        assertEquals(PrincipalType.ROOT, root.type());
        assertEquals("123456789012", root.principalId());
        AwsIdentity federated = new AwsIdentity("210987654321", "arn:aws-cn:sts::210987654321:federated-user/carol",
                "210987654321:carol");
        assertEquals(PrincipalType.FEDERATED_USER, federated.type());
        assertEquals("carol", federated.displayName());
        assertEquals("aws-cn", federated.partition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12345678901  | arn:aws:iam::12345678901:user/a        | AIDA1",
        "123456789012 | arn:aws:iam::210987654321:user/a       | AIDA1",
        "123456789012 | arn:aws:s3:::bucket                    | AIDA1",
        "123456789012 | arn:aws:iam::123456789012:group/admins | AIDA1",
        "123456789012 | arn:aws:iam::123456789012:user/a       | ' '",
    })
    void refusesIdentitiesThatAreNotPrincipals(String account, String arn, String userId) {
        StratusException e = assertThrows(StratusException.class, () -> new AwsIdentity(account, arn, userId));
        assertEquals(Problem.INVALID_INPUT, e.problem());
    }
}
