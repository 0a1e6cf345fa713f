package io.genops.exporters.raindrop;

import static io.genops.exporters.alert.Json.array;
import static io.genops.exporters.alert.Json.object;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genops.exporters.alert.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Raindrop's ingestion API as far as the exporter can tell: a real HTTP server on 127.0.0.1 and an
 * ephemeral port under {@code /v1}, answering from a script and then 204. It records every request, and
 * for each accepted one the {@code event_id}s of the JSON array it carried, so a test can count what
 * was delivered, and how often.
 */
final class FakeRaindrop implements AutoCloseable {
    static final String EVENTS = "/v1/events/track";
    static final String SIGNALS = "/v1/signals/track";

    /** An answer: a status and, when not {@code null}, a Retry-After value. */
    record Reply(int status, String retryAfter) {
        static Reply status(final int status) {
            return new Reply(status, null);
        }
    }

    /** A request as it arrived, the answer it got, and the {@link System#nanoTime()} of its arrival. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body, int status,
        long atNanos) {
        String header(final String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        List<Object> events() throws IOException {
            return array(Json.parse(body));
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> deliveredIds = new CopyOnWriteArrayList<>();

    FakeRaindrop() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Answers the next requests with these replies, in order; 204 after them. */
    FakeRaindrop then(final Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    /** The {@code event_id}s of every accepted request, in arrival order, repeats included. */
    List<String> deliveredIds() {
        return List.copyOf(deliveredIds);
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            final byte[] body = in.readAllBytes();
            final long atNanos = System.nanoTime();
            final Reply scripted = script.poll();
            final Reply reply = scripted == null ? Reply.status(204) : scripted;
            if (reply.status() / 100 == 2) {
                deliveredIds.addAll(ids(body));
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body, reply.status(), atNanos));
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }

    private static List<String> ids(final byte[] body) throws IOException {
        final List<String> ids = new ArrayList<>();
        for (final Object event : array(Json.parse(body))) {
            ids.add((String) object(event).get("event_id"));
        }
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
