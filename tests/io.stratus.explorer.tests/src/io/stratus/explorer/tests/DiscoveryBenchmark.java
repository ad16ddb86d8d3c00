package io.stratus.explorer.tests;

import io.stratus.aws.simulator.seed.RegionBuilder;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.core.explorer.ExplorerTree;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.testing.PairedRounds;
import io.stratus.testing.StratusServices;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Discovery across the 17 standard regions with 100 ms on every AWS call, as far-away regions
 * answer. Prints, for each layout, the wall time of a full refresh next to two references: the sum
 * of all its calls' latencies (what a sequential scan would take) and the longest chain of
 * dependent calls times the latency (the least any scan can take: pages of one listing follow each
 * other, and a DynamoDB table or an Aurora DSQL cluster is described after it is listed). Every
 * region holds one database of each kind: an RDS instance, an Aurora and a DocumentDB cluster, a
 * Redshift cluster and a Redshift Serverless workgroup, a DynamoDB table and an Aurora DSQL cluster.
 * Asserts nothing: run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks}.
 * <p>
 * Targets: the 17 regions with one of them holding 3 pages of DB instances within 400 ms; with
 * one region holding 2,000 instances (20 pages of 100), within 1.2 times the limit.
 */
class DiscoveryBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final OperatingSystemMXBean LOAD = ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2");
    private static final String BIG_REGION = "us-east-1";
    /** RDS returns at most 100 DB instances a page. */
    private static final int PAGE = 100;
    /**
     * Refreshes before the clock starts: a server that has run for a while has its code compiled,
     * and the steady state is what people meet. First quick ones without latency (some 6,000 AWS
     * calls), then ones as measured until the JIT settles: with 100 ms latency the calls overlap
     * and block differently, and after the quick ones alone the JIT still compiled for a core's
     * worth of time through the measured rounds.
     */
    private static final int WARM_UP = 40;
    /** The JIT has settled when this many refreshes in a row compile for less than {@link #SETTLED_JIT_MILLIS}. */
    private static final int SETTLED_REFRESHES = 5;
    private static final long SETTLED_JIT_MILLIS = 25;
    private static final int MOST_REFRESHES_TO_SETTLE = 200;
    private static final String SIMULATOR_THREADS = "aws-simulator";
    private static final int ROUNDS = 9;
    private static final String KEY_ID = "AKIABENCH00000000001";
    private static final String SECRET = "bench+secret+000000000000000000000000001";

    @Test
    void discoveryAcrossSeventeenRegions() throws Exception {
        measure("17 regions, 3 pages of DB instances in " + BIG_REGION, 250, "target: 400 ms");
        measure("17 regions, 2,000 DB instances in " + BIG_REGION, 2_000, "target: 1.2 x the limit");
    }

    private static void measure(String layout, int bigRegionInstances, String target) throws Exception {
        try (TestAwsSimulator simulator = TestAwsSimulator.start(seed(bigRegionInstances))) {
            StratusServices stratus = new StratusServices();
            stratus.useAws(simulator, Map.of("maxAttempts", 2));
            stratus.configure(ExplorerConfiguration.PID, new Hashtable<>(Map.of(
                    "regions", REGIONS.toArray(String[]::new), "scanTimeoutMillis", 60_000L)));
            stratus.freshInstance("discovery-benchmark");
            UserSession session = stratus.signIn().setUp(new AwsCredentials(KEY_ID, Secret.of(SECRET), null));
            StratusServices.awaitTrue("the explorer is configured for 17 regions",
                    () -> stratus.explorer().tree(session).services().get(0).regions().size() == REGIONS.size());

            for (int i = 0; i < WARM_UP; i++) {
                stratus.explorer().refresh(session);
            }
            simulator.faults().latency("*", LATENCY);
            int toSettle = settleJit(stratus, session);
            double loadBefore = LOAD.getSystemLoadAverage();
            long[] wallMillis = new long[ROUNDS];
            long[] cpuMillis = new long[ROUNDS];
            long[] simulatorCpuMillis = new long[ROUNDS];
            long[] jitMillis = new long[ROUNDS];
            long calls = 0;
            for (int round = 0; round < ROUNDS; round++) {
                simulator.calls().clear();
                Map<Long, Long> simulatorCpuBefore = simulatorThreadsCpuNanos();
                long jitBefore = JIT.getTotalCompilationTime();
                long started = System.nanoTime();
                long cpuStarted = PairedRounds.processCpuNanos();
                ExplorerTree tree = stratus.explorer().refresh(session);
                wallMillis[round] = (System.nanoTime() - started) / 1_000_000;
                cpuMillis[round] = (PairedRounds.processCpuNanos() - cpuStarted) / 1_000_000;
                jitMillis[round] = JIT.getTotalCompilationTime() - jitBefore;
                simulatorCpuMillis[round] = simulatorThreadsCpuNanos().entrySet().stream()
                        .mapToLong(t -> t.getValue() - simulatorCpuBefore.getOrDefault(t.getKey(), 0L)).sum() / 1_000_000;
                calls = simulator.calls().count("*");
                requireComplete(tree, bigRegionInstances);
            }
            long chain = longestChain(bigRegionInstances);
            long[] sorted = wallMillis.clone();
            Arrays.sort(sorted);
            System.out.printf("%n[benchmark] discovery, %s, %d ms per AWS call, %d rounds%n", layout, LATENCY.toMillis(),
                    ROUNDS);
            System.out.printf("[benchmark]   wall time           median %5d ms   best %5d ms   all %s%n",
                    sorted[ROUNDS / 2], sorted[0], Arrays.toString(wallMillis));
            System.out.printf("[benchmark]   CPU of this JVM     median %5d ms   per refresh, simulator included   all %s%n",
                    median(cpuMillis), Arrays.toString(cpuMillis));
            System.out.printf("[benchmark]     of the simulator  median %5d ms   (its threads: AWS's own work, here on the same cores)"
                    + "   all %s%n", median(simulatorCpuMillis), Arrays.toString(simulatorCpuMillis));
            System.out.printf("[benchmark]   JIT compiling       median %5d ms   per refresh, settled after %d refreshes with"
                    + " latency   all %s%n", median(jitMillis), toSettle, Arrays.toString(jitMillis));
            System.out.printf("[benchmark]   sum of all calls    %5d ms   (%d calls: a sequential scan)%n",
                    calls * LATENCY.toMillis(), calls);
            System.out.printf("[benchmark]   limit               %5d ms   (longest chain: %d dependent calls)   %s"
                    + "   median/limit %.2f%n", chain * LATENCY.toMillis(), chain, target,
                    sorted[ROUNDS / 2] / (double) (chain * LATENCY.toMillis()));
            // On a shared machine the figures stretch with the load: say what it was.
            System.out.printf("[benchmark]   load average        %.2f before, %.2f after (%d cores)%n", loadBefore,
                    LOAD.getSystemLoadAverage(), LOAD.getAvailableProcessors());
            stratus.stop();
        }
    }

    /** Refreshes until the JIT has settled (or for as long as it is let); returns how many it took. */
    private static int settleJit(StratusServices stratus, UserSession session) {
        int refreshes = 0;
        for (int quiet = 0; quiet < SETTLED_REFRESHES && refreshes < MOST_REFRESHES_TO_SETTLE; refreshes++) {
            long compiledBefore = JIT.getTotalCompilationTime();
            stratus.explorer().refresh(session);
            quiet = JIT.getTotalCompilationTime() - compiledBefore < SETTLED_JIT_MILLIS ? quiet + 1 : 0;
        }
        return refreshes;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** CPU time so far of each live thread of the simulator (its Jetty pool), by thread id. */
    private static Map<Long, Long> simulatorThreadsCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(SIMULATOR_THREADS)) {
                long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
                if (nanos >= 0) {
                    cpu.put(thread.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    /**
     * The longest chain of calls that must wait for each other: the DB instance pages of the big
     * region one after another, or a DynamoDB (or Aurora DSQL) listing followed by its tables' (or
     * clusters') descriptions. Redshift's clusters, workgroups and namespaces are listed side by side.
     */
    private static long longestChain(int bigRegionInstances) {
        long instancePages = (bigRegionInstances + PAGE - 1) / PAGE;
        long listThenDescribe = 2;
        return Math.max(instancePages, listThenDescribe);
    }

    /** A benchmark of a scan that silently failed would measure nothing. */
    private static void requireComplete(ExplorerTree tree, int bigRegionInstances) {
        tree.services().forEach(service -> service.regions().forEach(region -> {
            if (!region.status().equals(ScanStatus.OK)) {
                throw new IllegalStateException(service.service() + " in " + region.region() + ": " + region.status());
            }
        }));
        int found = tree.node("RDS", BIG_REGION).orElseThrow().resources().size();
        if (found < bigRegionInstances) {
            throw new IllegalStateException("found " + found + " of " + bigRegionInstances + " DB instances");
        }
        for (String region : REGIONS) {
            if (tree.node("REDSHIFT", region).orElseThrow().resources().size() != 2
                    || tree.node("DSQL", region).orElseThrow().resources().size() != 1) {
                throw new IllegalStateException("a Redshift cluster, a workgroup or an Aurora DSQL cluster is missing in "
                        + region);
            }
        }
    }

    /** Every region holds one database of each kind; the big one holds many DB instances instead of one. */
    private static Seed seed(int bigRegionInstances) {
        return Seed.builder().account("123456789012", account -> {
            account.user("bench", u -> u.accessKey(KEY_ID, SECRET));
            for (String region : REGIONS) {
                account.region(region, r -> databases(r, region, region.equals(BIG_REGION) ? bigRegionInstances : 0));
            }
        }).build();
    }

    private static void databases(RegionBuilder region, String name, int generated) {
        if (generated > 0) {
            region.generatedDbInstances(generated, "bulk");
        } else {
            region.dbInstance("app", db -> db.engine("postgres"));
        }
        region.dbCluster("core", c -> c.engine("aurora-postgresql").members("core-1"))
                .dbInstance("core-1", db -> db.engine("aurora-postgresql").cluster("core"))
                .dbCluster("docs", c -> c.engine("docdb").members("docs-1"))
                .dbInstance("docs-1", db -> db.engine("docdb").cluster("docs"))
                .redshiftCluster("warehouse", rs -> rs.nodeType("ra3.xlplus"))
                .redshiftWorkgroup("reporting", "reports")
                .dsqlCluster(dsqlIdentifier(name), "ledger", null)
                .dynamoDbTable("sessions", t -> t.partitionKey("id", "S"));
    }

    /** An identifier of DSQL's shape (26 lowercase letters and digits), one per region. */
    private static String dsqlIdentifier(String region) {
        return (region.replace("-", "") + "0".repeat(26)).substring(0, 26);
    }
}
