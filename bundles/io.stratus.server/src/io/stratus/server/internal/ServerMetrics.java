package io.stratus.server.internal;

import io.stratus.aws.AwsCallListener;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.OpenDatabasesListener;
import io.stratus.core.session.SessionListener;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

/**
 * What operators measure on this node, in Prometheus's text format: sessions, sign-ins by outcome,
 * AWS calls by service (latency, failures), open databases, statements, and the store's round trip.
 * It learns them as a whiteboard listener of the services (AWS calls, sessions ending, databases
 * opening and closing) and from the API's answers; it holds no name, key or address of anybody.
 */
@Component(service = {ServerMetrics.class, AwsCallListener.class, OpenDatabasesListener.class, SessionListener.class})
public final class ServerMetrics implements AwsCallListener, OpenDatabasesListener, SessionListener {

    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final String STATEMENTS_ROUTE = "/api/databases/{id}/statements";
    private static final Set<String> SIGN_IN_ROUTES = Set.of("/api/session", "/api/setup");

    /** A Prometheus histogram of durations: counts per bucket, their sum and count. */
    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);
        final AtomicLong count = new AtomicLong();
        final AtomicLong sumNanos = new AtomicLong();

        void observe(Duration took) {
            double seconds = took.toNanos() / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sumNanos.addAndGet(took.toNanos());
        }
    }

    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> openDatabases = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> signIns = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> statements = new ConcurrentHashMap<>();
    private final Map<String, Histogram> awsCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> awsFailures = new ConcurrentHashMap<>();
    private final Histogram store = new Histogram();
    /** The store opened before the services that use it started: up until a round trip fails. */
    private volatile boolean storeUp = true;

    @Override
    public void answered(String service, String action, Duration took, boolean failed) {
        awsCalls.computeIfAbsent(service, s -> new Histogram()).observe(took);
        if (failed) {
            awsFailures.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
        }
    }

    @Override
    public void opened(String sessionId, OpenDatabase database) {
        openDatabases.add(database.id());
    }

    @Override
    public void closed(String sessionId, String connectionId) {
        openDatabases.remove(connectionId);
    }

    @Override
    public void sessionEnded(String sessionId) {
        sessions.remove(sessionId);
    }

    /** A session the API opened (sign-in or setup); it counts until it ends. */
    void sessionOpened(String sessionId) {
        sessions.add(sessionId);
    }

    /** An API request answered: sign-ins and statements are counted by how they ended. */
    void apiAnswered(Router.Route route, int status) {
        if (route.method().equals("POST") && SIGN_IN_ROUTES.contains(route.template())) {
            count(signIns, status == 201 ? "success" : status == 429 ? "throttled" : status < 500 ? "refused" : "error");
        } else if (route.method().equals("POST") && route.template().equals(STATEMENTS_ROUTE)) {
            count(statements, status < 400 ? "success" : "failure");
        }
    }

    /** A round trip to the store (the readiness probe's), or its failure. */
    void storeAnswered(Duration took, boolean up) {
        store.observe(took);
        storeUp = up;
    }

    private static void count(Map<String, AtomicLong> counts, String outcome) {
        counts.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    /** Everything, in the Prometheus text exposition format 0.0.4. */
    String text() {
        StringBuilder out = new StringBuilder(4096);
        gauge(out, "stratus_sessions", "Sign-in sessions open on this node.", sessions.size());
        counters(out, "stratus_sign_ins_total", "Sign-ins and setups answered on this node, by outcome.", "outcome",
                signIns);
        histograms(out, "stratus_aws_call_seconds", "AWS calls by service, from the first request to the answer.",
                awsCalls);
        counters(out, "stratus_aws_call_failures_total", "AWS calls that ended in an error, by service.", "service",
                awsFailures);
        gauge(out, "stratus_open_databases", "Database connections open on this node.", openDatabases.size());
        counters(out, "stratus_statements_total", "Statements run through the API on this node, by outcome.", "outcome",
                statements);
        gauge(out, "stratus_store_up", "Whether the store answered its last round trip.", storeUp ? 1 : 0);
        histograms(out, "stratus_store_round_trip_seconds", "Round trips to the store (a small read).",
                Map.of("", store));
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "gauge");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void counters(StringBuilder out, String name, String help, String label, Map<String, AtomicLong> by) {
        header(out, name, help, "counter");
        new TreeMap<>(by).forEach((value, count) -> out.append(name).append('{').append(label).append("=\"")
                .append(value).append("\"} ").append(count.get()).append('\n'));
    }

    private static void histograms(StringBuilder out, String name, String help, Map<String, Histogram> byService) {
        header(out, name, help, "histogram");
        Function<String, String> labels = service -> service.isEmpty() ? "" : "service=\"" + service + "\",";
        new TreeMap<>(byService).forEach((service, histogram) -> {
            String label = labels.apply(service);
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{").append(label).append("le=\"").append(BUCKETS[i]).append("\"} ")
                        .append(histogram.buckets.get(i)).append('\n');
            }
            long count = histogram.count.get();
            String plain = label.isEmpty() ? "" : "{" + label.substring(0, label.length() - 1) + "}";
            out.append(name).append("_bucket{").append(label).append("le=\"+Inf\"} ").append(count).append('\n');
            out.append(name).append("_sum").append(plain).append(' ').append(histogram.sumNanos.get() / 1e9).append('\n');
            out.append(name).append("_count").append(plain).append(' ').append(count).append('\n');
        });
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
