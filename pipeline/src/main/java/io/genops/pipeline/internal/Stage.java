package io.genops.pipeline.internal;

/**
 * One step of the pipeline, run on a consumer thread for each event in ring order. Stages see
 * batches: {@link #onBatchStart} before the first event of a batch, {@code endOfBatch} on its last,
 * which is where a stage publishes what it accumulated.
 */
public interface Stage {
    /** A short name for metrics and error reports, such as {@code "cost"}. */
    String name();

    default void onBatchStart(final long batchSize) {
    }

    void onEvent(EventSlot event, boolean endOfBatch) throws Exception;
}
