package io.genops.pipeline;

/** Thrown under {@link BackpressurePolicy#FAIL} when the ring has no free slot; the event was not recorded. */
public final class RingFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RingFullException(final int ringSize) {
        super("the pipeline's ring of " + ringSize + " slots is full; the event was not recorded");
    }
}
