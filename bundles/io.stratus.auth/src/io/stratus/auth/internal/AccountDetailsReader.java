package io.stratus.auth.internal;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsKeys;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads the optional account facts with the person's own keys. Each one is best effort: AWS
 * refusing it (no IAM permission, no organization) leaves it out and never affects sign-in.
 */
final class AccountDetailsReader {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDetailsReader.class);
    private static final String DESCRIBE_ORGANIZATION = "AWSOrganizationsV20161128.DescribeOrganization";

    private final AwsClients aws;

    AccountDetailsReader(AwsClients aws) {
        this.aws = aws;
    }

    AccountDetails read(AwsKeys keys) {
        Optional<String> alias = alias(keys);
        Optional<Map<String, JsonNode>> organization = organization(keys);
        return new AccountDetails(alias,
                organization.flatMap(o -> text(o, "Id")),
                organization.flatMap(o -> text(o, "MasterAccountId")));
    }

    private Optional<String> alias(AwsKeys keys) {
        try {
            return aws.call(keys, AwsService.iam(), "ListAccountAliases",
                    (iam, signedAs) -> iam.listAccountAliases(r -> r.overrideConfiguration(signedAs)))
                    .accountAliases().stream().findFirst();
        } catch (StratusException e) {
            leftOut("account alias", e);
            return Optional.empty();
        }
    }

    private Optional<Map<String, JsonNode>> organization(AwsKeys keys) {
        try {
            String answer = aws.callJson(keys, "organizations", DESCRIBE_ORGANIZATION, "{}");
            JsonNode organization = JsonNode.parser().parse(answer).asObject().get("Organization");
            return organization == null || !organization.isObject() ? Optional.empty()
                    : Optional.of(organization.asObject());
        } catch (StratusException e) {
            leftOut("organization", e);
            return Optional.empty();
        }
    }

    private static Optional<String> text(Map<String, JsonNode> fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || !node.isString() ? Optional.empty() : Optional.of(node.asString());
    }

    private static void leftOut(String what, StratusException why) {
        LOG.debug("Leaving out the {}: {}", what, why.getMessage());
    }
}
