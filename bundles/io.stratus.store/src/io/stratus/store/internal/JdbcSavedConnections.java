package io.stratus.store.internal;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.Login;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.store.SavedConnectionReader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The saved connections as a transaction reads them. */
class JdbcSavedConnections implements SavedConnectionReader {

    /** Columns of a login, in the order {@link #login} reads them and {@link JdbcSavedConnectionWriter} writes them. */
    static final String LOGIN_COLUMNS = "login_method, username, secret_arn, db_groups, auto_create";

    final JdbcTransaction sql;

    JdbcSavedConnections(JdbcTransaction sql) {
        this.sql = sql;
    }

    @Override
    public List<SavedConnection> of(String principalId) {
        return sql.query("read saved connections", row -> new SavedConnection(row.getString(1), row.getString(2),
                row.getString(3), login(row, 5), Optional.ofNullable(row.getString(4))),
                "SELECT connection_id, name, resource_id, database_name, " + LOGIN_COLUMNS + " FROM saved_connections"
                        + " WHERE principal_id = ?", principalId)
                .stream().sorted(Comparator.comparing(SavedConnection::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SavedConnection::name)).toList();
    }

    /** The login of the {@link #LOGIN_COLUMNS} from column {@code first} on. */
    private static Login login(ResultSet row, int first) throws SQLException {
        String username = row.getString(first + 1);
        return switch (LoginMethod.of(row.getString(first))) {
            case PASSWORD -> new Login.Password(username, Optional.empty());
            case IAM_TOKEN -> new Login.IamToken(username);
            case SECRET -> new Login.SecretsManager(row.getString(first + 2));
            case ISSUED_FOR_IDENTITY -> new Login.IssuedForIdentity();
            case ISSUED_FOR_USER -> new Login.IssuedForUser(username, Optional.ofNullable(row.getString(first + 3))
                    .filter(groups -> !groups.isEmpty()).map(groups -> Arrays.asList(groups.split(","))).orElse(List.of()),
                    row.getBoolean(first + 4));
            case AWS_IDENTITY -> new Login.AwsIdentity();
        };
    }

    /** The values of the {@link #LOGIN_COLUMNS} for a login. */
    static Object[] values(Login login) {
        return switch (login) {
            case Login.Password password -> row(login, password.username(), null, null, false);
            case Login.IamToken iam -> row(login, iam.username(), null, null, false);
            case Login.SecretsManager secret -> row(login, "", secret.secretArn(), null, false);
            case Login.IssuedForUser issued -> row(login, issued.username(), null, String.join(",", issued.groups()),
                    issued.autoCreate());
            case Login.IssuedForIdentity identity -> row(login, "", null, null, false);
            case Login.AwsIdentity identity -> row(login, "", null, null, false);
        };
    }

    private static Object[] row(Login login, String username, String secretArn, String groups, boolean autoCreate) {
        return new Object[] {login.method().id(), username, secretArn, groups, autoCreate};
    }
}
