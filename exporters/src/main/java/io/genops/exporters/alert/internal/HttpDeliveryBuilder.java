package io.genops.exporters.alert.internal;

import io.genops.core.Checks;
import io.genops.exporters.internal.http.Endpoints;
import io.genops.exporters.internal.http.Exchange;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings every HTTP alert channel shares, each checked as it is set with a message naming it;
 * the public channel builders delegate here. Header values never appear in a message.
 */
public final class HttpDeliveryBuilder {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(2);
    /** The longest timeout or pause accepted: one delivery holds the dispatcher's only thread meanwhile. */
    static final Duration LONGEST = Duration.ofMinutes(10);

    /** Headers the JDK client or the channel itself sets; the client refuses the first five. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade",
        "content-type");
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String channel;
    private final URI endpoint;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;

    public HttpDeliveryBuilder(final String channel, final URI endpoint) {
        this.channel = Checks.nonBlank(channel, "name");
        this.endpoint = Endpoints.checked(endpoint, "endpoint");
    }

    /** Sets a header sent with every request, replacing one of the same name (names ignore case). */
    public void header(final String name, final String value) {
        Checks.nonBlank(name, "header name");
        Objects.requireNonNull(value, "header '" + name + "' value");
        if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0))) {
            throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header '" + name + "' is set by the HTTP client or the channel");
        }
        if (!value.chars().allMatch(c -> c == '\t' || c >= ' ' && c != 127 && c <= 255)) {
            throw new IllegalArgumentException("header '" + name + "' value holds a control character (CR, LF, ...) "
                + "or a character beyond Latin-1");
        }
        try {
            HttpRequest.newBuilder().header(name, value);
        } catch (final IllegalArgumentException e) {
            // The JDK's message may quote the value; keep it out of ours.
            throw new IllegalArgumentException("header '" + name + "' is refused by the JDK HTTP client");
        }
        headers.remove(name);
        headers.put(name, value);
    }

    /** Sets the limit on connecting and, separately, on each attempt from sending to a complete answer. */
    public void timeout(final Duration value) {
        this.timeout = bounded(value, "timeout");
    }

    public void maxAttempts(final int value) {
        this.maxAttempts = Checks.positive(value, "maxAttempts");
    }

    public void backoff(final Duration initial, final Duration max) {
        bounded(initial, "backoff initial");
        bounded(max, "backoff max");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max (" + max + ") must not be less than backoff initial ("
                + initial + ")");
        }
        this.backoffInitial = initial;
        this.backoffMax = max;
    }

    /** A delivery that writes its bodies with {@code payload}, with an HTTP client of its own. */
    public HttpDelivery build(final AlertPayload payload) {
        Objects.requireNonNull(payload, "payload");
        return new HttpDelivery(this, Exchange.newClient(timeout), new JsonEncoder(payload));
    }

    private static Duration bounded(final Duration value, final String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        if (value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(field + " must be at most " + LONGEST + ": " + value);
        }
        return value;
    }

    String channel() {
        return channel;
    }

    URI endpoint() {
        return endpoint;
    }

    Map<String, String> headers() {
        return headers;
    }

    Duration timeout() {
        return timeout;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration backoffInitial() {
        return backoffInitial;
    }

    Duration backoffMax() {
        return backoffMax;
    }
}
