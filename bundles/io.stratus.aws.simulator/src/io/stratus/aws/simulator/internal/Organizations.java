package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.seed.Seed;

import java.util.Map;

/** AWS Organizations, which speaks JSON 1.1: which organization the caller's account belongs to. */
final class Organizations {

    private final Identities identities;

    Organizations(Identities identities) {
        this.identities = identities;
    }

    JsonApi api() {
        return new JsonApi("organizations", JsonApi.JSON_1_1, "AWSOrganizationsV20161128",
                Map.of("DescribeOrganization", this::describeOrganization));
    }

    private ObjectNode describeOrganization(Invocation invocation, JsonNode input) {
        invocation.authorize("*");
        Seed.Organization organization = identities.organization(invocation.caller().account())
                .orElseThrow(() -> new AwsError(AwsError.Kind.ORGANIZATIONS_NOT_IN_USE,
                        "Your account is not a member of an organization."));
        ObjectNode answer = JsonApi.object();
        answer.putObject("Organization")
                .put("Id", organization.id())
                .put("Arn", organization.arn())
                .put("FeatureSet", "ALL")
                .put("MasterAccountArn", organization.masterAccountArn())
                .put("MasterAccountId", organization.masterAccountId())
                .put("MasterAccountEmail", organization.masterAccountEmail());
        return answer;
    }
}
