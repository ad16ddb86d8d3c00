package io.stratus.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP listener of the server: answers {@code /api/health} itself, from the moment it listens,
 * and hands everything else to the {@link ApiDispatcher} of the moment, which exists once the
 * services and their store are up (until then: 503).
 */
final class HttpApiServer {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);

    private final Server jetty;
    private final ServerConnector connector;
    private final boolean secure;
    private final Supplier<ApiDispatcher> api;
    private final String version;
    private final long startedNanos = System.nanoTime();

    /**
     * @param api the dispatcher, or {@code null} while the services are not there (a ServiceTracker)
     * @param version reported by the health check
     */
    HttpApiServer(InetSocketAddress bindTo, Supplier<ApiDispatcher> api, String version, Optional<ServerSettings.Tls> tls) {
        this.api = api;
        this.version = version;
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("stratus-http");
        jetty = new Server(threads);
        secure = tls.isPresent();
        connector = tls.map(this::tlsConnector).orElseGet(() -> new ServerConnector(jetty));
        connector.setHost(bindTo.getAddress().getHostAddress());
        connector.setPort(bindTo.getPort());
        jetty.addConnector(connector);
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
    private ServerConnector tlsConnector(ServerSettings.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(new String(tls.password()));
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // people reach servers by IP address and by names the certificate may lack
        https.addCustomizer(secure);
        return new ServerConnector(jetty, ssl, new HttpConnectionFactory(https));
    }

    boolean secure() {
        return secure;
    }

    private void answer(Request request, Response response, Callback callback) {
        ApiDispatcher dispatcher = api.get();
        if (Request.getPathInContext(request).equals("/api/health")) {
            if (!request.getMethod().equals("GET")) {
                JsonResponses.error(response, callback, ApiError.METHOD_NOT_ALLOWED,
                        request.getMethod() + " is not allowed on /api/health; use GET.");
                return;
            }
            ObjectNode health = JsonResponses.JSON.createObjectNode().put("status", "ok").put("version", version)
                    .put("uptimeSeconds", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds())
                    .put("ready", dispatcher != null);
            JsonResponses.send(response, callback, 200, Optional.of(health));
        } else if (dispatcher == null) {
            JsonResponses.error(response, callback, ApiError.UNAVAILABLE,
                    "Stratus is starting, or its store is not available yet. Try again in a moment.");
        } else {
            dispatcher.handle(request, response, callback);
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

    /** Lets requests in flight finish (bounded), then closes the listener. */
    void stop() throws Exception {
        jetty.stop();
    }
}
