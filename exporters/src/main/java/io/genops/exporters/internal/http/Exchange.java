package io.genops.exporters.internal.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP request with a hard deadline, its answer classified as an {@link Attempt}; and the JDK
 * client every HTTP sender here is built with. Answers' bodies are discarded unread, so nothing a
 * server echoes back (a request body, a header) can reach a message or a log.
 */
public final class Exchange {
    private Exchange() {
    }

    /**
     * A client that speaks HTTP/1.1 and follows no redirects: receivers vary, a plain-http HTTP/2
     * upgrade attempt confuses some of them, and a redirect could carry a secret header elsewhere.
     */
    public static HttpClient newClient(final Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends {@code request} and waits at most {@code timeout} for a complete answer; the exchange is
     * cancelled after that, or on an interrupt.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public static Attempt send(final HttpClient client, final HttpRequest request, final Duration timeout)
        throws InterruptedException {
        final CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
            HttpResponse.BodyHandlers.discarding());
        try {
            final HttpResponse<Void> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Attempt.answered(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                System.currentTimeMillis());
        } catch (final TimeoutException e) {
            return Attempt.timedOut(timeout, null);
        } catch (final ExecutionException e) {
            return Attempt.failed(e.getCause(), timeout);
        } finally {
            // Ends an exchange still running after a timeout or an interrupt; does nothing to a completed one.
            exchange.cancel(true);
        }
    }
}
