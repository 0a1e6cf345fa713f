package io.genops.exporters.alert.internal;

import io.genops.core.alert.FiredAlert;
import io.genops.exporters.alert.AlertDeliveryException;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.exporters.internal.http.Attempt;
import io.genops.exporters.internal.http.Backoff;
import io.genops.exporters.internal.http.Endpoints;
import io.genops.exporters.internal.http.Exchange;
import io.genops.exporters.internal.http.FailureLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transport every HTTP alert channel shares: encode a batch once, POST it, retry what is worth
 * retrying, count everything, warn (throttled) when giving up.
 *
 * <h2>Bounded time, bounded memory</h2>
 * Each attempt waits at most {@code timeout} for a complete answer (the exchange is cancelled after
 * that) and each pause at most {@code backoff max}, so one delivery takes at most
 * {@code maxAttempts × timeout + (maxAttempts − 1) × backoff max}. Nothing is queued here: a batch is
 * delivered or given up on before {@code deliver} returns, so a dead endpoint costs time on the
 * dispatcher's thread, whose queue is bounded, and never memory.
 *
 * <h2>What is never shown</h2>
 * Header values, the payload, and the endpoint's path and query stay out of messages, logs and
 * {@code toString()}; answers' bodies are discarded unread.
 */
public final class HttpDelivery {
    /** The logger of every HTTP alert channel. */
    public static final String LOGGER_NAME = "io.genops.exporters.alert";

    private final String channel;
    private final URI endpoint;
    private final String safeEndpoint;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Backoff backoff;
    private final HttpClient client;
    private final JsonEncoder encoder;
    private final FailureLog failureLog = new FailureLog(LOGGER_NAME, "deliveries on this channel",
        "The dispatcher counts their alerts as failed", FailureLog.DEFAULT_INTERVAL_NANOS, System::nanoTime);

    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    HttpDelivery(final HttpDeliveryBuilder settings, final HttpClient client, final JsonEncoder encoder) {
        this.channel = settings.channel();
        this.endpoint = settings.endpoint();
        this.safeEndpoint = Endpoints.redacted(endpoint);
        this.headers = new LinkedHashMap<>(settings.headers());
        this.timeout = settings.timeout();
        this.maxAttempts = settings.maxAttempts();
        this.backoffInitial = settings.backoffInitial();
        this.backoff = new Backoff(backoffInitial.toNanos(), settings.backoffMax().toNanos());
        this.client = client;
        this.encoder = encoder;
    }

    public String channel() {
        return channel;
    }

    /**
     * Delivers one batch or throws: {@link AlertDeliveryException} after a refusal or the last attempt,
     * {@link InterruptedException} when interrupted during an attempt or a pause. Either way the batch
     * is counted as failed.
     */
    public void deliver(final List<FiredAlert> alerts) throws AlertDeliveryException, InterruptedException {
        Objects.requireNonNull(alerts, "alerts");
        if (alerts.isEmpty()) {
            return;
        }
        final byte[] body;
        try {
            body = encoder.encode(alerts);
        } catch (final IOException e) {
            throw gaveUp(alerts.size(), 0, Attempt.unencodable(e));
        }
        send(request(body), alerts.size());
    }

    private HttpRequest request(final byte[] body) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    private void send(final HttpRequest request, final int alerts) throws AlertDeliveryException,
        InterruptedException {
        Attempt last = null;
        int attempt = 0;
        try {
            while (attempt < maxAttempts && (last == null || last.outcome() == Attempt.Outcome.RETRY)) {
                if (last != null) {
                    final long pauseNanos = backoff.delayNanos(attempt, last.retryAfterNanos(),
                        ThreadLocalRandom.current());
                    TimeUnit.NANOSECONDS.sleep(pauseNanos);
                    retries.incrementAndGet();
                }

                attempt++;
                attempts.incrementAndGet();
                last = Exchange.send(client, request, timeout);
            }
        } catch (final InterruptedException e) {
            failures.incrementAndGet();
            throw e;
        }

        if (last.outcome() != Attempt.Outcome.SUCCESS) {
            throw gaveUp(alerts, attempt, last);
        }
        successes.incrementAndGet();
    }

    private AlertDeliveryException gaveUp(final int alerts, final int tried, final Attempt last) {
        failures.incrementAndGet();
        final String message = "Alert channel '" + channel + "' could not deliver " + counted(alerts, "alert")
            + " to " + safeEndpoint + " after " + counted(tried, "attempt") + ": " + last.failure();
        failureLog.failed(message);
        return new AlertDeliveryException(message, tried, last.status(), last.cause());
    }

    private static String counted(final int count, final String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    public DeliveryStats stats() {
        return new DeliveryStats(attempts.get(), retries.get(), successes.get(), failures.get());
    }

    /** The settings for a person, with header values masked and the endpoint's path hidden. */
    public String describe(final String type) {
        final StringBuilder text = new StringBuilder(type).append("{name=").append(channel)
            .append(", endpoint=").append(safeEndpoint).append(", headers=[");
        String separator = "";
        for (final String name : headers.keySet()) {
            text.append(separator).append(name).append("=***");
            separator = ", ";
        }
        return text.append("], timeout=").append(timeout).append(", maxAttempts=").append(maxAttempts)
            .append(", backoff=").append(backoffInitial).append("..").append(Duration.ofNanos(backoff.maxNanos()))
            .append('}').toString();
    }
}
