package io.stratus.profiles.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.IdentityCenterLogin;
import io.stratus.profiles.internal.ProfileSet.Profile;
import io.stratus.profiles.internal.SharedFile.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What signing in with a profile takes, worked out from the files as the AWS CLI does, without running
 * anything: where the first keys come from (the profile's access keys, its credential process, IAM Identity
 * Center) and the roles assumed with them, following {@code source_profile} (a role profile's own access keys
 * serve it when it names itself). The profile chosen uses its {@code role_arn} first; a source profile uses
 * its access keys first, as the AWS CLI has it.
 */
record ProfilePlan(String profile, Source source, List<Hop> hops) {

    /** Where the first keys come from. */
    sealed interface Source {
        String summary();
    }

    record AccessKeys(Profile profile) implements Source {
        @Override
        public String summary() {
            return "the access keys of profile '" + profile.name() + "'";
        }
    }

    record Process(Profile profile) implements Source {
        @Override
        public String summary() {
            return "the keys the credential_process of profile '" + profile.name() + "' prints";
        }
    }

    record IdentityCenter(Profile profile, String startUrl, String region, String accountId, String roleName)
            implements Source {
        @Override
        public String summary() {
            return "IAM Identity Center (" + startUrl + "), role " + roleName + " of account " + accountId;
        }
    }

    /** A role assumed, with the MFA device whose code its call gives. */
    record Hop(Profile profile, RoleToAssume role, Optional<String> mfaSerial) {
    }

    static ProfilePlan of(ProfileSet profiles, String name) {
        Profile chosen = profiles.profile(name).orElseThrow(() -> invalid("There is no profile '" + name + "' in "
                + profiles.configFile() + " or " + profiles.credentialsFile() + " (any more). Choose another profile."));
        List<Hop> hops = new ArrayList<>();
        Source source = sourceOf(profiles, chosen, true, hops, new ArrayList<>());
        Collections.reverse(hops);
        List<Hop> withMfa = hops.stream().filter(hop -> hop.mfaSerial().isPresent()).toList();
        if (withMfa.size() > 1) {
            throw invalid("Signing in with profile '" + name + "' would take an MFA code for each of the profiles "
                    + withMfa.stream().map(hop -> "'" + hop.profile().name() + "'").collect(Collectors.joining(" and "))
                    + " (their key mfa_serial), and Stratus asks for one. Keep mfa_serial on one of them.");
        }
        return new ProfilePlan(name, source, List.copyOf(hops));
    }

    /** The IAM Identity Center sign-in the profile's keys start with, roles assumed on top of it or not. */
    Optional<IdentityCenterLogin> identityCenterLogin() {
        return source instanceof IdentityCenter center
                ? Optional.of(new IdentityCenterLogin(center.startUrl(), center.region(), center.accountId(),
                        center.roleName()))
                : Optional.empty();
    }

    /** The serial of the MFA device whose code signing in takes, if any. */
    Optional<String> mfaSerial() {
        return hops.stream().flatMap(hop -> hop.mfaSerial().stream()).findFirst();
    }

    String summary() {
        if (hops.isEmpty()) {
            return capitalized(source.summary());
        }
        RoleToAssume last = hops.getLast().role();
        StringBuilder summary = new StringBuilder("Role " + last.roleArn() + ", assumed with " + source.summary());
        for (Hop hop : hops.subList(0, hops.size() - 1)) {
            summary.append(", then role ").append(hop.role().roleArn());
        }
        mfaSerial().ifPresent(serial -> summary.append("; asks for a code of the MFA device ").append(serial));
        return summary.toString();
    }

    /**
     * The request: the first keys (running the credential process), then each role, the code going with the
     * role whose profile has {@code mfa_serial}. The code is the request's from then on, or wiped on failure.
     */
    SignInRequest request(Optional<Secret> mfaCode, Duration processTimeout,
            Function<IdentityCenterLogin, SignInRequest> identityCenterKeys) {
        try {
            if (mfaSerial().isPresent() && (mfaCode.isEmpty() || mfaCode.get().isBlank())) {
                Hop hop = hops.stream().filter(candidate -> candidate.mfaSerial().isPresent()).findFirst().orElseThrow();
                throw invalid("Profile '" + profile + "' assumes its role with MFA (" + hop.profile().where("mfa_serial")
                        + " is " + hop.mfaSerial().get() + "): type the code that MFA device shows now.");
            }
            SignInRequest request = firstKeys(processTimeout, identityCenterKeys);
            for (Hop hop : hops) {
                request = request.assuming(hop.role());
                if (hop.mfaSerial().isPresent()) {
                    request = request.withMfa(new MfaCode(hop.mfaSerial(), mfaCode.orElseThrow()));
                }
            }
            if (mfaSerial().isEmpty()) {
                mfaCode.ifPresent(Secret::clear);
            }
            return request;
        } catch (RuntimeException e) {
            mfaCode.ifPresent(Secret::clear);
            throw e;
        }
    }

    private SignInRequest firstKeys(Duration processTimeout,
            Function<IdentityCenterLogin, SignInRequest> identityCenterKeys) {
        return switch (source) {
            case AccessKeys keys -> SignInRequest.withKeys(new AwsCredentials(keys.profile().text("aws_access_key_id")
                    .orElseThrow(), secret(keys.profile(), "aws_secret_access_key").orElseThrow(),
                    secret(keys.profile(), "aws_session_token").orElse(null)));
            case Process process -> CredentialProcess.run(process.profile(), processTimeout);
            case IdentityCenter center -> identityCenterKeys.apply(identityCenterLogin().orElseThrow());
        };
    }

    private static Optional<Secret> secret(Profile profile, String key) {
        return profile.value(key).map(Value::chars).filter(chars -> chars.length > 0).map(Secret::of);
    }

    private static Source sourceOf(ProfileSet profiles, Profile profile, boolean chosen, List<Hop> hops,
            List<String> visited) {
        visited.add(profile.name());
        boolean accessKeys = profile.has("aws_access_key_id") || profile.has("aws_secret_access_key");
        if (profile.has("role_arn") && !profile.has("web_identity_token_file") && (chosen || !accessKeys)) {
            hops.add(hop(profile));
            return sourceOfRole(profiles, profile, hops, visited);
        }
        if (profile.has("web_identity_token_file")) {
            throw invalid("The " + profile.described() + " signs in with a web identity token (key "
                    + "web_identity_token_file), which Stratus does not take: that is for programs in EKS or CI. "
                    + "Choose a profile of access keys, a role with a source_profile, a credential_process or IAM "
                    + "Identity Center.");
        }
        if (profile.has("sso_session") || profile.has("sso_start_url")) {
            return identityCenter(profiles, profile);
        }
        if (accessKeys) {
            for (String key : List.of("aws_access_key_id", "aws_secret_access_key")) {
                if (!profile.has(key)) {
                    throw invalid("The " + profile.described() + " has access keys without its " + key + ": add "
                            + profile.where(key) + ".");
                }
            }
            return new AccessKeys(profile);
        }
        if (profile.has("credential_process")) {
            return new Process(profile);
        }
        throw invalid("The " + profile.described() + " has no credentials: none of aws_access_key_id with "
                + "aws_secret_access_key, role_arn with source_profile, credential_process or sso_session. Add them, "
                + "or choose another profile" + (chosen ? "." : " as the source_profile."));
    }

    private static Source sourceOfRole(ProfileSet profiles, Profile profile, List<Hop> hops, List<String> visited) {
        if (profile.has("credential_source")) {
            throw invalid((profile.has("source_profile") ? "The " + profile.described() + " has both source_profile "
                    + "and credential_source; the AWS CLI refuses that too. " : "")
                    + "Stratus does not take the keys of " + profile.where("credential_source") + " ("
                    + profile.text("credential_source").orElseThrow() + "): credential_source is for programs on EC2, "
                    + "ECS or with keys in their environment. Use source_profile with a profile of your keys instead.");
        }
        String sourceName = profile.text("source_profile").orElseThrow(() -> invalid("The " + profile.described()
                + " assumes the role " + profile.text("role_arn").orElseThrow() + " but does not say with which keys: "
                + "add " + profile.where("source_profile") + ", naming a profile with your keys."));
        if (sourceName.equals(profile.name())) {
            if (!profile.has("aws_access_key_id")) {
                throw invalid("The " + profile.described() + " names itself as its source_profile but has no access "
                        + "keys (aws_access_key_id, aws_secret_access_key) of its own: fix " + profile.where("source_profile") + ".");
            }
            return new AccessKeys(profile);
        }
        Profile source = profiles.profile(sourceName).orElseThrow(() -> invalid("The profile '" + sourceName + "', "
                + "which " + profile.where("source_profile") + " names, does not exist in " + profiles.configFile()
                + " or " + profiles.credentialsFile() + ": add it, or name another profile there."));
        if (visited.contains(sourceName) && !(source.has("aws_access_key_id") || source.has("aws_secret_access_key"))) {
            List<String> cycle = new ArrayList<>(visited.subList(visited.indexOf(sourceName), visited.size()));
            cycle.add(sourceName);
            throw invalid("The profiles " + String.join(" \u2192 ", cycle) + " name each other as source_profile, so "
                    + "no keys start the chain: fix " + profile.where("source_profile") + ".");
        }
        return sourceOf(profiles, source, false, hops, visited);
    }

    private static Hop hop(Profile profile) {
        String arn = profile.text("role_arn").orElseThrow();
        Optional<String> externalId = profile.text("external_id");
        Optional<String> sessionName = profile.text("role_session_name");
        Optional<Duration> duration = profile.text("duration_seconds").map(seconds -> {
            try {
                return Duration.ofSeconds(Long.parseLong(seconds));
            } catch (NumberFormatException e) {
                throw invalid("Fix " + profile.where("duration_seconds") + ": it is a number of seconds, such as 3600.");
            }
        });
        checked(profile, "role_arn", () -> new RoleToAssume(arn, Optional.empty(), Optional.empty()));
        checked(profile, "external_id", () -> new RoleToAssume(arn, externalId, Optional.empty()));
        checked(profile, "duration_seconds", () -> new RoleToAssume(arn, Optional.empty(), duration));
        RoleToAssume role = checked(profile, "role_session_name",
                () -> new RoleToAssume(arn, externalId, duration, sessionName));
        Optional<String> mfaSerial = profile.text("mfa_serial");
        return new Hop(profile, role, mfaSerial);
    }

    /** The role as the key makes it, or the role's own refusal with the key to fix in front. */
    private static RoleToAssume checked(Profile profile, String key, Supplier<RoleToAssume> role) {
        try {
            return role.get();
        } catch (StratusException e) {
            throw invalid("Fix " + profile.where(key) + ". " + e.getMessage());
        }
    }

    private static IdentityCenter identityCenter(ProfileSet profiles, Profile profile) {
        Profile portal = profile;
        if (profile.has("sso_session")) {
            String session = profile.text("sso_session").orElseThrow();
            portal = profiles.ssoSession(session).orElseThrow(() -> invalid("There is no [sso-session " + session
                    + "] section in " + profiles.configFile() + ", which " + profile.where("sso_session")
                    + " names: add it with sso_start_url and sso_region, or fix the name."));
        }
        return new IdentityCenter(profile, required(portal, "sso_start_url"), required(portal, "sso_region"),
                required(profile, "sso_account_id"), required(profile, "sso_role_name"));
    }

    private static String required(Profile profile, String key) {
        return profile.text(key).orElseThrow(() -> invalid("IAM Identity Center sign-in needs " + profile.where(key)
                + ": add it (the AWS CLI's 'aws configure sso' writes it)."));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static StratusException invalid(String message) {
        return new StratusException(Problem.INVALID_INPUT, message);
    }
}
