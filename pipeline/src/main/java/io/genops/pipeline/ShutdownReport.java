package io.genops.pipeline;

/**
 * What {@link GenOps#close(java.time.Duration)} achieved.
 *
 * @param drained          whether every accepted event passed every stage before the deadline
 * @param undrainedEvents  accepted events that had not passed every stage when the threads stopped
 * @param undeliveredAlerts fired alerts still queued for delivery when the dispatcher stopped
 * @param exportersCaughtUp whether every exporter had settled everything journaled; what they had
 *                         not stays in the journal and is exported after the next start
 * @param metrics          the final counts
 */
public record ShutdownReport(boolean drained, long undrainedEvents, long undeliveredAlerts,
    boolean exportersCaughtUp, PipelineMetrics metrics) {

    /** True when nothing was left behind. */
    public boolean clean() {
        return drained && undrainedEvents == 0 && undeliveredAlerts == 0 && exportersCaughtUp;
    }
}
