package io.stratus.server.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP listener of the server: answers the health checks itself ({@link NodeHealth}), from the
 * moment it listens, and hands everything else to the {@link ApiDispatcher} of the moment, which
 * exists once the services and their store are up (until then: 503), with the client's address
 * (behind {@link TrustedProxies}, the one they name). What Jetty refuses by itself (a malformed or
 * ambiguous request) is answered as the API answers errors, and no header names Jetty.
 */
final class HttpApiServer {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);
    /** Where Prometheus scrapes, as it expects by default. */
    static final String METRICS = "/metrics";
    /**
     * Open connections from one client address; more are closed as they come. Holding a connection
     * costs no thread (bodies are read as they arrive), but memory and a file descriptor.
     */
    static final int MAX_CONNECTIONS_PER_ADDRESS = 64;
    /** A connection on which nothing arrives or leaves for this long is closed. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server jetty;
    private final ServerConnector connector;
    private final boolean secure;
    private final Supplier<ApiDispatcher> api;
    private final TrustedProxies proxies;
    private final MetricsAccess metrics;
    private final NodeHealth health;

    /**
     * @param api the dispatcher, or {@code null} while the services are not there (a ServiceTracker)
     * @param version reported by the health check
     */
    HttpApiServer(InetSocketAddress bindTo, Supplier<ApiDispatcher> api, String version, Optional<ServerSettings.Tls> tls) {
        this(bindTo, api, version, tls, TrustedProxies.NONE, MetricsAccess.LOOPBACK_ONLY);
    }

    /**
     * @param proxies whose word on the client's address is believed; they may also hold any number of connections
     * @param metrics who may read {@code /metrics}
     */
    HttpApiServer(InetSocketAddress bindTo, Supplier<ApiDispatcher> api, String version, Optional<ServerSettings.Tls> tls,
            TrustedProxies proxies, MetricsAccess metrics) {
        this.api = api;
        this.proxies = proxies;
        this.metrics = metrics;
        this.health = new NodeHealth(api, version);
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("stratus-http");
        jetty = new Server(threads);
        secure = tls.isPresent();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = tls.map(settings -> tlsConnector(settings, http))
                .orElseGet(() -> new ServerConnector(jetty, new HttpConnectionFactory(http)));
        connector.setHost(bindTo.getAddress().getHostAddress());
        connector.setPort(bindTo.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.addEventListener(new ConnectionsPerAddress(MAX_CONNECTIONS_PER_ADDRESS, proxies));
        jetty.addConnector(connector);
        jetty.setErrorHandler(new JsonErrors());
        jetty.setHandler(new Handler.Abstract() { // a Jetty handler belongs to one server, the dispatcher does not
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                answer(request, response, callback);
                return true;
            }
        });
        jetty.setStopTimeout(GRACEFUL_STOP.toMillis());
        jetty.setStopAtShutdown(false); // ServerApplication owns the shutdown order
    }

    /** HTTPS only: with TLS on there is no plain-HTTP listener to fall back to. */
    private ServerConnector tlsConnector(ServerSettings.Tls tls, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(new String(tls.password()));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // people reach servers by IP address and by names the certificate may lack
        https.addCustomizer(secure);
        return new ServerConnector(jetty, ssl, new HttpConnectionFactory(https));
    }

    boolean secure() {
        return secure;
    }

    private void answer(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (NodeHealth.isHealthPath(path)) {
            health.answer(request, response, callback, path);
            return;
        }
        Callback counted = health.inFlight(callback);
        if (health.refuse(request, response, counted, path)) {
            return;
        }
        ApiDispatcher dispatcher = api.get();
        if (dispatcher == null) {
            JsonResponses.error(response, counted, ApiError.UNAVAILABLE,
                    "Stratus is starting, or its store is not available yet. Try again in a moment.");
        } else if (path.equals(METRICS)) {
            answerMetrics(request, response, counted, dispatcher);
        } else {
            dispatcher.handle(request, response, counted, proxies.clientAddress(request));
        }
    }

    /** Prometheus's scrape, for operators only (see {@link MetricsAccess}). */
    private void answerMetrics(Request request, Response response, Callback callback, ApiDispatcher dispatcher) {
        if (!request.getMethod().equals("GET")) {
            JsonResponses.error(response, callback, ApiError.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not allowed on " + METRICS + "; use GET.");
            return;
        }
        Optional<ApiException> refused = metrics.refusal(request, proxies.clientAddress(request));
        if (refused.isPresent()) {
            if (refused.get().error == ApiError.NOT_SIGNED_IN) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            JsonResponses.error(response, callback, refused.get().error, refused.get().getMessage());
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.write(true, ByteBuffer.wrap(dispatcher.metricsText().getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * Closes the connections of an address beyond its limit as they open. A trusted proxy carries
     * everybody's connections: its own limits are the ones that hold there.
     */
    private static final class ConnectionsPerAddress implements Connection.Listener {
        private final AddressCounts open;
        private final TrustedProxies proxies;
        private final Map<Connection, String> counted = new ConcurrentHashMap<>();

        ConnectionsPerAddress(int limit, TrustedProxies proxies) {
            open = new AddressCounts(limit);
            this.proxies = proxies;
        }

        @Override
        public void onOpened(Connection connection) {
            // Over TLS the HTTP connection rides on the TLS one: count the TCP connection once.
            if (!(connection.getEndPoint() instanceof SocketChannelEndPoint endPoint)
                    || !(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote)
                    || proxies.trusts(remote)) {
                return;
            }
            String address = remote.getAddress().getHostAddress();
            if (open.tryEnter(address)) {
                counted.put(connection, address);
            } else {
                endPoint.close();
            }
        }

        @Override
        public void onClosed(Connection connection) {
            String address = counted.remove(connection);
            if (address != null) {
                open.leave(address);
            }
        }
    }

    /** Jetty's own refusals (bad or ambiguous request lines and headers) in the API's error shape. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause,
                Callback callback) {
            JsonResponses.error(response, callback, status, ApiError.ofStatus(status), "The request was refused ("
                    + status + (reason == null ? "" : " " + reason) + "). Check its path, query and headers, "
                    + "then send it again.");
        }
    }

    /** Starts listening; returns the address bound (port 0 picks a free port). */
    InetSocketAddress start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /**
     * The drain before a stop: new sign-ins get 503 and readiness says so for {@code notice}, then
     * the requests in flight finish (at most {@code bound} more). The listener keeps answering.
     */
    void drain(Duration notice, Duration bound) throws InterruptedException {
        health.drain(notice, bound);
    }

    /** Lets requests in flight finish (bounded), then closes the listener. */
    void stop() throws Exception {
        jetty.stop();
    }
}
