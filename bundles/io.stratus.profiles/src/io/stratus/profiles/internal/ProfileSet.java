package io.stratus.profiles.internal;

import io.stratus.profiles.AwsConfigFiles;
import io.stratus.profiles.internal.SharedFile.Value;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles of the config and the credentials file together, as the AWS CLI merges them: a profile may be in
 * either or both, and a key set in the credentials file wins over the same key in the config file. Closing it
 * overwrites every value read.
 */
final class ProfileSet implements AutoCloseable {

    /** A profile's settings by lower-case key, each knowing the file it came from. */
    record Profile(String name, Map<String, Value> settings, Path firstFile, boolean ssoSession) {

        Optional<Value> value(String key) {
            return Optional.ofNullable(settings.get(key));
        }

        /** A non-secret setting as text; empty when absent or blank. */
        Optional<String> text(String key) {
            return value(key).map(Value::text).map(String::strip).filter(text -> !text.isEmpty());
        }

        boolean has(String key) {
            return text(key).isPresent();
        }

        /** Where a key is (or would be) set, for messages: "the key K of profile 'P' in FILE". */
        String where(String key) {
            Path file = value(key).map(Value::file).orElse(firstFile);
            return "the key " + key + " of " + section() + " in " + SharedFile.shown(file);
        }

        /** The profile's name and file, for messages. */
        String described() {
            return section() + " in " + SharedFile.shown(firstFile);
        }

        private String section() {
            return ssoSession ? "[sso-session " + name + "]" : "profile '" + name + "'";
        }
    }

    private final SharedFile config;
    private final SharedFile credentials;

    private ProfileSet(SharedFile config, SharedFile credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    static ProfileSet read(AwsConfigFiles files) {
        SharedFile config = SharedFile.read(files.config(), SharedFile.Kind.CONFIG);
        try {
            return new ProfileSet(config, SharedFile.read(files.credentials(), SharedFile.Kind.CREDENTIALS));
        } catch (RuntimeException e) {
            config.wipe();
            throw e;
        }
    }

    /** The names, the config file's first, then those only the credentials file has. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>(config.profiles().keySet());
        names.addAll(credentials.profiles().keySet());
        return names;
    }

    Optional<Profile> profile(String name) {
        Map<String, Value> fromConfig = config.profiles().get(name);
        Map<String, Value> fromCredentials = credentials.profiles().get(name);
        if (fromConfig == null && fromCredentials == null) {
            return Optional.empty();
        }
        Map<String, Value> merged = new LinkedHashMap<>();
        if (fromConfig != null) {
            merged.putAll(fromConfig);
        }
        if (fromCredentials != null) {
            merged.putAll(fromCredentials);
        }
        return Optional.of(new Profile(name, merged, fromConfig != null ? config.path() : credentials.path(),
                false));
    }

    /** An {@code [sso-session NAME]} section of the config file. */
    Optional<Profile> ssoSession(String name) {
        return Optional.ofNullable(config.ssoSessions().get(name))
                .map(settings -> new Profile(name, settings, config.path(), true));
    }

    /** The config file, as the person knows it, for messages. */
    String configFile() {
        return SharedFile.shown(config.path());
    }

    String credentialsFile() {
        return SharedFile.shown(credentials.path());
    }

    @Override
    public void close() {
        config.wipe();
        credentials.wipe();
    }
}
