package io.stratus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.PrincipalType;
import io.stratus.store.AuditEntry;
import io.stratus.store.ConfigStore;
import io.stratus.store.InstanceBinding;
import io.stratus.store.StoreReader;
import io.stratus.store.StoreWriter;
import io.stratus.store.StoredUser;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every configuration store does, whatever database holds it: each subclass runs these
 * same assertions against one database Stratus supports. The store is reached the way Stratus
 * reaches it: a ConfigAdmin configuration, the DS component, the ConfigStore service.
 */
abstract class ConfigStoreContract {

    private static final String ADMINISTRATOR = Role.ADMINISTRATOR.id();
    private static final String SETTING = "console.banner";
    private static final Role AUDITOR = Role.custom("auditor", "Auditor", EnumSet.of(Permission.READ_AUDIT, Permission.EXPLORE));
    private static final StoredUser ALICE = FirstSetup.user("AIDAALICE");
    private static final StoredUser BOB = FirstSetup.user("AIDABOB");

    /** Everything a transaction can read, to compare whole stores at once. */
    record Contents(Optional<InstanceBinding> binding, List<StoredUser> users, Map<String, Set<String>> grants,
            int administrators, List<Role> customRoles, Optional<String> setting, List<AuditEntry> audit) {
    }

    private static final Contents NOTHING = new Contents(Optional.empty(), List.of(), Map.of(), 0, List.of(),
            Optional.empty(), List.of());

    final StoreRuntime runtime = new StoreRuntime();
    Map<String, Object> properties;
    ConfigStore store;

    /** The properties of a store in a new, empty database. */
    abstract Map<String, Object> newStore() throws Exception;

    @BeforeEach
    void openNewStore() throws Exception {
        properties = newStore();
        store = runtime.open(properties);
    }

    @AfterEach
    void shutDown() {
        runtime.shutDown();
    }

    @Test
    void aNewStoreIsUnconfiguredAndEmpty() {
        assertEquals(NOTHING, contents());
    }

    @Test
    void theInstanceIsBoundOnceAndASecondBindingIsAConflict() {
        InstanceBinding binding = new InstanceBinding(FirstSetup.ACCOUNT, "aws", "AIDAALICE", FirstSetup.AT);
        write(writer -> writer.bind(binding));
        assertEquals(Optional.of(binding), store.read(StoreReader::binding));

        StratusException conflict = assertProblem(Problem.CONFLICT,
                () -> write(writer -> writer.bind(new InstanceBinding("210987654321", "aws", "AIDAMALLORY", FirstSetup.AT))));
        assertTrue(conflict.getMessage().startsWith("This Stratus instance is already configured"), conflict.getMessage());
        assertEquals(Optional.of(binding), store.read(StoreReader::binding));
    }

    @Test
    void usersAreSavedAtFirstSignInAndUpdatedAtTheNext() {
        StoredUser role = new StoredUser("AROAOPERATIONS", "arn:aws:sts::123456789012:assumed-role/Ops/night-shift", "Ops",
                PrincipalType.ASSUMED_ROLE, FirstSetup.AT, FirstSetup.AT);
        write(writer -> {
            writer.saveUser(role);
            writer.saveUser(BOB);
            writer.saveUser(ALICE);
        });
        assertEquals(List.of(ALICE, BOB, role), store.read(StoreReader::users), "ordered by name, whatever the case");

        StoredUser renamed = new StoredUser(BOB.principalId(), "arn:aws:iam::123456789012:user/team/robert", "robert",
                PrincipalType.IAM_USER, FirstSetup.AT.plus(Duration.ofDays(9)), FirstSetup.AT.plus(Duration.ofDays(9)));
        write(writer -> writer.saveUser(renamed));
        StoredUser kept = new StoredUser(BOB.principalId(), renamed.arn(), "robert", PrincipalType.IAM_USER,
                BOB.firstSignIn(), renamed.lastSignIn());
        assertEquals(Optional.of(kept), store.read(reader -> reader.user(BOB.principalId())), "the first sign-in stays");
        assertEquals(Optional.empty(), store.read(reader -> reader.user("AIDANOBODY")));
    }

    @Test
    void databaseLimitsOfRolesAreReplacedAndGoWithTheirRole() {
        Role analyst = Role.custom("analyst", "Analyst", Set.of(Permission.CONNECT));
        write(writer -> {
            writer.saveCustomRole(analyst);
            writer.setDatabaseLimits("viewer", List.of("arn:aws:rds:*:*:db:reporting-*"));
            writer.setDatabaseLimits("analyst", List.of("b*", "a*", "a*"));
        });
        assertEquals(Map.of("viewer", List.of("arn:aws:rds:*:*:db:reporting-*"), "analyst", List.of("a*", "b*")),
                store.read(StoreReader::databaseLimits));
        write(writer -> writer.setDatabaseLimits("viewer", List.of()));
        write(writer -> writer.deleteCustomRole("analyst"));
        assertEquals(Map.of(), store.read(StoreReader::databaseLimits), "no limit left: one lifted, one deleted with its role");
    }

    @Test
    void savedConnectionsBelongToTheirUserAndNamesAreUniquePerUser() {
        SavedConnection orders = new SavedConnection("c-1", "Orders", "arn:aws:rds:eu-west-1:123456789012:db:orders",
                "reporting", Optional.of("orders"), true);
        SavedConnection legacy = new SavedConnection("c-2", "legacy", "arn:aws:rds:us-east-1:123456789012:db:legacy",
                "admin", Optional.empty(), false);
        write(writer -> {
            writer.saveUser(ALICE);
            writer.saveUser(BOB);
            writer.saveConnection(ALICE.principalId(), orders);
            writer.saveConnection(ALICE.principalId(), legacy);
        });
        assertEquals(List.of(legacy, orders), store.read(reader -> reader.savedConnections(ALICE.principalId())),
                "by name, whatever the case");
        assertEquals(List.of(), store.read(reader -> reader.savedConnections(BOB.principalId())));

        assertProblem(Problem.CONFLICT, () -> write(writer -> writer.saveConnection(ALICE.principalId(),
                new SavedConnection("c-3", "Orders", orders.resourceId(), "other", Optional.empty(), false))));
        write(writer -> writer.saveConnection(BOB.principalId(),
                new SavedConnection("c-4", "Orders", orders.resourceId(), "bob", Optional.empty(), false)));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.saveConnection(BOB.principalId(),
                new SavedConnection("c-1", "taken over", orders.resourceId(), "bob", Optional.empty(), false))));
        assertFalse(store.write(writer -> writer.deleteConnection(BOB.principalId(), "c-1")), "bob cannot delete alice's");

        SavedConnection renamed = new SavedConnection("c-1", "Orders (reporting)", orders.resourceId(), "reporting",
                Optional.empty(), true);
        write(writer -> writer.saveConnection(ALICE.principalId(), renamed));
        assertEquals(List.of(legacy, renamed), store.read(reader -> reader.savedConnections(ALICE.principalId())));
        assertTrue(store.write(writer -> writer.deleteConnection(ALICE.principalId(), "c-2")));
        assertEquals(List.of(renamed), store.read(reader -> reader.savedConnections(ALICE.principalId())));
    }

    @Test
    void grantsAndRevokesAreIdempotent() {
        write(writer -> {
            writer.saveUser(ALICE);
            writer.grant(ALICE.principalId(), "viewer");
            writer.grant(ALICE.principalId(), "viewer");
            writer.grant(ALICE.principalId(), "user");
        });
        assertEquals(Set.of("viewer", "user"), store.read(reader -> reader.grantsOf(ALICE.principalId())));
        assertEquals(1, store.read(reader -> reader.holdersOf("viewer")));

        write(writer -> {
            writer.revoke(ALICE.principalId(), "viewer");
            writer.revoke(ALICE.principalId(), "viewer");
            writer.revoke(ALICE.principalId(), ADMINISTRATOR);
        });
        assertEquals(Set.of("user"), store.read(reader -> reader.grantsOf(ALICE.principalId())));
        assertEquals(0, store.read(reader -> reader.holdersOf("viewer")));
    }

    @Test
    void aGrantNeedsAKnownUserAndAnExistingRole() {
        write(writer -> writer.saveUser(ALICE));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.grant("AIDANOBODY", "viewer")));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.grant(ALICE.principalId(), AUDITOR.id())));
        assertEquals(Set.of(), store.read(reader -> reader.grantsOf(ALICE.principalId())));
    }

    @Test
    void customRolesAreCreatedReplacedAndDeletedWithTheirGrants() {
        Role analyst = Role.custom("analyst", "Analyst", Set.of());
        write(writer -> {
            writer.saveCustomRole(AUDITOR);
            writer.saveCustomRole(analyst);
            writer.saveUser(ALICE);
            writer.grant(ALICE.principalId(), AUDITOR.id());
        });
        assertEquals(List.of(analyst, AUDITOR), store.read(StoreReader::customRoles), "ordered by id");

        Role widened = Role.custom(AUDITOR.id(), "Senior auditor", EnumSet.of(Permission.READ_AUDIT, Permission.CONNECT));
        write(writer -> writer.saveCustomRole(widened));
        assertEquals(List.of(analyst, widened), store.read(StoreReader::customRoles));
        assertEquals(1, store.read(reader -> reader.holdersOf(AUDITOR.id())), "replacing a role keeps its grants");

        write(writer -> writer.deleteCustomRole(AUDITOR.id()));
        assertEquals(List.of(analyst), store.read(StoreReader::customRoles));
        assertEquals(Set.of(), store.read(reader -> reader.grantsOf(ALICE.principalId())));

        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.deleteCustomRole(AUDITOR.id())));
        assertProblem(Problem.INVALID_INPUT, () -> write(writer -> writer.deleteCustomRole(ADMINISTRATOR)));
        assertProblem(Problem.INVALID_INPUT, () -> write(writer -> writer.saveCustomRole(Role.custom("viewer", "Mine", Set.of()))));
    }

    @Test
    void settingsAreKeptAndReplaced() {
        write(writer -> {
            writer.putSetting(SETTING, "Welcome");
            writer.putSetting("console.theme", "dark");
        });
        write(writer -> writer.putSetting(SETTING, "Maintenance tonight"));
        assertEquals(Optional.of("Maintenance tonight"), store.read(reader -> reader.setting(SETTING)));
        assertEquals(Optional.of("dark"), store.read(reader -> reader.setting("console.theme")));
        assertEquals(Optional.empty(), store.read(reader -> reader.setting("console.unknown")));
        assertProblem(Problem.INVALID_INPUT, () -> write(writer -> writer.putSetting(" ", "x")));
    }

    @Test
    void theAuditTrailComesBackNewestFirst() {
        List<AuditEntry> entries = IntStream.range(0, 5) // one timestamp for all: the order must not depend on it
                .mapToObj(i -> new AuditEntry(FirstSetup.AT, i == 0 ? null : ALICE.principalId(), "action-" + i, "ok",
                        i == 0 ? null : "detail " + i))
                .toList();
        write(writer -> entries.forEach(writer::append));
        assertEquals(List.of(entries.get(4), entries.get(3), entries.get(2)), store.read(reader -> reader.audit(3)));
        assertEquals(entries.reversed(), store.read(reader -> reader.audit(100)));
        assertProblem(Problem.INVALID_INPUT, () -> store.read(reader -> reader.audit(0)));
    }

    @Test
    void ofFiftyConcurrentSetupsExactlyOneWins() throws Exception {
        int contenders = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(contenders)) {
            for (int i = 0; i < contenders; i++) {
                String principalId = "AIDACONTENDER" + i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        write(writer -> FirstSetup.run(writer, principalId));
                        return Optional.of(principalId);
                    } catch (StratusException e) {
                        assertEquals(Problem.CONFLICT, e.problem(), e.getMessage());
                        return Optional.empty();
                    }
                }));
            }
            start.countDown();
        }
        List<String> winners = new ArrayList<>();
        for (Future<Optional<String>> outcome : outcomes) {
            outcome.get(0, TimeUnit.SECONDS).ifPresent(winners::add);
        }
        assertEquals(1, winners.size(), "winners: " + winners);
        String winner = winners.get(0);
        Contents contents = contents();
        assertEquals(winner, contents.binding().orElseThrow().boundByPrincipalId());
        assertEquals(1, contents.administrators());
        assertEquals(Map.of(winner, Set.of(ADMINISTRATOR)), contents.grants(), "every loser's writes were rolled back");
        assertEquals(1, contents.audit().size());
    }

    @Test
    void aReadTransactionSeesOneSnapshotOfTheWholeStore() {
        Contents seen = store.read(reader -> {
            reader.setting(SETTING); // the transaction has begun reading
            CompletableFuture.runAsync(() -> write(writer -> FirstSetup.run(writer, ALICE.principalId()))).join();
            return new Contents(reader.binding(), reader.users(), Map.of(), reader.holdersOf(ADMINISTRATOR),
                    reader.customRoles(), reader.setting(SETTING), reader.audit(100));
        });
        assertEquals(NOTHING, seen, "a setup committed meanwhile stays out of the snapshot");
        assertEquals(1, contents().administrators());
    }

    @Test
    void workThatThrowsLeavesNothingBehind() {
        IllegalStateException failure = new IllegalStateException("the caller changed its mind");
        Executable failingWork = () -> write(writer -> {
            FirstSetup.run(writer, ALICE.principalId());
            writer.saveCustomRole(AUDITOR);
            writer.putSetting(SETTING, "Welcome");
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, failingWork), "the exception propagates unchanged");
        assertEquals(NOTHING, contents());
    }

    @Test
    void transactionsNeitherNestNorOutliveTheirWork() {
        assertThrows(IllegalStateException.class, () -> write(writer -> store.read(StoreReader::binding)));
        StoreReader leaked = store.read(reader -> reader);
        assertThrows(IllegalStateException.class, leaked::binding);
        assertFalse(leaked instanceof StoreWriter, "a read transaction cannot be cast into writing");
        assertEquals(NOTHING, contents(), "and the store goes on working");
    }

    @Test
    void everythingSurvivesARestart() {
        write(writer -> {
            FirstSetup.run(writer, ALICE.principalId());
            writer.saveUser(BOB);
            writer.saveCustomRole(AUDITOR);
            writer.grant(BOB.principalId(), AUDITOR.id());
            writer.grant(BOB.principalId(), "viewer");
            writer.putSetting(SETTING, "Welcome");
        });
        Contents before = contents();
        assertEquals(Map.of(ALICE.principalId(), Set.of(ADMINISTRATOR), BOB.principalId(), Set.of(AUDITOR.id(), "viewer")),
                before.grants());

        store = runtime.restart(properties);
        assertEquals(before, contents());
    }

    @Test
    void aSetupKilledInsideItsTransactionLeavesTheInstanceUnconfigured() throws Exception {
        runtime.shutDown(); // an embedded store is open in one process at a time
        try (SetupProcess setup = SetupProcess.start(properties, SetupProcess.Stage.INSIDE_TRANSACTION)) {
            setup.awaitStage(SetupProcess.Stage.INSIDE_TRANSACTION);
            setup.kill();
        }
        store = runtime.open(properties);
        assertEquals(NOTHING, contents());
        write(writer -> FirstSetup.run(writer, ALICE.principalId()));
        assertEquals(ALICE.principalId(), store.read(StoreReader::binding).orElseThrow().boundByPrincipalId());
    }

    @Test
    void aSetupKilledRightAfterItsCommitIsKept() throws Exception {
        runtime.shutDown();
        try (SetupProcess setup = SetupProcess.start(properties, SetupProcess.Stage.COMMITTED)) {
            setup.awaitStage(SetupProcess.Stage.COMMITTED);
            setup.kill();
        }
        store = runtime.open(properties);
        Contents contents = contents();
        assertEquals(Optional.of(SetupProcess.ADMINISTRATOR), contents.binding().map(InstanceBinding::boundByPrincipalId),
                "a committed setup survives the kill");
        assertEquals(Map.of(SetupProcess.ADMINISTRATOR, Set.of(ADMINISTRATOR)), contents.grants());
    }

    @Test
    void aStoreWrittenByANewerStratusFailsClosed() throws SQLException {
        write(writer -> FirstSetup.run(writer, ALICE.principalId()));
        runtime.shutDown();
        int future = Migrations.LATEST + 1;
        sql(properties, "INSERT INTO schema_version (version, description, applied_at) VALUES (" + future
                + ", 'from the future', CURRENT_TIMESTAMP)");

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("has schema version " + future + ", but this Stratus knows versions up to "
                + Migrations.LATEST + ": a newer Stratus has used it."), failure);
    }

    @Test
    void aStoreLackingATableOfItsVersionFailsClosed() throws SQLException {
        runtime.shutDown();
        sql(properties, "DROP TABLE role_database_limits");

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("records schema version " + Migrations.LATEST
                + " but lacks its table(s) role_database_limits"), failure);
    }

    @Test
    void aStoreWhoseVersionWasLoweredFailsClosed() throws SQLException {
        runtime.shutDown();
        sql(properties, "DELETE FROM schema_version WHERE version = " + Migrations.LATEST);

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("records schema version " + (Migrations.LATEST - 1)
                + " but holds the table(s) role_database_limits of a later version"), failure);
    }

    @Test
    void aFailingStoreTellsWhatHappenedWithoutItsInternals() {
        write(writer -> ((JdbcWriter) writer).update("drop the audit trail", "DROP TABLE audit_log"));

        String message = assertProblem(Problem.UNAVAILABLE, () -> store.read(reader -> reader.audit(10))).getMessage();
        assertEquals("The configuration store could not read the audit trail. Try again in a moment; if this keeps"
                + " happening, tell the administrator: the server's log says why.", message);
    }

    /** Reads the whole store in one transaction. */
    Contents contents() {
        return store.read(reader -> {
            List<StoredUser> users = reader.users();
            return new Contents(reader.binding(), users,
                    users.stream().collect(Collectors.toMap(StoredUser::principalId, user -> reader.grantsOf(user.principalId()))),
                    reader.holdersOf(ADMINISTRATOR), reader.customRoles(), reader.setting(SETTING), reader.audit(100));
        });
    }

    void write(Consumer<StoreWriter> change) {
        store.write(writer -> {
            change.accept(writer);
            return null;
        });
    }

    /** Runs SQL on a store's database directly, as an operator (or a bug) could. */
    static void sql(Map<String, Object> storeProperties, String statement) throws SQLException {
        try (Connection connection = Database.open(StoreSettings.from(storeProperties)).connect();
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    static StratusException assertProblem(Problem expected, Executable executable) {
        StratusException thrown = assertThrows(StratusException.class, executable);
        assertEquals(expected, thrown.problem(), thrown.getMessage());
        return thrown;
    }
}
