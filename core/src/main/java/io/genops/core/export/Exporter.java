package io.genops.core.export;

import io.genops.core.event.EventView;
import java.time.Duration;

/**
 * Ships journaled events somewhere: an OpenTelemetry collector, a metrics endpoint, a vendor's API.
 *
 * <p>An export runner, one thread per exporter, reads the journal and drives the exporter in
 * batches: {@link #add} for each record of the batch, then {@link #send}. When a send answers
 * {@link ExportResult#RETRY} the exporter keeps the batch and the runner calls {@code send} again
 * after a pause; when the runner gives a batch up it calls {@link #discard}. The runner records its
 * position in the journal only after a batch is settled, so delivery is at least once: after a
 * restart the last unsettled batch is offered again, and no record is ever skipped. Once a batch is
 * settled the runner asks {@link #undelivered} how many of its events did not get through, so that an
 * exporter sending a batch in parts is counted exactly.
 *
 * <p>Only the runner's thread calls an exporter, so implementations need no locking. They must not
 * keep the {@link EventView}s they are given: the views are reused.
 */
public interface Exporter extends AutoCloseable {
    /** What {@link #undelivered} answers when the exporter does not count: the result decides. */
    int UNCOUNTED = -1;
    /** How often, at most, the runner calls {@link #idle} while it waits for records. */
    long IDLE_INTERVAL_MILLIS = 100;

    /** A stable name; it also names the exporter's position in the journal, so keep it across restarts. */
    String name();

    /**
     * Whether the exporter sees only events sampled for export (spans, logs) or every event
     * (metrics, which must count everything).
     */
    default boolean sampledOnly() {
        return true;
    }

    /**
     * The longest an event should wait for its batch to fill, when this exporter's receiver asks for
     * less than the pipeline's batch age (an API whose own clients flush every second, say); the runner
     * sends a batch once the shorter of the two has passed. The default, {@code null}, takes the
     * pipeline's. Read once, as the runner is built.
     */
    default Duration maxBatchAge() {
        return null;
    }

    /** Adds one event to the batch being built; the view is valid only during the call. */
    void add(EventView event);

    /** Sends the batch built since the last success or discard; never throws. */
    ExportResult send();

    /** Forgets the current batch: it was delivered elsewhere, or the runner gave it up. */
    void discard();

    /**
     * How many events of the batch just settled did not get through: asked once per batch, after a
     * send that answered {@link ExportResult#SUCCESS} or {@link ExportResult#FAILED}, or before
     * {@link #discard} when the runner gives the batch up. An exporter that sends a batch as several
     * requests answers with the events of the requests refused or still owed (and any it could not
     * encode), so that the runner counts the others as exported and these as failed. The default,
     * {@link #UNCOUNTED}, counts none after a success and every event after a refusal or a give-up;
     * an answer above the batch's size counts as its size.
     */
    default int undelivered() {
        return UNCOUNTED;
    }

    /**
     * Called by the runner, about every {@value #IDLE_INTERVAL_MILLIS} ms, while the journal has nothing
     * new for it, so that an exporter that reports on a schedule of its own (metrics: refusals and
     * budgets move while nothing is journaled) still does; the default does nothing. Must not block for
     * long: a record that arrives meanwhile waits for it. Never throws.
     */
    default void idle() {
    }

    /**
     * Hands the exporter the running pipeline's own figures, for exporters that report them beside the
     * events (drops, rejections, budgets, export lag). Called once, by the thread that builds the
     * pipeline, before the runner's first {@code add}; the default ignores them. An exporter that throws
     * here is warned about and runs without them.
     */
    default void attach(final PipelineReadings pipeline) {
    }

    /**
     * Releases connections, taking as long as the exporter's own settings allow; the runner has stopped
     * calling. The runner calls this only when it ends with no deadline to keep (an unexpected error);
     * when it is stopped by a deadline it calls {@link #close(Duration)} instead.
     */
    @Override
    default void close() {
    }

    /**
     * Releases connections within {@code within}: what is left of the deadline the runner was stopped by
     * ({@link Duration#ZERO} when it has passed), so that an exporter's last work (a final export, a client's
     * shutdown) does not keep the runner's thread past the pipeline's close. Work that cannot finish in time is
     * abandoned, not waited for, and counted by the exporter as failed. The default calls {@link #close()}:
     * an exporter whose close may block must override this one.
     */
    default void close(final Duration within) {
        close();
    }
}
