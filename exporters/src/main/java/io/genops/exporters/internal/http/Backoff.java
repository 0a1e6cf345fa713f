package io.genops.exporters.internal.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The pause before a retry. Without a hint from the server the ceiling doubles from {@code initial}
 * with each retry up to {@code max}, and the pause is drawn uniformly from the upper half of the
 * ceiling ("equal jitter"): channels that failed together do not retry in step, and no pause is
 * shorter than half its ceiling. A {@code Retry-After} from the server is followed as given, but never
 * beyond {@code max}, which keeps every pause, and so the whole delivery, bounded.
 */
public final class Backoff {
    /** Longer than any sensible Retry-After in seconds, short enough that nanos cannot overflow. */
    private static final int MAX_SECONDS_DIGITS = 9;

    private final long initialNanos;
    private final long maxNanos;

    public Backoff(final long initialNanos, final long maxNanos) {
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
    }

    /**
     * The pause before retry number {@code retry} (1 for the second attempt).
     *
     * @param retryAfterNanos the server's Retry-After, or a negative number when it sent none
     */
    public long delayNanos(final int retry, final long retryAfterNanos, final RandomGenerator random) {
        if (retryAfterNanos >= 0) {
            return Math.min(retryAfterNanos, maxNanos);
        }
        final long ceiling = ceilingNanos(retry);
        final long floor = ceiling / 2;
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** {@code initial × 2^(retry-1)}, capped at {@code max}. */
    long ceilingNanos(final int retry) {
        long ceiling = initialNanos;
        for (int i = 1; i < retry && ceiling < maxNanos; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxNanos);
    }

    public long maxNanos() {
        return maxNanos;
    }

    /**
     * A {@code Retry-After} header value in nanoseconds from {@code nowMillis}: delta-seconds or an
     * HTTP date (RFC 9110, section 10.2.3). A date in the past is zero; {@code null} or anything
     * unreadable is {@code -1}, so the usual backoff applies.
     */
    public static long parseRetryAfterNanos(final String value, final long nowMillis) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        final String text = value.strip();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return text.length() > MAX_SECONDS_DIGITS ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(Long.parseLong(text));
        }
        try {
            final long atMillis = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                .toEpochMilli();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, atMillis - nowMillis));
        } catch (final DateTimeParseException e) {
            return -1;
        }
    }
}
