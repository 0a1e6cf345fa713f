package io.genops.pipeline;

/** What a caller's thread does when the ring is full. */
public enum BackpressurePolicy {
    /** Wait for a free slot: nothing is lost, the caller slows to the pipeline's pace. */
    BLOCK,
    /** Return {@code false} at once and count the event as dropped. */
    DROP,
    /** Throw {@link RingFullException} at once; the event is counted as dropped. */
    FAIL
}
