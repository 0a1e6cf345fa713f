package io.genops.pipeline;

/**
 * What {@link GenOps#close(java.time.Duration)} achieved.
 *
 * @param drained          whether every accepted event passed every stage before the deadline
 * @param undrainedEvents  accepted events that had not passed every stage when the threads stopped
 * @param undeliveredAlerts fired alerts still queued for delivery when the dispatcher stopped
 * @param metrics          the final counts
 */
public record ShutdownReport(boolean drained, long undrainedEvents, long undeliveredAlerts, PipelineMetrics metrics) {

    /** True when nothing was left behind. */
    public boolean clean() {
        return drained && undrainedEvents == 0 && undeliveredAlerts == 0;
    }
}
