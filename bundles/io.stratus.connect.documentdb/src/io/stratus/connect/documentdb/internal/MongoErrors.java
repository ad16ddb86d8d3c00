package io.stratus.connect.documentdb.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Turns the MongoDB driver's failures into messages a person can act on; the driver's own words stay. */
final class MongoErrors {

    private MongoErrors() {
    }

    static StratusException explain(MongoException e, String doing) {
        return switch (e) {
            case MongoSecurityException security -> new StratusException(Problem.INVALID_INPUT, "The database refused the login: "
                    + rootMessage(security) + ". Check the user name and password.", e);
            case MongoTimeoutException timeout -> new StratusException(Problem.REMOTE_UNREACHABLE, "The database cannot be "
                    + "reached while " + doing + ": " + timeout.getMessage() + " Check the endpoint, network and TLS settings,"
                    + " then reconnect.", e);
            case MongoSocketException socket -> new StratusException(Problem.REMOTE_UNREACHABLE, "The connection to the"
                    + " database failed while " + doing + ": " + socket.getMessage() + ". Reconnect.", e);
            case MongoCommandException command -> new StratusException(Problem.INVALID_INPUT, "The database refused "
                    + doing + ": " + command.getErrorMessage() + " (code " + command.getErrorCode() + ")", e);
            default -> new StratusException(Problem.INVALID_INPUT, "The database refused " + doing + ": " + e.getMessage(), e);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
