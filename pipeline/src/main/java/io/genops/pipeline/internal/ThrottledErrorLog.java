package io.genops.pipeline.internal;

import io.genops.core.event.EventView;
import io.genops.pipeline.StageErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default stage error handler: logs the first failure, then at most one line per interval with
 * the number of failures since, so a stage failing on every event cannot flood the log.
 */
public final class ThrottledErrorLog implements StageErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger("io.genops.pipeline");

    private final long intervalNanos;
    private long lastLogNanos;
    private long suppressed;
    private boolean logged;

    public ThrottledErrorLog(final long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    @Override
    public synchronized void onStageError(final String stage, final EventView event, final Throwable error) {
        final long now = System.nanoTime();
        if (logged && now - lastLogNanos < intervalNanos) {
            suppressed++;
            return;
        }
        final String where = event == null ? "at a batch start" : "on event " + event.sequence() + " (" + event.kind()
            + ")";
        LOG.warn("Stage '{}' failed {}; the event is marked failed and still accounted. {} more failures since the "
            + "last report.", stage, where, suppressed, error);
        logged = true;
        lastLogNanos = now;
        suppressed = 0;
    }
}
