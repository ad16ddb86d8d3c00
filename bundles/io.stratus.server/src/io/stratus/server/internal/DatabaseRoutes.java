package io.stratus.server.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.CatalogPage;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.Login;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.ResultPage;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;

import io.stratus.results.AllRows;
import io.stratus.results.JsonResultWriter;
import io.stratus.results.NdjsonResultWriter;
import io.stratus.results.PageSizes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in person's open databases: open, list, test, browse, close; statements with their
 * rows in pages ({@code GET .../rows} reads on), or all of them streamed as NDJSON with
 * {@code "stream": true}; cancel; auto-commit, commit and rollback. The password of an open request is used for that login only.
 * And the person's saved connections, which hold no password.
 */
final class DatabaseRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRoutes.class);

    private final DatabaseService databaseService;
    private final SavedConnections saved;
    private final JsonViews views;

    DatabaseRoutes(DatabaseService databaseService, SavedConnections saved, JsonViews views) {
        this.databaseService = databaseService;
        this.saved = saved;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", "/api/databases", this::list)
                .add("POST", "/api/databases", Router.Wait.REMOTE, this::open)
                .add("DELETE", "/api/databases/{id}", Router.Wait.REMOTE, this::close)
                .add("POST", "/api/databases/{id}/test", Router.Wait.REMOTE, this::test)
                .add("GET", "/api/databases/{id}/catalog", Router.Wait.REMOTE, this::catalog)
                .add("POST", "/api/databases/{id}/statements", Router.Wait.REMOTE, this::execute)
                .add("GET", "/api/databases/{id}/rows", Router.Wait.REMOTE, this::rows)
                .add("POST", "/api/databases/{id}/cancel", Router.Wait.REMOTE, this::cancel)
                .add("PUT", "/api/databases/{id}/autoCommit", Router.Wait.REMOTE, this::autoCommit)
                .add("POST", "/api/databases/{id}/commit", Router.Wait.REMOTE, this::commit)
                .add("POST", "/api/databases/{id}/rollback", Router.Wait.REMOTE, this::rollback)
                .add("GET", "/api/secrets", Router.Wait.REMOTE, this::secrets)
                .add("GET", "/api/connections", this::savedConnections)
                .add("POST", "/api/connections", this::saveConnection)
                .add("PUT", "/api/connections/{id}", this::changeConnection)
                .add("DELETE", "/api/connections/{id}", this::deleteConnection);
    }

    private ApiResponse savedConnections(ApiRequest request) {
        ArrayNode connections = views.array();
        saved.list(request.signedIn()).forEach(connection -> connections.add(views.savedConnection(connection)));
        return ApiResponse.ok(views.object().set("connections", connections));
    }

    private ApiResponse saveConnection(ApiRequest request) {
        return ApiResponse.created(views.savedConnection(saved.create(request.signedIn(), savedConnection(request, ""))));
    }

    private ApiResponse changeConnection(ApiRequest request) {
        return ApiResponse.ok(views.savedConnection(saved.update(request.signedIn(),
                savedConnection(request, request.pathParameter("id")))));
    }

    private ApiResponse deleteConnection(ApiRequest request) {
        saved.delete(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    /** A saved connection never holds a password: one sent along is refused rather than dropped unseen. */
    private static SavedConnection savedConnection(ApiRequest request, String id) {
        if (sentPassword(request)) {
            throw new StratusException(Problem.INVALID_INPUT, "Stratus never saves database passwords: leave out"
                    + " \"password\", and type it each time you open the connection.");
        }
        return new SavedConnection(id, request.text("name"), request.text("resourceId"), login(request, true),
                request.optionalText("database"));
    }

    private static boolean sentPassword(ApiRequest request) {
        return request.secrets().containsKey("password") || request.body().has("password");
    }

    /**
     * The login a request asks for: {@code "login"} names the method, with the fields it takes
     * ({@code username}, {@code password}, {@code secretArn}, {@code groups}, {@code autoCreate}).
     * Without it, as clients before login methods sent it: a secret's ARN, a user with a password,
     * a user alone (IAM, or when saving without {@code "iamAuthentication": true}, a password
     * asked for each time), or nothing (the AWS identity).
     */
    private static Login login(ApiRequest request, boolean saving) {
        Optional<String> username = request.optionalText("username").map(String::strip).filter(u -> !u.isEmpty());
        Optional<String> secretArn = request.optionalText("secretArn");
        LoginMethod method = request.optionalText("login").map(LoginMethod::of).orElseGet(() -> secretArn.isPresent()
                ? LoginMethod.SECRET : username.isEmpty() ? LoginMethod.AWS_IDENTITY
                : (saving ? flag(request, "iamAuthentication") : !sentPassword(request)) ? LoginMethod.IAM_TOKEN
                : LoginMethod.PASSWORD);
        Set<String> takes = switch (method) {
            case PASSWORD -> Set.of("username", "password");
            case IAM_TOKEN -> Set.of("username");
            case SECRET -> Set.of("secretArn");
            case ISSUED_FOR_USER -> Set.of("username", "groups", "autoCreate");
            case ISSUED_FOR_IDENTITY, AWS_IDENTITY -> Set.of();
        };
        Map<String, Boolean> sent = Map.of("username", username.isPresent(), "password", sentPassword(request),
                "secretArn", secretArn.isPresent(), "groups", request.body().has("groups"),
                "autoCreate", request.body().has("autoCreate"));
        sent.forEach((field, present) -> {
            if (present && !takes.contains(field)) {
                throw new StratusException(Problem.INVALID_INPUT, "A login with " + method.description() + " takes no \""
                        + field + "\"; leave it out.");
            }
        });
        String user = username.orElse("");
        return switch (method) {
            case PASSWORD -> new Login.Password(user, saving ? Optional.empty() : request.optionalSecret("password"));
            case IAM_TOKEN -> new Login.IamToken(user);
            case SECRET -> new Login.SecretsManager(secretArn.orElse(""));
            case ISSUED_FOR_IDENTITY -> new Login.IssuedForIdentity();
            case ISSUED_FOR_USER -> new Login.IssuedForUser(user, groups(request), flag(request, "autoCreate"));
            case AWS_IDENTITY -> new Login.AwsIdentity();
        };
    }

    private static boolean flag(ApiRequest request, String field) {
        JsonNode value = request.body().get(field);
        if (value != null && !value.isBoolean()) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"" + field + "\" must be true or false.");
        }
        return value != null && value.booleanValue();
    }

    private static List<String> groups(ApiRequest request) {
        JsonNode groups = request.body().get("groups");
        if (groups == null || groups.isNull()) {
            return List.of();
        }
        if (!groups.isArray() || !StreamSupport.stream(groups.spliterator(), false).allMatch(JsonNode::isTextual)) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"groups\" must be a list of database group names.");
        }
        return StreamSupport.stream(groups.spliterator(), false).map(JsonNode::asText).toList();
    }

    private ApiResponse list(ApiRequest request) {
        ArrayNode databases = views.array();
        databaseService.list(request.signedIn()).forEach(open -> databases.add(views.openDatabase(open)));
        return ApiResponse.ok(views.object().set("databases", databases));
    }

    /** {@code ?resource=ARN}: the secrets the person may choose to open that database with; never their values. */
    private ApiResponse secrets(ApiRequest request) {
        String resource = Optional.ofNullable(request.query().get("resource")).orElseThrow(() -> new StratusException(
                Problem.INVALID_INPUT, "Give the database: ?resource= with its resource id from the explorer."));
        ArrayNode secrets = views.array();
        databaseService.secrets(request.signedIn(), resource).forEach(secret -> secrets.add(views.object()
                .put("arn", secret.arn()).put("name", secret.name()).put("description", secret.description())
                .put("managedByRds", secret.managedByRds())));
        return ApiResponse.ok(views.object().set("secrets", secrets));
    }

    private ApiResponse open(ApiRequest request) {
        Login login = login(request, false);
        try {
            return ApiResponse.created(views.openDatabase(databaseService.open(request.signedIn(),
                    request.text("resourceId"), login, request.optionalText("database"))));
        } finally {
            if (login instanceof Login.Password(String user, Optional<Secret> password)) {
                password.ifPresent(Secret::clear); // the driver has logged in with it; nothing keeps it
            }
        }
    }

    private ApiResponse close(ApiRequest request) {
        databaseService.close(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse test(ApiRequest request) {
        databaseService.test(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    /**
     * {@code ?schema=} lists its tables, with {@code &table=} their columns; neither lists the
     * schemas. {@code offset} and {@code limit} page the answer.
     */
    private ApiResponse catalog(ApiRequest request) {
        Optional<String> schema = Optional.ofNullable(request.query().get("schema"));
        Optional<String> table = Optional.ofNullable(request.query().get("table"));
        if (table.isPresent() && schema.isEmpty()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the table's schema too: ?schema=S&table=T.");
        }
        List<String> path = Stream.of(schema, table).flatMap(Optional::stream).toList();
        long offset = queryNumber(request, "offset").orElse(0L);
        long limit = queryNumber(request, "limit").orElse((long) PageSizes.DEFAULT_ROWS);
        CatalogPage page = databaseService.browse(request.signedIn(), request.pathParameter("id"), path,
                (int) Math.min(offset, Integer.MAX_VALUE), (int) Math.min(limit, Integer.MAX_VALUE));
        ArrayNode items = views.array();
        for (CatalogEntry item : page.items()) {
            items.add(views.object().put("name", item.name()).put("kind", item.kind()).put("detail", item.detail()));
        }
        return ApiResponse.ok(views.object().put("more", page.more()).set("items", items));
    }

    private ApiResponse execute(ApiRequest request) {
        UserSession session = request.signedIn();
        String id = request.pathParameter("id");
        String statement = request.text("statement");
        if (streamRequested(request.body())) {
            ResultPage first = databaseService.execute(session, id, statement, AllRows.pageSize(databaseService));
            return ApiResponse.streamed("application/x-ndjson", out -> stream(session, id, first, out));
        }
        ResultPage page = databaseService.execute(session, id, statement, pageSize(request.body().get("pageSize")));
        return pageAnswer(page);
    }

    /** {@code ?statement=N} from the first page, and {@code pageSize}. */
    private ApiResponse rows(ApiRequest request) {
        long statement = queryNumber(request, "statement").orElseThrow(() -> new StratusException(Problem.INVALID_INPUT,
                "Give ?statement= with the \"statement\" of the statement's first page."));
        long rows = queryNumber(request, "pageSize").orElse((long) PageSizes.DEFAULT_ROWS);
        return pageAnswer(databaseService.nextPage(request.signedIn(), request.pathParameter("id"), statement, (int) rows));
    }

    private static Optional<Long> queryNumber(ApiRequest request, String name) {
        String value = request.query().get(name);
        try {
            return Optional.ofNullable(value).map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw new StratusException(Problem.INVALID_INPUT, "?" + name + "= takes a whole number, not '" + value + "'.");
        }
    }

    private ApiResponse cancel(ApiRequest request) {
        databaseService.cancel(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse autoCommit(ApiRequest request) {
        JsonNode on = request.body().get("on");
        if (on == null || !on.isBoolean()) {
            throw new StratusException(Problem.INVALID_INPUT, "Say whether auto-commit is to be on: {\"on\": true} or "
                    + "{\"on\": false}.");
        }
        databaseService.autoCommit(request.signedIn(), request.pathParameter("id"), on.asBoolean());
        return ApiResponse.noContent();
    }

    private ApiResponse commit(ApiRequest request) {
        databaseService.commit(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse rollback(ApiRequest request) {
        databaseService.rollback(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private static ApiResponse pageAnswer(ResultPage page) {
        return ApiResponse.streamed("application/json; charset=utf-8", out -> JsonResultWriter.write(page, out));
    }

    /** All rows as NDJSON (see {@link NdjsonResultWriter}), ending in an error line if reading fails on the way. */
    private void stream(UserSession session, String id, ResultPage first, OutputStream out) throws IOException {
        try (NdjsonResultWriter ndjson = new NdjsonResultWriter(out)) {
            ndjson.start(first);
            try {
                ndjson.end(AllRows.read(databaseService, session, id, first, ndjson::rows));
            } catch (StratusException e) {
                ndjson.error(ApiError.of(e.problem()).code, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Streaming the rows of a statement failed", e);
                ndjson.error(ApiError.INTERNAL.code, "Stratus failed while sending the rows; the server log has the details.");
            }
        }
    }

    private static boolean streamRequested(JsonNode body) {
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean()) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"stream\" must be true or false.");
        }
        return stream != null && stream.booleanValue();
    }

    private static int pageSize(JsonNode value) {
        if (value == null || value.isNull()) {
            return PageSizes.DEFAULT_ROWS;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"pageSize\" must be a whole number of rows.");
        }
        return value.intValue();
    }
}
