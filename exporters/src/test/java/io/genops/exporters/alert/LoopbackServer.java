package io.genops.exporters.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that records every request and answers from
 * a script, then with a fallback answer. Handlers run on their own threads, so a deliberately slow
 * answer does not hold up the next connection.
 */
final class LoopbackServer implements AutoCloseable {
    /** An answer: status, headers, and how long to wait before sending it. */
    record Reply(int status, Map<String, String> headers, long delayMillis) {
        static Reply status(final int status) {
            return new Reply(status, Map.of(), 0);
        }

        static Reply retryAfter(final int status, final String retryAfter) {
            return new Reply(status, Map.of("Retry-After", retryAfter), 0);
        }

        static Reply slow(final int status, final long delayMillis) {
            return new Reply(status, Map.of(), delayMillis);
        }
    }

    /** A request as it arrived, with the {@link System#nanoTime()} of its arrival. */
    record Received(String method, String path, Headers headers, byte[] body, long atNanos) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Reply fallback = Reply.status(200);

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackServer start() throws IOException {
        return new LoopbackServer();
    }

    URI uri(final String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers the next requests with these replies, in order. */
    LoopbackServer then(final Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request past the script with this reply. */
    LoopbackServer always(final Reply reply) {
        this.fallback = reply;
        return this;
    }

    /** The next request received, waiting up to five seconds for it. */
    Received next() throws InterruptedException {
        final Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a request within 5 s").isNotNull();
        return request;
    }

    /** How many requests arrived and have not been taken with {@link #next()}. */
    int waiting() {
        return received.size();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body.readAllBytes(), System.nanoTime()));
            final Reply scripted = script.poll();
            final Reply reply = scripted == null ? fallback : scripted;
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
