package io.genops.pipeline.internal;

import com.lmax.disruptor.EventHandler;
import io.genops.core.event.EventKind;
import io.genops.pipeline.StageErrorHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs a group of stages, in order, on one consumer thread. A stage that throws marks the event
 * failed, is counted and reported, and the remaining stages still run: a failure never stops the
 * thread and never loses the event's accounting.
 *
 * <p>The last runner of the pipeline also settles each event into its session and conversation
 * totals, after every stage has seen it.
 */
public final class StageRunner implements EventHandler<EventSlot> {
    private final Stage[] stages;
    private final boolean settles;
    private final PipelineCounters counters;
    private final StageErrorHandler errorHandler;
    private final String name;

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong maxBatch = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    public StageRunner(final List<Stage> stages, final boolean settles, final PipelineCounters counters,
        final StageErrorHandler errorHandler) {
        this.stages = stages.toArray(new Stage[0]);
        this.settles = settles;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.name = stages.stream().map(Stage::name).collect(Collectors.joining("+"));
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        PipelineCounters.increment(batches);
        if (batchSize > maxBatch.get()) {
            maxBatch.lazySet(batchSize);
        }
        for (final Stage stage : stages) {
            try {
                stage.onBatchStart(batchSize);
            } catch (final RuntimeException e) {
                report(stage, null, e);
            }
        }
    }

    @Override
    public void onEvent(final EventSlot event, final long sequence, final boolean endOfBatch) {
        if (event.cancelled) {
            return;
        }
        try {
            runStages(event, endOfBatch);
        } finally {
            if (settles) {
                settle(event);
            }
            PipelineCounters.increment(events);
        }
    }

    private void runStages(final EventSlot event, final boolean endOfBatch) {
        for (final Stage stage : stages) {
            try {
                stage.onEvent(event, endOfBatch);
            } catch (final Exception | LinkageError | AssertionError e) {
                if (!event.failed) {
                    event.failed = true;
                    PipelineCounters.increment(counters.failedEvents);
                }
                report(stage, event, e);
            }
        }
    }

    /** Counts the event into its scopes; a session's own record names its session but is not one of its operations. */
    private void settle(final EventSlot event) {
        if (event.session != null && event.kind != EventKind.SESSION) {
            event.session.processed(event.sequence, event.costNanos);
        }
        if (event.conversation != null) {
            event.conversation.processed(event.sequence, event.costNanos);
        }
        PipelineCounters.increment(counters.processed);
    }

    private void report(final Stage stage, final EventSlot event, final Throwable e) {
        PipelineCounters.increment(counters.stageFailures);
        try {
            errorHandler.onStageError(stage.name(), event, e);
        } catch (final RuntimeException ignored) {
            // The handler is the last resort; its own failure is already counted above.
        }
    }

    public String name() {
        return name;
    }

    public long batches() {
        return batches.get();
    }

    public long maxBatch() {
        return maxBatch.get();
    }

    public long events() {
        return events.get();
    }
}
