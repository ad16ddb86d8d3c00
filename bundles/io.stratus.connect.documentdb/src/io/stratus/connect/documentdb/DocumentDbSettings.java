package io.stratus.connect.documentdb;

import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.identity.Secret;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB driver settings DocumentDB needs. A cluster endpoint is a replica set named
 * {@code rs0}, reached over TLS (the cluster default) verified against the trusted authorities
 * with the host name checked, without retryable writes (DocumentDB has none); an instance endpoint
 * is reached directly. Logins use SCRAM against {@code admin}, where DocumentDB keeps its users.
 */
public final class DocumentDbSettings {

    static final String REPLICA_SET = "rs0";
    private static final int TIMEOUT_SECONDS = 10;

    private DocumentDbSettings() {
    }

    public static MongoClientSettings of(ConnectionSpec spec, String username, Secret password, DatabaseTrust trust) {
        boolean cluster = isClusterEndpoint(spec.resourceId());
        return MongoClientSettings.builder()
                .applicationName("Stratus")
                .applyToClusterSettings(settings -> {
                    settings.hosts(List.of(new ServerAddress(spec.host(), spec.port())))
                            .serverSelectionTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (cluster) {
                        settings.mode(ClusterConnectionMode.MULTIPLE).requiredReplicaSetName(REPLICA_SET);
                    } else {
                        settings.mode(ClusterConnectionMode.SINGLE);
                    }
                })
                .applyToSocketSettings(settings -> settings.connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSslSettings(settings -> settings.enabled(spec.tlsRequired()).invalidHostNameAllowed(false)
                        .context(trust.sslContext()))
                .retryWrites(false)
                .credential(MongoCredential.createCredential(username, "admin", password.reveal().toCharArray()))
                .build();
    }

    /** DocumentDB clusters have ARNs of the form {@code arn:aws:rds:REGION:ACCOUNT:cluster:NAME}. */
    static boolean isClusterEndpoint(String resourceId) {
        return resourceId.contains(":cluster:");
    }
}
