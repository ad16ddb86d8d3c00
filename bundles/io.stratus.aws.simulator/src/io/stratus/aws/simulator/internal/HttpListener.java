package io.stratus.aws.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Carries requests between Jetty (on 127.0.0.1 only) and the {@link Dispatcher}. */
public final class HttpListener {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Server jetty;
    private final ServerConnector connector;

    public HttpListener(Dispatcher dispatcher, int port) {
        // AWS answers any number of callers at once, and an injected latency holds its thread for
        // the whole delay: a discovery across 17 regions has a hundred calls in flight.
        QueuedThreadPool threads = new QueuedThreadPool(256, 2);
        threads.setName("aws-simulator");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendDateHeader(false); // the Date header must come from the simulator's clock, which may be skewed
        http.setSendServerVersion(false);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        // A burst of new connections (a client keeps few idle ones per host, and every region shares this
        // one) must not overflow the accept queue: a dropped SYN is retried only a second later.
        connector.setAcceptQueueSize(1024);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                switch (dispatcher.answer(read(request))) {
                    case Dispatcher.Answer.Respond respond -> write(respond, response, callback);
                    case Dispatcher.Answer.Drop drop -> drop(request, drop.reset(), callback);
                }
                return true;
            }
        });
    }

    /** Starts listening and returns the port (a free one if 0 was asked for). */
    public int start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return connector.getLocalPort();
    }

    public void stop() throws Exception {
        jetty.stop();
    }

    private static HttpCall read(Request request) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        return new HttpCall(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(), headers,
                body);
    }

    private static void write(Dispatcher.Answer.Respond respond, Response response, Callback callback) {
        Reply reply = respond.reply();
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        headers.put(HttpHeader.DATE, HTTP_DATE.format(respond.date()));
        headers.put("x-amzn-RequestId", respond.requestId());
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** Closes the connection before any response byte; with SO_LINGER 0 the close is a TCP reset. */
    private static void drop(Request request, boolean reset, Callback callback) throws IOException {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof SocketChannel channel) {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        endPoint.close();
        // Jetty logs a failed request as a warning unless the cause is one of its quiet EOFs.
        callback.failed(new EofException("Connection dropped on purpose by an injected fault"));
    }
}
