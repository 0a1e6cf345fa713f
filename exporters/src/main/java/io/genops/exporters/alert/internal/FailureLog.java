package io.genops.exporters.alert.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's warnings about failed deliveries: the first failure is logged at once, later ones at
 * most once per interval, each warning with the number of failures since the one before. A dead
 * endpoint therefore costs one log line a minute, not one per batch. What is logged is the failure's
 * description, which never holds a header value or the payload.
 */
public final class FailureLog {
    /** The logger of every HTTP alert channel. */
    public static final String LOGGER_NAME = "io.genops.exporters.alert";
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastWarningNanos;
    private boolean warned;
    private long failuresSince;

    public FailureLog(final long intervalNanos, final LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Counts one failed delivery and logs it unless a warning went out less than an interval ago. */
    public synchronized boolean failed(final String description) {
        failuresSince++;
        final long now = nanoClock.getAsLong();
        if (warned && now - lastWarningNanos < intervalNanos) {
            return false;
        }
        LOG.warn("{}. Failed deliveries on this channel since its previous warning, this one included: {}. "
            + "The dispatcher counts their alerts as failed; this warning repeats at most once every {} s.",
            description, failuresSince, TimeUnit.NANOSECONDS.toSeconds(intervalNanos));
        warned = true;
        lastWarningNanos = now;
        failuresSince = 0;
        return true;
    }
}
