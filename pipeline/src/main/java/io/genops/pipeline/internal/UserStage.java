package io.genops.pipeline.internal;

import io.genops.pipeline.PipelineStage;

/** Runs a user's {@link PipelineStage} as one of the pipeline's stages. */
final class UserStage implements Stage {
    private final PipelineStage stage;

    UserStage(final PipelineStage stage) {
        this.stage = stage;
    }

    @Override
    public String name() {
        return stage.name();
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) throws Exception {
        stage.onEvent(event, endOfBatch);
    }
}
