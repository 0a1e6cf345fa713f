package io.genops.core.export;

/**
 * How long the pipeline's callers spent in its calls, for exporters that chart the library's own
 * overhead. A pipeline times about one call in {@value #SAMPLE_EVERY} of {@code trackInteraction} and
 * {@code trackSignal} (refusals included) and every alert rule it creates, and reports each from the
 * caller's thread: implementations must be thread-safe, quick, and never block.
 */
public interface CallTimings {
    /** Roughly one call in this many is timed: enough for percentiles, cheap for the rest. */
    int SAMPLE_EVERY = 64;

    /** One {@code trackInteraction} call took {@code nanos}. */
    void interactionTracked(long nanos);

    /** One {@code trackSignal} call took {@code nanos}. */
    void signalTracked(long nanos);

    /** Creating one alert rule took {@code nanos}. */
    void alertCreated(long nanos);
}
