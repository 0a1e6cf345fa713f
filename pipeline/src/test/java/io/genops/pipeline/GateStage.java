package io.genops.pipeline;

import io.genops.core.event.EventView;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stage that holds the consumer until opened, so a test can fill the ring at will. */
final class GateStage implements PipelineStage {
    private final CountDownLatch open = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public void onEvent(final EventView event, final boolean endOfBatch) throws InterruptedException {
        entered.countDown();
        open.await(30, TimeUnit.SECONDS);
    }

    void awaitHeld() throws InterruptedException {
        entered.await(10, TimeUnit.SECONDS);
    }

    void open() {
        open.countDown();
    }
}
