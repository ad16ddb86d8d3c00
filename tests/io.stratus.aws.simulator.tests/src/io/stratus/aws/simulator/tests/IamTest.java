package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALIAS;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.CAROL;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** IAM's account alias, and the allow/deny lists that decide who may read it. */
class IamTest extends SimulatorTestBase {

    @Test
    void listsTheAccountAlias() {
        assertEquals(List.of(ALIAS), iam(ALICE).listAccountAliases().accountAliases());
    }

    @Test
    void anAccountWithoutAliasListsNone() {
        assertEquals(List.of(), iam(CAROL).listAccountAliases().accountAliases());
    }

    @Test
    void anExplicitDenyIsAccessDenied() {
        AwsServiceException error = assertAwsError("AccessDenied", 403, () -> iam(DAVE).listAccountAliases());
        assertEquals("User: " + DAVE_ARN + " is not authorized to perform: iam:ListAccountAliases on resource: *"
                + " with an explicit deny in an identity-based policy", error.awsErrorDetails().errorMessage());
    }

    @Test
    void anActionOutsideTheAllowListIsAccessDenied() {
        AwsServiceException error = assertAwsError("AccessDenied", 403, () -> iam(BOB).listAccountAliases());
        assertEquals("User: " + BOB_ARN + " is not authorized to perform: iam:ListAccountAliases on resource: *"
                + " because no identity-based policy allows the iam:ListAccountAliases action",
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void whoAmIIsAnsweredEvenUnderADeny() {
        assertEquals(DAVE_ARN, sts(DAVE).getCallerIdentity().arn());
    }
}
