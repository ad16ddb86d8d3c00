package io.stratus.server.internal;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The HTTP listener of the server product; what it answers is the handler's business. */
final class HttpApiServer {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);

    private final Server jetty;
    private final ServerConnector connector;

    HttpApiServer(InetSocketAddress bindTo, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("stratus-http");
        jetty = new Server(threads);
        connector = new ServerConnector(jetty);
        connector.setHost(bindTo.getAddress().getHostAddress());
        connector.setPort(bindTo.getPort());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setStopTimeout(GRACEFUL_STOP.toMillis());
        jetty.setStopAtShutdown(false); // ServerApplication owns the shutdown order
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
