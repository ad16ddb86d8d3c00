package io.stratus.auth.internal;

import io.stratus.core.identity.AwsCredentials;

import java.time.Instant;
import java.util.Optional;

/** The keys a session signs with, and when they expire where STS said so. */
record SessionKeys(AwsCredentials credentials, Optional<Instant> expiration) {
}
