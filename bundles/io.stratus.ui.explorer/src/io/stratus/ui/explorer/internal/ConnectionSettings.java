package io.stratus.ui.explorer.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;

/**
 * A discovered database's connection settings as the services give them to the signed-in person
 * (who needs {@link Action#READ_CONNECTION_SETTINGS}), and the URL made of them. Quick: the services
 * look in the session's tree, discovered already.
 */
record ConnectionSettings(ConnectionSpec spec, Optional<String> url) {

    /** @throws StratusException NOT_SIGNED_IN, FORBIDDEN or NOT_FOUND, with a message that says so */
    static ConnectionSettings of(CurrentSession session, CloudExplorer explorer, CloudResource resource) {
        SignedIn who = session.signedIn().orElseThrow(() -> new StratusException(Problem.NOT_SIGNED_IN,
                "Sign in to see connection settings."));
        ConnectionSpec spec = explorer.connectionSpec(who.session(), resource.id(), Action.READ_CONNECTION_SETTINGS);
        Optional<String> family = Engines.of(explorer).find(spec.engine()).map(DatabaseEngine::family);
        return new ConnectionSettings(spec, family.flatMap(f -> ConnectionUrls.of(f, spec)));
    }
}
