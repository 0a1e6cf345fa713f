package io.genops.exporters.internal.http;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's warnings about failed deliveries: the first failure is logged at once, later ones at
 * most once per interval, each warning with the number of failures since the one before. A dead
 * endpoint therefore costs one log line a minute, not one per batch. What is logged is the failure's
 * description, which never holds a header value or the payload, followed by what the owner does about
 * the failures:
 * <pre>
 * &lt;description&gt;. Failed &lt;what&gt; since its previous warning, this one included: 3. &lt;consequence&gt;;
 * this warning repeats at most once every 60 s.
 * </pre>
 */
public final class FailureLog {
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String what;
    private final String consequence;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastWarningNanos;
    private boolean warned;
    private long failuresSince;

    /**
     * @param loggerName  the SLF4J logger to warn on
     * @param what        what failed, in the plural, such as {@code "deliveries on this channel"}
     * @param consequence what becomes of the failed data, a sentence without its final period
     */
    public FailureLog(final String loggerName, final String what, final String consequence,
        final long intervalNanos, final LongSupplier nanoClock) {
        this.log = LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
        this.what = Objects.requireNonNull(what, "what");
        this.consequence = Objects.requireNonNull(consequence, "consequence");
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
        log.warn("{}. Failed {} since its previous warning, this one included: {}. {}; this warning repeats at most "
            + "once every {} s.", description, what, failuresSince, consequence,
            TimeUnit.NANOSECONDS.toSeconds(intervalNanos));
        warned = true;
        lastWarningNanos = now;
        failuresSince = 0;
        return true;
    }
}
