package io.genops.pipeline;

import io.genops.core.event.EventView;

/**
 * A stage of the user's own, run after the built-in ones on the consumer thread, in ring order, for
 * every accepted event. It sees the priced, governed and sampled event read-only. It must not block;
 * if it throws, the failure is counted and reported and the pipeline carries on. Closed sessions pass
 * as {@link io.genops.core.event.EventKind#SESSION} events, which cost nothing.
 */
public interface PipelineStage {
    String name();

    /** @param endOfBatch true on the last event of a batch, where accumulated work is best flushed */
    void onEvent(EventView event, boolean endOfBatch) throws Exception;
}
