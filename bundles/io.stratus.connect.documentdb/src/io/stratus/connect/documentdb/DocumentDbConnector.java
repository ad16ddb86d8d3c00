package io.stratus.connect.documentdb;

import io.stratus.connect.documentdb.internal.MongoLink;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.DatabaseTrust;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DocumentDB clusters and instances, with the MongoDB Java driver; see {@link DocumentDbSettings}. */
@Component(service = DatabaseConnector.class)
public final class DocumentDbConnector implements DatabaseConnector {

    private final DatabaseTrust trust;

    @Activate
    public DocumentDbConnector(@Reference DatabaseTrust trust) {
        this.trust = trust;
    }

    @Override
    public Set<String> engines() {
        return DocumentDbEngines.ENGINES.stream().map(DatabaseEngine::id).collect(Collectors.toSet());
    }

    @Override
    public DatabaseLink open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (!engines().contains(spec.engine())) {
            throw new StratusException(Problem.INVALID_INPUT, "The DocumentDB connector does not serve " + spec.engine() + ".");
        }
        DatabaseLogin.Credentials credentials = login.credentialsFor(spec);
        MongoClient client = MongoClients.create(DocumentDbSettings.of(spec, credentials.username(), credentials.password(),
                trust));
        MongoLink link = new MongoLink(client, spec.database(), mode);
        try {
            link.test(); // the driver connects lazily: log in now, so a wrong password shows here
            return link;
        } catch (StratusException e) {
            client.close();
            throw e;
        }
    }
}
