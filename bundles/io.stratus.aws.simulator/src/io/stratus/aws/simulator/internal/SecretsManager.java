package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.seed.RegionSeed;
import io.stratus.aws.simulator.seed.RegionSeed.SecretSeed;
import io.stratus.aws.simulator.seed.Seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * AWS Secrets Manager over JSON 1.1: {@code ListSecrets} (with AWS's prefix filters, {@code !} to
 * negate), {@code DescribeSecret} and {@code GetSecretValue} by version id or stage. A secret's
 * versions live as long as the simulator: {@link #rotate} adds one that becomes {@code AWSCURRENT},
 * the one before it {@code AWSPREVIOUS}. Reading a secret encrypted with a customer managed KMS key
 * also needs {@code kms:Decrypt}, denied as AWS denies it ("Access to KMS is not allowed").
 */
final class SecretsManager {

    private static final String CURRENT = "AWSCURRENT";
    private static final String PREVIOUS = "AWSPREVIOUS";
    private static final int DEFAULT_PAGE = 100;

    /** A version of a secret: its id, text and when it was made. */
    private record Version(String id, String secretString, Instant created) {
    }

    /** A secret's versions, the current one last; stages follow from the order. */
    private static final class Versions {
        private final List<Version> versions = new ArrayList<>();

        synchronized Version current() {
            return versions.getLast();
        }

        synchronized Optional<Version> byStage(String stage) {
            int index = switch (stage) {
                case CURRENT -> versions.size() - 1;
                case PREVIOUS -> versions.size() - 2;
                default -> -1;
            };
            return index < 0 ? Optional.empty() : Optional.of(versions.get(index));
        }

        synchronized Optional<Version> byId(String id) {
            return versions.stream().filter(version -> version.id().equals(id)).findFirst();
        }

        synchronized List<String> stagesOf(Version version) {
            int index = versions.indexOf(version);
            return index == versions.size() - 1 ? List.of(CURRENT) : index == versions.size() - 2 ? List.of(PREVIOUS)
                    : List.of();
        }

        /** Versions with a stage, as AWS lists them: older ones without a stage are deprecated and not shown. */
        synchronized Map<String, List<String>> staged() {
            Map<String, List<String>> staged = new java.util.LinkedHashMap<>();
            versions.stream().filter(version -> !stagesOf(version).isEmpty())
                    .forEach(version -> staged.put(version.id(), stagesOf(version)));
            return staged;
        }

        synchronized void add(Version version) {
            versions.add(version);
        }
    }

    private final Seed seed;
    /** Per secret ARN its versions, made when a secret is first read or rotated. */
    private final Map<String, Versions> versions = new ConcurrentHashMap<>();

    SecretsManager(Seed seed) {
        this.seed = seed;
    }

    JsonApi api() {
        return new JsonApi("secretsmanager", JsonApi.JSON_1_1, "secretsmanager", Map.of(
                "ListSecrets", this::listSecrets,
                "DescribeSecret", this::describeSecret,
                "GetSecretValue", this::getSecretValue));
    }

    /**
     * Gives the secret a new current version holding {@code secretString}, as a rotation does.
     *
     * @return the new version's id
     */
    String rotate(String accountId, String region, String name, String secretString, Instant now) {
        SecretSeed secret = seed.accounts().stream().filter(account -> account.id().equals(accountId)).findFirst()
                .map(account -> account.region(region)).flatMap(found -> find(found, name))
                .orElseThrow(() -> new IllegalArgumentException("No secret " + name + " in " + accountId + "/" + region));
        Version version = new Version(UUID.randomUUID().toString(), secretString, now);
        versionsOf(secret).add(version);
        return version.id();
    }

    private ObjectNode listSecrets(Invocation invocation, JsonNode input) {
        invocation.authorize("*");
        Predicate<SecretSeed> filters = filters(input.path("Filters"));
        List<SecretSeed> matching = invocation.callerRegion().secrets().stream().filter(filters).toList();
        int size = input.path("MaxResults").asInt(DEFAULT_PAGE);
        if (size < 1 || size > 100) {
            throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "MaxResults must be between 1 and 100.");
        }
        int from = input.hasNonNull("NextToken") ? token(input.get("NextToken").asText()) : 0;
        int to = Math.min(matching.size(), from + size);
        ObjectNode answer = JsonApi.object();
        ArrayNode list = answer.putArray("SecretList");
        for (SecretSeed secret : matching.subList(Math.min(from, matching.size()), to)) {
            ObjectNode entry = list.addObject();
            describe(secret, entry);
            entry.set("SecretVersionsToStages", stages(secret));
        }
        if (to < matching.size()) {
            answer.put("NextToken", Integer.toString(to));
        }
        return answer;
    }

    private ObjectNode describeSecret(Invocation invocation, JsonNode input) {
        SecretSeed secret = secret(invocation, input);
        invocation.authorize(secret.arn());
        ObjectNode answer = JsonApi.object();
        describe(secret, answer);
        answer.set("VersionIdsToStages", stages(secret));
        return answer;
    }

    private ObjectNode getSecretValue(Invocation invocation, JsonNode input) {
        SecretSeed secret = secret(invocation, input);
        invocation.authorize(secret.arn());
        if (secret.kmsKeyId() != null) {
            try {
                invocation.as("kms:Decrypt").authorize(secret.kmsKeyId());
            } catch (AwsError denied) {
                throw new AwsError(AwsError.Kind.ACCESS_DENIED, "Access to KMS is not allowed");
            }
        }
        Versions all = versionsOf(secret);
        Version version;
        if (input.hasNonNull("VersionId")) {
            version = all.byId(input.get("VersionId").asText()).orElseThrow(() -> notFound("version "
                    + input.get("VersionId").asText() + " of the specified secret"));
            if (input.hasNonNull("VersionStage") && !all.stagesOf(version).contains(input.get("VersionStage").asText())) {
                throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "You provided a VersionStage that is not"
                        + " associated to the provided VersionId.");
            }
        } else {
            String stage = input.hasNonNull("VersionStage") ? input.get("VersionStage").asText() : CURRENT;
            version = all.byStage(stage).orElseThrow(() -> notFound("secret value for staging label: " + stage));
        }
        ObjectNode answer = JsonApi.object()
                .put("ARN", secret.arn())
                .put("Name", secret.name())
                .put("VersionId", version.id())
                .put("SecretString", version.secretString())
                .put("CreatedDate", epochSeconds(version.created()));
        ArrayNode stages = answer.putArray("VersionStages");
        all.stagesOf(version).forEach(stages::add);
        return answer;
    }

    private static void describe(SecretSeed secret, ObjectNode entry) {
        entry.put("ARN", secret.arn()).put("Name", secret.name());
        if (secret.description() != null) {
            entry.put("Description", secret.description());
        }
        if (secret.kmsKeyId() != null) {
            entry.put("KmsKeyId", secret.kmsKeyId());
        }
        if (secret.owningService() != null) {
            entry.put("OwningService", secret.owningService());
        }
        entry.put("RotationEnabled", false);
        ArrayNode tags = entry.putArray("Tags");
        secret.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
    }

    private ObjectNode stages(SecretSeed secret) {
        ObjectNode stages = JsonApi.object();
        versionsOf(secret).staged().forEach((id, names) -> names.forEach(stages.putArray(id)::add));
        return stages;
    }

    private Versions versionsOf(SecretSeed secret) {
        return versions.computeIfAbsent(secret.arn(), arn -> {
            Versions made = new Versions();
            made.add(new Version(UUID.nameUUIDFromBytes(arn.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                    secret.secretString(), Instant.EPOCH));
            return made;
        });
    }

    /** The secret {@code SecretId} names, by ARN or name, in the caller's account and region. */
    private static SecretSeed secret(Invocation invocation, JsonNode input) {
        String id = input.path("SecretId").asText("");
        if (id.isEmpty()) {
            throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value null at 'secretId' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        return find(invocation.callerRegion(), id).orElseThrow(() -> notFound("the specified secret"));
    }

    /** By name, ARN, or partial ARN (without the six characters Secrets Manager appends), as AWS finds them. */
    private static Optional<SecretSeed> find(RegionSeed region, String id) {
        return region.secrets().stream().filter(secret -> secret.arn().equals(id) || secret.name().equals(id)
                || secret.arn().equals(id + secret.arn().substring(secret.arn().length() - 7))).findFirst();
    }

    private static AwsError notFound(String what) {
        return new AwsError(AwsError.Kind.RESOURCE_NOT_FOUND, "Secrets Manager can't find " + what + ".");
    }

    /**
     * ListSecrets's filters: each key's values are prefixes (a leading {@code !} negates one), a
     * secret must match every key; {@code all} looks at name, description and tags.
     */
    private static Predicate<SecretSeed> filters(JsonNode filters) {
        Predicate<SecretSeed> all = secret -> true;
        for (JsonNode filter : filters) {
            String key = filter.path("Key").asText();
            List<String> values = new ArrayList<>();
            filter.path("Values").forEach(value -> values.add(value.asText()));
            all = all.and(secret -> values.stream().anyMatch(value -> value.startsWith("!")
                    ? fields(secret, key).stream().noneMatch(field -> field.startsWith(value.substring(1)))
                    : fields(secret, key).stream().anyMatch(field -> field.startsWith(value))));
        }
        return all;
    }

    private static List<String> fields(SecretSeed secret, String key) {
        return switch (key) {
            case "name" -> List.of(secret.name());
            case "description" -> secret.description() == null ? List.of() : List.of(secret.description());
            case "tag-key" -> List.copyOf(secret.tags().keySet());
            case "tag-value" -> List.copyOf(secret.tags().values());
            case "owning-service" -> secret.owningService() == null ? List.of() : List.of(secret.owningService());
            case "all" -> {
                List<String> every = new ArrayList<>(fields(secret, "name"));
                every.addAll(fields(secret, "description"));
                every.addAll(fields(secret, "tag-key"));
                every.addAll(fields(secret, "tag-value"));
                yield every;
            }
            default -> throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value '" + key
                    + "' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [all, name, tag-key, description, owning-service, tag-value, primary-region]");
        };
    }

    private static int token(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "The NextToken value is invalid.");
        }
    }

    private static double epochSeconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }
}
