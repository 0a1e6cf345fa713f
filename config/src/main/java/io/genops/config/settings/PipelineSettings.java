package io.genops.config.settings;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The ring, its consumer threads and the pipeline's lifecycle.
 *
 * @param ringSize                 slots in the ring, a power of two
 * @param backpressure             what a caller's thread does when the ring is full
 * @param consumerWait             how an idle consumer thread waits
 * @param consumerPark             the first park of an idle sleeping consumer, doubled up to 4 ms while idle
 * @param stageThreads             consumer threads the stages are spread over; empty for the builder's default
 * @param captureContent           whether message content and answers are kept with events
 * @param redact                   the redaction rules captured texts pass through, in the order given; empty
 *                                 for none
 * @param conversationFlowInterval a conversation emits a flow signal every this many interactions
 * @param closeTimeout             how long closing waits for the pipeline to drain
 */
public record PipelineSettings(int ringSize, Backpressure backpressure, ConsumerWait consumerWait,
    Duration consumerPark, OptionalInt stageThreads, boolean captureContent, List<Redaction> redact,
    int conversationFlowInterval, Duration closeTimeout) {
    /** Mirrors the pipeline's {@code BackpressurePolicy}; a test in the pipeline keeps the two in step. */
    public enum Backpressure {
        BLOCK, DROP, FAIL
    }

    /** Mirrors the pipeline's {@code ConsumerWait}; a test in the pipeline keeps the two in step. */
    public enum ConsumerWait {
        SLEEPING, YIELDING, BLOCKING, BUSY_SPIN
    }

    /** Mirrors the pipeline's {@code RedactionRule}; a test in the pipeline keeps the two in step. */
    public enum Redaction {
        API_KEYS, EMAILS, LONG_NUMBERS
    }
}
