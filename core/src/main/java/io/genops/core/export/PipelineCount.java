package io.genops.core.export;

/**
 * The running pipeline's own counts that exporters report beside the events, read through
 * {@link PipelineReadings#count}. Each is a monotonic total since the pipeline started, except the two
 * ring figures, which are levels.
 */
public enum PipelineCount {
    /** Events published into the ring. */
    ACCEPTED(true),
    /** Accepted events that have passed every stage. */
    PROCESSED(true),
    /** Events refused because the ring was full. */
    DROPPED(true),
    /** Events refused at the call by an enforced budget. */
    REJECTED_BUDGET(true),
    /** Events refused at the call by an enforced rate limit. */
    REJECTED_RATE_LIMITED(true),
    /** Calls refused for bad input or because the pipeline was closed. */
    REJECTED_INVALID(true),
    /** Accepted events on which at least one stage failed (still accounted). */
    FAILED(true),
    /** Stage invocations that threw. */
    STAGE_FAILURES(true),
    /** Free slots in the ring now. */
    RING_REMAINING(false),
    /** Slots in the ring. */
    RING_CAPACITY(false),
    /** Alerts raised by rules and budgets. */
    ALERTS_FIRED(true),
    /** Alert deliveries whose channel failed. */
    ALERTS_FAILED(true),
    /** Alerts lost because the delivery queue was full. */
    ALERTS_DROPPED(true),
    /** Closed sessions whose session record is not in the journal (the ring was full, or the pipeline closed). */
    SESSIONS_UNRECORDED(true);

    private final boolean monotonic;

    PipelineCount(final boolean monotonic) {
        this.monotonic = monotonic;
    }

    /** Whether the count only grows (a counter) rather than going up and down (a gauge). */
    public boolean monotonic() {
        return monotonic;
    }
}
