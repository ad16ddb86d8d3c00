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
import io.stratus.core.database.Login;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.store.AuditEntry;
import io.stratus.core.store.AuditWriter;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.IdentityReader;
import io.stratus.core.store.IdentityWriter;
import io.stratus.core.store.InstanceBinding;
import io.stratus.core.store.SavedConnectionWriter;
import io.stratus.core.store.SharedCounts;
import io.stratus.core.store.StoreReader;
import io.stratus.core.store.StoreWriter;
import io.stratus.core.store.StoredUser;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every configuration store does, whatever database holds it: each subclass runs these
 * same assertions against one database Stratus supports. The store is reached the way Stratus
 * reaches it: a ConfigAdmin configuration, the DS component, the ConfigStore service.
 */
abstract class ConfigStoreContract {

    private static final String ADMINISTRATOR = Role.ADMINISTRATOR.id();
    static final String SETTING = "console.banner";
    private static final Role AUDITOR = Role.custom("auditor", "Auditor", EnumSet.of(Permission.READ_AUDIT, Permission.EXPLORE));
    private static final StoredUser ALICE = FirstSetup.user("AIDAALICE");
    private static final StoredUser BOB = FirstSetup.user("AIDABOB");

    /** Everything a transaction can read, in every area, to compare whole stores at once. */
    record Contents(Optional<InstanceBinding> binding, List<StoredUser> users, Map<String, Set<String>> grants,
            int administrators, List<Role> customRoles, Map<String, List<String>> databaseLimits, Optional<String> setting,
            Map<String, List<SavedConnection>> savedConnections, List<AuditEntry> audit) {
    }

    private static final Contents NOTHING = new Contents(Optional.empty(), List.of(), Map.of(), 0, List.of(), Map.of(),
            Optional.empty(), Map.of(), List.of());

    final StoreRuntime runtime = new StoreRuntime();
    Map<String, Object> properties;
    ConfigStore store;

    /** The properties of a store in a new, empty database. */
    abstract Map<String, Object> newStore() throws Exception;

    /** A connection to the empty database of {@link #newStore()}'s properties, creating nothing in it. */
    abstract Connection connectToNewDatabase(Map<String, Object> storeProperties) throws SQLException;

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
        write(writer -> writer.identity().bind(binding));
        assertEquals(Optional.of(binding), store.read(reader -> reader.identity().binding()));

        StratusException conflict = assertProblem(Problem.CONFLICT,
                () -> write(writer -> writer.identity().bind(
                        new InstanceBinding("210987654321", "aws", "AIDAMALLORY", FirstSetup.AT))));
        assertTrue(conflict.getMessage().startsWith("This Stratus instance is already configured"), conflict.getMessage());
        assertEquals(Optional.of(binding), store.read(reader -> reader.identity().binding()));
    }

    @Test
    void usersAreSavedAtFirstSignInAndUpdatedAtTheNext() {
        StoredUser role = new StoredUser("AROAOPERATIONS", "arn:aws:sts::123456789012:assumed-role/Ops/night-shift", "Ops",
                PrincipalType.ASSUMED_ROLE, FirstSetup.AT, FirstSetup.AT);
        write(writer -> {
            writer.identity().saveUser(role);
            writer.identity().saveUser(BOB);
            writer.identity().saveUser(ALICE);
        });
        assertEquals(List.of(ALICE, BOB, role), store.read(reader -> reader.identity().users()),
                "ordered by name, whatever the case");

        StoredUser renamed = new StoredUser(BOB.principalId(), "arn:aws:iam::123456789012:user/team/robert", "robert",
                PrincipalType.IAM_USER, FirstSetup.AT.plus(Duration.ofDays(9)), FirstSetup.AT.plus(Duration.ofDays(9)));
        write(writer -> writer.identity().saveUser(renamed));
        StoredUser kept = new StoredUser(BOB.principalId(), renamed.arn(), "robert", PrincipalType.IAM_USER,
                BOB.firstSignIn(), renamed.lastSignIn());
        assertEquals(Optional.of(kept), store.read(reader -> reader.identity().user(BOB.principalId())),
                "the first sign-in stays");
        assertEquals(Optional.empty(), store.read(reader -> reader.identity().user("AIDANOBODY")));
    }

    @Test
    void databaseLimitsOfRolesAreReplacedAndGoWithTheirRole() {
        Role analyst = Role.custom("analyst", "Analyst", Set.of(Permission.CONNECT));
        write(writer -> {
            writer.identity().saveCustomRole(analyst);
            writer.identity().setDatabaseLimits("viewer", List.of("arn:aws:rds:*:*:db:reporting-*"));
            writer.identity().setDatabaseLimits("analyst", List.of("b*", "a*", "a*"));
        });
        assertEquals(Map.of("viewer", List.of("arn:aws:rds:*:*:db:reporting-*"), "analyst", List.of("a*", "b*")),
                store.read(reader -> reader.identity().databaseLimits()));
        write(writer -> writer.identity().setDatabaseLimits("viewer", List.of()));
        write(writer -> writer.identity().deleteCustomRole("analyst"));
        assertEquals(Map.of(), store.read(reader -> reader.identity().databaseLimits()),
                "no limit left: one lifted, one deleted with its role");
    }

    @Test
    void savedConnectionsBelongToTheirUserAndNamesAreUniquePerUser() {
        SavedConnection orders = new SavedConnection("c-1", "Orders", "arn:aws:rds:eu-west-1:123456789012:db:orders",
                new Login.IamToken("reporting"), Optional.of("orders"));
        SavedConnection legacy = new SavedConnection("c-2", "legacy", "arn:aws:rds:us-east-1:123456789012:db:legacy",
                new Login.Password("admin", Optional.empty()), Optional.empty());
        write(writer -> {
            writer.identity().saveUser(ALICE);
            writer.identity().saveUser(BOB);
            writer.savedConnections().save(ALICE.principalId(), orders);
            writer.savedConnections().save(ALICE.principalId(), legacy);
        });
        assertEquals(List.of(legacy, orders), store.read(reader -> reader.savedConnections().of(ALICE.principalId())),
                "by name, whatever the case");
        assertEquals(List.of(), store.read(reader -> reader.savedConnections().of(BOB.principalId())));

        assertProblem(Problem.CONFLICT, () -> write(writer -> writer.savedConnections().save(ALICE.principalId(),
                new SavedConnection("c-3", "Orders", orders.resourceId(),
                new Login.Password("other", Optional.empty()), Optional.empty()))));
        write(writer -> writer.savedConnections().save(BOB.principalId(),
                new SavedConnection("c-4", "Orders", orders.resourceId(),
                new Login.Password("bob", Optional.empty()), Optional.empty())));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.savedConnections().save(BOB.principalId(),
                new SavedConnection("c-1", "taken over", orders.resourceId(),
                new Login.Password("bob", Optional.empty()), Optional.empty()))));
        assertFalse(store.write(writer -> writer.savedConnections().delete(BOB.principalId(), "c-1")),
                "bob cannot delete alice's");

        SavedConnection renamed = new SavedConnection("c-1", "Orders (reporting)", orders.resourceId(),
                new Login.IssuedForUser("reporting", List.of("analysts", "auditors"), true), Optional.empty());
        write(writer -> writer.savedConnections().save(ALICE.principalId(), renamed));
        assertEquals(List.of(legacy, renamed), store.read(reader -> reader.savedConnections().of(ALICE.principalId())));
        SavedConnection secret = new SavedConnection("c-5", "with a secret", orders.resourceId(), new Login.SecretsManager(
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-AbCdEf"), Optional.empty());
        SavedConnection identity = new SavedConnection("c-6", "as me", orders.resourceId(), new Login.IssuedForIdentity(),
                Optional.of("dev"));
        write(writer -> {
            writer.savedConnections().save(ALICE.principalId(), secret);
            writer.savedConnections().save(ALICE.principalId(), identity);
        });
        assertEquals(List.of(identity, legacy, renamed, secret), store.read(reader -> reader.savedConnections()
                .of(ALICE.principalId())), "every login method with its fields");
        assertTrue(store.write(writer -> writer.savedConnections().delete(ALICE.principalId(), "c-5")));
        assertTrue(store.write(writer -> writer.savedConnections().delete(ALICE.principalId(), "c-6")));
        assertTrue(store.write(writer -> writer.savedConnections().delete(ALICE.principalId(), "c-2")));
        assertEquals(List.of(renamed), store.read(reader -> reader.savedConnections().of(ALICE.principalId())));
    }

    @Test
    void grantsAndRevokesAreIdempotent() {
        write(writer -> {
            writer.identity().saveUser(ALICE);
            writer.identity().grant(ALICE.principalId(), "viewer");
            writer.identity().grant(ALICE.principalId(), "viewer");
            writer.identity().grant(ALICE.principalId(), "user");
        });
        assertEquals(Set.of("viewer", "user"), store.read(reader -> reader.identity().grantsOf(ALICE.principalId())));
        assertEquals(1, store.read(reader -> reader.identity().holdersOf("viewer")));

        write(writer -> {
            writer.identity().revoke(ALICE.principalId(), "viewer");
            writer.identity().revoke(ALICE.principalId(), "viewer");
            writer.identity().revoke(ALICE.principalId(), ADMINISTRATOR);
        });
        assertEquals(Set.of("user"), store.read(reader -> reader.identity().grantsOf(ALICE.principalId())));
        assertEquals(0, store.read(reader -> reader.identity().holdersOf("viewer")));
    }

    @Test
    void aGrantNeedsAKnownUserAndAnExistingRole() {
        write(writer -> writer.identity().saveUser(ALICE));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.identity().grant("AIDANOBODY", "viewer")));
        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.identity().grant(ALICE.principalId(), AUDITOR.id())));
        assertEquals(Set.of(), store.read(reader -> reader.identity().grantsOf(ALICE.principalId())));
    }

    @Test
    void customRolesAreCreatedReplacedAndDeletedWithTheirGrants() {
        Role analyst = Role.custom("analyst", "Analyst", Set.of());
        write(writer -> {
            writer.identity().saveCustomRole(AUDITOR);
            writer.identity().saveCustomRole(analyst);
            writer.identity().saveUser(ALICE);
            writer.identity().grant(ALICE.principalId(), AUDITOR.id());
        });
        assertEquals(List.of(analyst, AUDITOR), store.read(reader -> reader.identity().customRoles()), "ordered by id");

        Role widened = Role.custom(AUDITOR.id(), "Senior auditor", EnumSet.of(Permission.READ_AUDIT, Permission.CONNECT));
        write(writer -> writer.identity().saveCustomRole(widened));
        assertEquals(List.of(analyst, widened), store.read(reader -> reader.identity().customRoles()));
        assertEquals(1, store.read(reader -> reader.identity().holdersOf(AUDITOR.id())), "replacing a role keeps its grants");

        write(writer -> writer.identity().deleteCustomRole(AUDITOR.id()));
        assertEquals(List.of(analyst), store.read(reader -> reader.identity().customRoles()));
        assertEquals(Set.of(), store.read(reader -> reader.identity().grantsOf(ALICE.principalId())));

        assertProblem(Problem.NOT_FOUND, () -> write(writer -> writer.identity().deleteCustomRole(AUDITOR.id())));
        assertProblem(Problem.INVALID_INPUT, () -> write(writer -> writer.identity().deleteCustomRole(ADMINISTRATOR)));
        assertProblem(Problem.INVALID_INPUT,
                () -> write(writer -> writer.identity().saveCustomRole(Role.custom("viewer", "Mine", Set.of()))));
    }

    @Test
    void settingsAreKeptAndReplaced() {
        write(writer -> {
            writer.identity().putSetting(SETTING, "Welcome");
            writer.identity().putSetting("console.theme", "dark");
        });
        write(writer -> writer.identity().putSetting(SETTING, "Maintenance tonight"));
        assertEquals(Optional.of("Maintenance tonight"), store.read(reader -> reader.identity().setting(SETTING)));
        assertEquals(Optional.of("dark"), store.read(reader -> reader.identity().setting("console.theme")));
        assertEquals(Optional.empty(), store.read(reader -> reader.identity().setting("console.unknown")));
        assertProblem(Problem.INVALID_INPUT, () -> write(writer -> writer.identity().putSetting(" ", "x")));
    }

    @Test
    void theAuditTrailComesBackNewestFirst() {
        List<AuditEntry> entries = IntStream.range(0, 5) // one timestamp for all: the order must not depend on it
                .mapToObj(i -> new AuditEntry(FirstSetup.AT, i == 0 ? null : ALICE.principalId(), "action-" + i, "ok",
                        i == 0 ? null : "detail " + i))
                .toList();
        write(writer -> entries.forEach(writer.audit()::append));
        assertEquals(List.of(entries.get(4), entries.get(3), entries.get(2)), store.read(reader -> reader.audit().newest(3)));
        assertEquals(entries.reversed(), store.read(reader -> reader.audit().newest(100)));
        assertProblem(Problem.INVALID_INPUT, () -> store.read(reader -> reader.audit().newest(0)));
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
            reader.identity().setting(SETTING); // the transaction has begun reading
            CompletableFuture.runAsync(() -> write(writer -> FirstSetup.run(writer, ALICE.principalId()))).join();
            return contentsOf(reader);
        });
        assertEquals(NOTHING, seen, "a setup committed meanwhile stays out of the snapshot");
        assertEquals(1, contents().administrators());
    }

    @Test
    void workThatThrowsLeavesNothingBehind() {
        IllegalStateException failure = new IllegalStateException("the caller changed its mind");
        Executable failingWork = () -> write(writer -> {
            FirstSetup.run(writer, ALICE.principalId());
            writer.identity().saveCustomRole(AUDITOR);
            writer.identity().putSetting(SETTING, "Welcome");
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, failingWork), "the exception propagates unchanged");
        assertEquals(NOTHING, contents());
    }

    @Test
    void transactionsNeitherNestNorOutliveTheirWork() {
        assertThrows(IllegalStateException.class, () -> write(writer -> store.read(reader -> reader.identity().binding())));
        StoreReader leaked = store.read(reader -> reader);
        assertThrows(IllegalStateException.class, () -> leaked.identity().binding());
        assertThrows(IllegalStateException.class, () -> leaked.savedConnections().of(ALICE.principalId()));
        assertThrows(IllegalStateException.class, () -> leaked.audit().newest(1));
        assertFalse(leaked instanceof StoreWriter, "a read transaction cannot be cast into writing");
        assertFalse(leaked.identity() instanceof IdentityWriter, "nor can its areas");
        assertFalse(leaked.savedConnections() instanceof SavedConnectionWriter, "nor can its areas");
        assertFalse(leaked.audit() instanceof AuditWriter, "nor can its areas");
        assertEquals(NOTHING, contents(), "and the store goes on working");
    }

    @Test
    void everythingSurvivesARestart() {
        write(writer -> {
            FirstSetup.run(writer, ALICE.principalId());
            writer.identity().saveUser(BOB);
            writer.identity().saveCustomRole(AUDITOR);
            writer.identity().grant(BOB.principalId(), AUDITOR.id());
            writer.identity().grant(BOB.principalId(), "viewer");
            writer.identity().putSetting(SETTING, "Welcome");
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
        assertEquals(ALICE.principalId(), store.read(reader -> reader.identity().binding()).orElseThrow().boundByPrincipalId());
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
    void aStoreLaidOutByANewerStratusFailsClosed() throws SQLException {
        write(writer -> FirstSetup.run(writer, ALICE.principalId()));
        runtime.shutDown();
        int future = Migrations.LAYOUT + 1;
        sql(properties, "INSERT INTO schema_version (version, description, applied_at) VALUES (" + future
                + ", 'from the future', CURRENT_TIMESTAMP)");

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("has schema version " + future + ", but this Stratus knows versions up to "
                + Migrations.LAYOUT + ": a newer Stratus has used it."), failure);
    }

    @Test
    void anAreaWrittenByANewerStratusFailsClosed() throws SQLException {
        write(writer -> FirstSetup.run(writer, ALICE.principalId()));
        runtime.shutDown();
        int future = Area.CONNECTIONS.latest() + 1;
        recordAreaVersion("connections", future);

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("has schema version " + future + " for saved connections, but this Stratus knows"
                + " versions up to " + Area.CONNECTIONS.latest() + ": a newer Stratus has used it."), failure);
    }

    @Test
    void anAreaThisStratusDoesNotKnowFailsClosed() throws SQLException {
        runtime.shutDown();
        recordAreaVersion("dashboards", 1);

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("has schema versions for dashboards, which this Stratus does not know: a newer"
                + " Stratus has used it."), failure);
    }

    @Test
    void aStoreLackingATableOfItsVersionFailsClosed() throws SQLException {
        runtime.shutDown();
        sql(properties, "DROP TABLE role_database_limits");

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("records schema version " + Area.IDENTITY.latest()
                + " for identity and roles but lacks its table(s) role_database_limits"), failure);
    }

    @Test
    void aStoreWhoseVersionWasLoweredFailsClosed() throws SQLException {
        runtime.shutDown();
        sql(properties, "DELETE FROM area_schema_version WHERE area = 'identity' AND version = " + Area.IDENTITY.latest());

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("records schema version " + (Area.IDENTITY.latest() - 1) + " for identity and roles"
                + " but holds the table(s) role_database_limits of a later version: its area_schema_version rows were"
                + " changed"), failure);
    }

    @Test
    void aStoreLackingASharedTableFailsClosed() throws SQLException {
        runtime.shutDown();
        sql(properties, "DROP TABLE write_lock");

        String failure = runtime.openExpectingFailure(properties);
        assertTrue(failure.contains("records schema version " + Migrations.LAYOUT + " but lacks its table(s) write_lock"),
                failure);
    }

    /**
     * A store from before areas, left by an older Stratus, opens with everything it held, and from
     * then on records each area's versions; it goes on working and opens again.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aStoreFromBeforeAreasOpensWithAllItsData(int wholeStoreVersion) throws Exception {
        runtime.shutDown();
        properties = newStore();
        try (Connection connection = connectToNewDatabase(properties)) {
            StoreBeforeAreas.create(connection, wholeStoreVersion);
        }
        store = runtime.open(properties);

        StoredUser alice = FirstSetup.user(StoreBeforeAreas.ALICE);
        StoredUser bob = FirstSetup.user(StoreBeforeAreas.BOB);
        SavedConnection orders = new SavedConnection("c-1", "Orders", "arn:aws:rds:eu-west-1:123456789012:db:orders",
                new Login.IamToken("reporting"), Optional.of("orders"));
        Contents held = new Contents(Optional.of(new InstanceBinding(FirstSetup.ACCOUNT, "aws", alice.principalId(),
                FirstSetup.AT)), List.of(alice, bob), Map.of(alice.principalId(), Set.of(ADMINISTRATOR),
                bob.principalId(), Set.of(AUDITOR.id(), "viewer")), 1, List.of(AUDITOR),
                wholeStoreVersion >= 3 ? Map.of(AUDITOR.id(), List.of("arn:aws:rds:*:*:db:reporting-*")) : Map.of(),
                Optional.of("Welcome"), Map.of(alice.principalId(), List.of(),
                        bob.principalId(), wholeStoreVersion >= 2 ? List.of(orders) : List.of()),
                List.of(new AuditEntry(StoreBeforeAreas.LATER, alice.principalId(), "grant", "success",
                        "auditor to bob (AIDABOB)"), new AuditEntry(FirstSetup.AT, null, "sign-in", "refused", "")));
        assertEquals(held, contents());
        assertEquals(Map.of("identity", Area.IDENTITY.latest(), "connections", Area.CONNECTIONS.latest(), "audit",
                Area.AUDIT.latest(), "counts", Area.COUNTS.latest()), areaVersions(),
                "every area is at its latest version and records it");

        SavedConnection legacy = new SavedConnection("c-2", "legacy", "arn:aws:rds:us-east-1:123456789012:db:legacy",
                new Login.Password("admin", Optional.empty()), Optional.empty());
        write(writer -> {
            writer.savedConnections().save(alice.principalId(), legacy);
            writer.identity().setDatabaseLimits("viewer", List.of("arn:aws:rds:*:*:db:legacy"));
        });
        Contents changed = contents();
        store = runtime.restart(properties);
        assertEquals(changed, contents());
        assertEquals(List.of(legacy), changed.savedConnections().get(alice.principalId()));
    }

    @Test
    void aFailingStoreTellsWhatHappenedWithoutItsInternals() {
        write(writer -> ((JdbcAudit) writer.audit()).sql.update("drop the audit trail", "DROP TABLE audit_log"));

        String message = assertProblem(Problem.UNAVAILABLE, () -> store.read(reader -> reader.audit().newest(10))).getMessage();
        assertEquals("The configuration store could not read the audit trail. Try again in a moment; if this keeps"
                + " happening, tell the administrator: the server's log says why.", message);
    }

    /** Reads the whole store in one transaction. */
    Contents contents() {
        return store.read(ConfigStoreContract::contentsOf);
    }

    private static Contents contentsOf(StoreReader reader) {
        IdentityReader identity = reader.identity();
        List<StoredUser> users = identity.users();
        return new Contents(identity.binding(), users, users.stream().collect(Collectors.toMap(StoredUser::principalId,
                user -> identity.grantsOf(user.principalId()))), identity.holdersOf(ADMINISTRATOR), identity.customRoles(),
                identity.databaseLimits(), identity.setting(SETTING), users.stream().collect(Collectors.toMap(
                        StoredUser::principalId, user -> reader.savedConnections().of(user.principalId()))),
                reader.audit().newest(100));
    }

    @Test
    void sharedCountsHoldTheirLimitWhenAttemptsComeAtOnce() throws Exception {
        SharedCounts counts = runtime.sharedCounts();
        List<Integer> counted = countAtOnce(List.of(counts), "sign-in from 192.0.2.1", 7, 40);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), counted, "each attempt below the limit counted once, none beyond");
    }

    @Test
    void aCountTakenBackOrForgottenMakesRoomAndAWindowThatEndsStartsAfresh() throws Exception {
        SharedCounts counts = runtime.sharedCounts();
        Duration window = Duration.ofMillis(500);
        SharedCounts.Counted first = counts.countBelow("key", 2, window).orElseThrow();
        assertEquals(2, counts.countBelow("key", 2, window).orElseThrow().count());
        assertEquals(Optional.empty(), counts.countBelow("key", 2, window), "the limit is reached");
        assertTrue(counts.windowEnds("key").orElseThrow().equals(first.windowEnds()), "the window began with the first");
        counts.takeBack(first);
        assertEquals(2, counts.countBelow("key", 2, window).orElseThrow().count(), "one taken back makes room for one");
        counts.forget("key");
        assertEquals(Optional.empty(), counts.windowEnds("key"));
        SharedCounts.Counted afresh = counts.countBelow("key", 2, window).orElseThrow();
        assertEquals(1, afresh.count());

        Thread.sleep(window.toMillis() + 100);
        assertEquals(Optional.empty(), counts.windowEnds("key"), "the window is over");
        SharedCounts.Counted next = counts.countBelow("key", 2, window).orElseThrow();
        assertEquals(1, next.count(), "a new window starts from nothing");
        counts.takeBack(afresh);
        assertEquals(2, counts.countBelow("key", 2, window).orElseThrow().count(),
                "taking back an attempt of a window that ended leaves the new one as it is");
    }

    /**
     * Counts {@code name} from {@code threads} threads at once, spread over the given nodes' counts;
     * returns the counts of the attempts that were counted, in order.
     */
    static List<Integer> countAtOnce(List<SharedCounts> nodes, String name, int limit, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<SharedCounts.Counted>>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SharedCounts node = nodes.get(i % nodes.size());
                attempts.add(pool.submit(() -> {
                    start.await();
                    return node.countBelow(name, limit, Duration.ofMinutes(1));
                }));
            }
            start.countDown();
            List<Integer> counted = new ArrayList<>();
            for (Future<Optional<SharedCounts.Counted>> attempt : attempts) {
                attempt.get(60, TimeUnit.SECONDS).ifPresent(c -> counted.add(c.count()));
            }
            counted.sort(null);
            return counted;
        } finally {
            pool.shutdownNow();
        }
    }

    void write(Consumer<StoreWriter> change) {
        store.write(writer -> {
            change.accept(writer);
            return null;
        });
    }

    /** Records a version of an area directly, as a newer Stratus (or a bug) could. */
    void recordAreaVersion(String area, int version) throws SQLException {
        sql(properties, "INSERT INTO area_schema_version (area, version, description, applied_at) VALUES ('" + area
                + "', " + version + ", 'from the future', CURRENT_TIMESTAMP)");
    }

    /** The latest version the store records for each area. */
    Map<String, Integer> areaVersions() throws SQLException {
        Map<String, Integer> versions = new TreeMap<>();
        try (Connection connection = Database.open(StoreSettings.from(properties)).connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT area, MAX(version) FROM area_schema_version GROUP BY area")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getInt(2));
            }
        }
        return versions;
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
