package io.stratus.explorer.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.session.SessionListener;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.core.explorer.ExplorerTree;
import io.stratus.core.explorer.ExplorerTree.RegionNode;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.discovery.AccessDenied;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.ScanScope;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Discovery across the configured regions, every service and region pair at once (AWS calls
 * bounded by {@code parallelism}), each with its own deadline, so one slow or failing region
 * never holds back the others. The services are the {@link Discovery} services engines' bundles
 * register, and connection defaults come from their {@link EngineContribution}s. Configured
 * through ConfigAdmin (PID {@code io.stratus.explorer}).
 */
@Component(service = {CloudExplorer.class, SessionListener.class}, configurationPid = ExplorerConfiguration.PID)
public final class CloudExplorerComponent implements CloudExplorer, SessionListener {

    @interface Config {
        /** Regions to scan; empty means the partition's standard regions. */
        String[] regions() default {};

        /** AWS calls in flight at most, for all people together. */
        int parallelism() default 128;

        /** A service and region pair not done by then is reported as timed out. */
        long scanTimeoutMillis() default 30_000;
    }

    private static final Map<String, List<String>> STANDARD_REGIONS = Map.of(
            "aws", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
                    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1",
                    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2"),
            "aws-cn", List.of("cn-north-1", "cn-northwest-1"),
            "aws-us-gov", List.of("us-gov-west-1", "us-gov-east-1"));

    private static final Comparator<Discovery> IN_TREE_ORDER = Comparator
            .<Discovery>comparingInt(d -> d.service().position()).thenComparing(d -> d.service().id());

    /** For callers that want the finished tree only. */
    private static final Consumer<ExplorerTree> UNHEARD = tree -> {
    };

    private final SignInService sessions;
    private final AwsCalls calls;
    private final List<String> configuredRegions;
    private final Duration scanTimeout;
    private final Clock clock = Clock.systemUTC();
    /**
     * Reused platform threads, not virtual ones: the AWS SDK caches its XML parser factory per
     * thread, and a fresh virtual thread per call would build one for every response (a third of
     * a scan's CPU). Unbounded, because scans wait on the listings they start; the semaphore in
     * AwsCalls bounds the AWS calls.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("stratus-discovery-", 1).factory());
    /** Each session's own tree; never shared, dropped when the session ends. */
    private final Map<String, Map<PairKey, RegionNode>> trees = new ConcurrentHashMap<>();

    /** Engines' bundles come and go: the tree shows the discoveries there are at each look. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Discovery> discoveries;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<EngineContribution> engineContributions;

    private record PairKey(CloudService service, String region) {
    }

    @Activate
    public CloudExplorerComponent(@Reference AwsClients aws, @Reference SignInService sessions, Config config) {
        if (config.parallelism() < 1 || config.scanTimeoutMillis() < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Explorer settings parallelism and scanTimeoutMillis "
                    + "must be positive.");
        }
        this.sessions = sessions;
        this.calls = new AwsCalls(aws, config.parallelism());
        this.configuredRegions = Arrays.stream(config.regions()).map(String::strip).filter(r -> !r.isEmpty()).toList();
        this.scanTimeout = Duration.ofMillis(config.scanTimeoutMillis());
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        trees.clear();
    }

    @Override
    public ExplorerTree tree(UserSession session, Consumer<ExplorerTree> answers) {
        session.require(Action.EXPLORE);
        return treeOf(session, answers);
    }

    /** The tree without a permission check of its own: its callers check the action they serve. */
    private ExplorerTree treeOf(UserSession session, Consumer<ExplorerTree> answers) {
        Map<PairKey, RegionNode> tree = trees.get(session.id());
        return tree != null ? assemble(session, tree) : discoverAll(session, answers);
    }

    @Override
    public ExplorerTree refresh(UserSession session, Consumer<ExplorerTree> answers) {
        session.require(Action.EXPLORE);
        return discoverAll(session, answers);
    }

    private ExplorerTree discoverAll(UserSession session, Consumer<ExplorerTree> answers) {
        List<PairKey> pairs = discoveries.stream()
                .flatMap(d -> regions(session).stream().map(r -> new PairKey(d.service(), r))).toList();
        Map<PairKey, RegionNode> before = trees.getOrDefault(session.id(), Map.of());
        Map<PairKey, RegionNode> tree = new ConcurrentHashMap<>(scan(session, pairs, before, answers));
        trees.put(session.id(), tree);
        if (sessions.find(session.id()).isEmpty()) { // it ended during the scan, after sessionEnded ran
            trees.remove(session.id());
        }
        return assemble(session, tree);
    }

    @Override
    public ExplorerTree refresh(UserSession session, String service, String region) {
        session.require(Action.EXPLORE);
        CloudService known = discoveries.stream().map(Discovery::service).filter(s -> s.id().equalsIgnoreCase(service))
                .findFirst().orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "Unknown service '" + service
                        + "'. Use one of: " + String.join(", ", inTreeOrder().stream().map(d -> d.service().id())
                                .toList()) + "."));
        if (!regions(session).contains(region)) {
            throw new StratusException(Problem.NOT_FOUND, "Region " + region + " is not among the regions this "
                    + "instance scans: " + String.join(", ", regions(session)) + ".");
        }
        Map<PairKey, RegionNode> tree = trees.get(session.id());
        if (tree == null) {
            return discoverAll(session, UNHEARD);
        }
        tree.putAll(scan(session, List.of(new PairKey(known, region)), tree, UNHEARD));
        return assemble(session, tree);
    }

    @Override
    public ConnectionSpec connectionSpec(UserSession session, String resourceId, Action action) {
        session.require(action);
        CloudResource resource = treeOf(session, UNHEARD).find(resourceId).orElseThrow(() -> new StratusException(
                Problem.NOT_FOUND, "No database " + resourceId + " in your explorer. Refresh it if it is new."));
        return ConnectionSpecs.of(resource, engine(resource.engine()));
    }

    @Override
    public List<DatabaseEngine> engines() {
        return engineContributions.stream().flatMap(c -> c.engines().stream())
                .sorted(Comparator.comparing(DatabaseEngine::name)).toList();
    }

    private Optional<DatabaseEngine> engine(String id) {
        return engineContributions.stream().flatMap(c -> c.engines().stream()).filter(e -> e.id().equals(id)).findFirst();
    }

    private List<Discovery> inTreeOrder() {
        return discoveries.stream().sorted(IN_TREE_ORDER).toList();
    }

    private List<String> regions(UserSession session) {
        return configuredRegions.isEmpty()
                ? STANDARD_REGIONS.getOrDefault(session.identity().partition(), STANDARD_REGIONS.get("aws"))
                : configuredRegions;
    }

    /**
     * Scans the pairs at once; each one ends ok, denied, failed or timed out by its deadline.
     * {@code answers} hears the tree after each answer: {@code before}'s nodes where there are no
     * answers yet, else pending ones.
     */
    private Map<PairKey, RegionNode> scan(UserSession session, List<PairKey> pairs, Map<PairKey, RegionNode> before,
            Consumer<ExplorerTree> answers) {
        ConcurrentMap<Object, CompletableFuture<Object>> listings = new ConcurrentHashMap<>();
        Map<PairKey, RegionNode> soFar = new HashMap<>(before);
        pairs.forEach(pair -> soFar.putIfAbsent(pair, new RegionNode(pair.region(), ScanStatus.PENDING, clock.instant(),
                List.of())));
        AtomicBoolean over = new AtomicBoolean();
        Consumer<Map.Entry<PairKey, RegionNode>> answered = answer -> {
            synchronized (soFar) { // one answer at a time, so that every tree handed out holds all earlier answers
                if (!over.get()) { // an answer after the deadline is not heard: the scan reported it as timed out
                    soFar.put(answer.getKey(), answer.getValue());
                    answers.accept(assemble(session, soFar));
                }
            }
        };
        Map<PairKey, Future<RegionNode>> running = new LinkedHashMap<>();
        List<Discovery> present = discoveries;
        for (PairKey pair : pairs) {
            ScanScope scope = new ScanScope(session.identity().accountId(), session.identity().partition(), pair.region());
            present.stream().filter(d -> d.service().equals(pair.service())).findFirst().ifPresent(discovery ->
                    running.put(pair, executor.submit(() -> {
                        RegionNode node = scanOne(session, discovery, scope, listings);
                        answered.accept(Map.entry(pair, node));
                        return node;
                    })));
        }
        long deadline = System.nanoTime() + scanTimeout.toNanos();
        Map<PairKey, RegionNode> done = new LinkedHashMap<>();
        for (Map.Entry<PairKey, Future<RegionNode>> pair : running.entrySet()) {
            done.put(pair.getKey(), await(pair.getKey(), pair.getValue(), deadline));
        }
        synchronized (soFar) {
            over.set(true);
        }
        return done;
    }

    private RegionNode scanOne(UserSession session, Discovery discovery, ScanScope scope,
            ConcurrentMap<Object, CompletableFuture<Object>> listings) {
        try {
            Found found = scanAllowed(discovery, new RefreshScan(calls, session.awsKeys(), executor, listings), scope);
            ScanStatus status = found.deniedActions().isEmpty() ? ScanStatus.OK
                    : ScanStatus.accessDenied(found.deniedActions());
            return new RegionNode(scope.region(), status, clock.instant(), found.resources());
        } catch (StratusException e) {
            if (e.problem() == Problem.NOT_SIGNED_IN || e.problem() == Problem.KEYS_EXPIRED) {
                throw e; // the session is over, or waits for new keys: the whole refresh is (the tree kept stays)
            }
            return new RegionNode(scope.region(), new ScanStatus(ScanStatus.Outcome.FAILED, e.getMessage()),
                    clock.instant(), List.of());
        }
    }

    /** A refusal of a call the whole scan needs may reach here: then nothing was found. */
    private static Found scanAllowed(Discovery discovery, RefreshScan scan, ScanScope scope) {
        try {
            return discovery.scan(scan, scope);
        } catch (AccessDenied denied) {
            return Found.denied(denied);
        }
    }

    private RegionNode await(PairKey pair, Future<RegionNode> scan, long deadline) {
        try {
            return scan.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            scan.cancel(true);
            return new RegionNode(pair.region(), new ScanStatus(ScanStatus.Outcome.TIMED_OUT, "No answer from "
                    + pair.service().displayName() + " in " + pair.region() + " within " + scanTimeout.toSeconds()
                    + " s; refresh to try again."), clock.instant(), List.of());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StratusException stratus) {
                throw stratus;
            }
            throw new IllegalStateException("Discovery of " + pair + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StratusException(Problem.UNAVAILABLE, "Discovery was interrupted.", e);
        }
    }

    private ExplorerTree assemble(UserSession session, Map<PairKey, RegionNode> tree) {
        List<String> regions = regions(session);
        return new ExplorerTree(session.identity().accountId(), inTreeOrder().stream()
                .map(d -> new ServiceNode(d.service(), regions.stream()
                        .map(r -> tree.get(new PairKey(d.service(), r))).filter(n -> n != null).toList()))
                .toList());
    }

    @Override
    public void sessionEnded(String sessionId) {
        trees.remove(sessionId);
    }
}
