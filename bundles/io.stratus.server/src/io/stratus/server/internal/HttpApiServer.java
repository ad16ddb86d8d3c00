package io.stratus.server.internal;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The HTTP listener of the server product; what it answers is the {@link ApiDispatcher}'s business. */
final class HttpApiServer {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);

    private final Server jetty;
    private final ServerConnector connector;

    HttpApiServer(InetSocketAddress bindTo, ApiDispatcher api) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("stratus-http");
        jetty = new Server(threads);
        connector = new ServerConnector(jetty);
        connector.setHost(bindTo.getAddress().getHostAddress());
        connector.setPort(bindTo.getPort());
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() { // a Jetty handler belongs to one server, the dispatcher does not
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                api.handle(request, response, callback);
                return true;
            }
        });
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
