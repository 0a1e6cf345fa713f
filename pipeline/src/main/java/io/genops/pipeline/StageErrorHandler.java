package io.genops.pipeline;

import io.genops.core.event.EventView;

/**
 * Told when a stage throws. Called on the consumer thread that ran the stage, so it must be quick and
 * must not block; the failure is already counted, and the event is marked failed and still accounted.
 */
@FunctionalInterface
public interface StageErrorHandler {
    /**
     * @param stage the stage's name
     * @param event the event being processed, or {@code null} when the failure was at a batch start;
     *              valid only during this call
     * @param error what the stage threw
     */
    void onStageError(String stage, EventView event, Throwable error);
}
