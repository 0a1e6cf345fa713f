package io.genops.exporters.prometheus.internal;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning logged at most once a minute, with the number of occurrences since the previous one, so a
 * failing callback scraped every second costs one line a minute. Thread-safe.
 */
public final class ThrottledWarning {
    /** The logger of the Prometheus exporter. */
    public static final String LOGGER_NAME = "io.genops.exporters.prometheus";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private long lastNanos;
    private boolean warned;
    private long since;

    /** Counts one occurrence and logs it unless a warning went out less than a minute ago. */
    public synchronized void warn(final String what, final RuntimeException cause) {
        since++;
        final long now = System.nanoTime();
        if (warned && now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        LOG.warn("{} ({} times since the previous warning; this warning repeats at most once a minute, and "
            + "genops_prometheus_exporter_errors_total counts every occurrence).", what, since, cause);
        warned = true;
        lastNanos = now;
        since = 0;
    }
}
