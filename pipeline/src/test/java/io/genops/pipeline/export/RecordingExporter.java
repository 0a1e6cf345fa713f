package io.genops.pipeline.export;

import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Keeps the session and sequence of what it delivers, answers sends as told (by the number of the send,
 * from 1), and records the size of the batch each send carried, when each send and each batch's first
 * add happened ({@link System#nanoTime()}), and the most events it ever held. What it answers when
 * asked how many events of a settled batch did not get through is told by the number of the last send.
 */
class RecordingExporter implements Exporter {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    /** The number of events each send carried, in order. */
    final List<Integer> sendSizes = new CopyOnWriteArrayList<>();
    final List<Long> sendNanos = new CopyOnWriteArrayList<>();
    /** When the first event of each batch was added. */
    final List<Long> batchStartNanos = new CopyOnWriteArrayList<>();
    private final String name;
    private final boolean sampledOnly;
    private final IntFunction<ExportResult> answer;
    private final List<String> batch = new ArrayList<>();
    volatile int sends;
    volatile long adds;
    volatile int mostHeld;
    /** Calls to {@link #idle}: the runner had nothing new to read. */
    volatile int idles;
    volatile IntUnaryOperator undeliveredAfterSend = send -> UNCOUNTED;

    RecordingExporter(final String name, final boolean sampledOnly, final IntFunction<ExportResult> answer) {
        this.name = name;
        this.sampledOnly = sampledOnly;
        this.answer = answer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean sampledOnly() {
        return sampledOnly;
    }

    @Override
    public void add(final EventView event) {
        if (batch.isEmpty()) {
            batchStartNanos.add(System.nanoTime());
        }
        batch.add(event.sessionId() + "#" + event.sequence());
        mostHeld = Math.max(mostHeld, batch.size());
        adds++;
    }

    @Override
    public ExportResult send() {
        sendNanos.add(System.nanoTime());
        sendSizes.add(batch.size());
        final ExportResult result = answer.apply(++sends);
        if (result == ExportResult.SUCCESS) {
            delivered.addAll(batch);
            batch.clear();
        }
        return result;
    }

    @Override
    public int undelivered() {
        return undeliveredAfterSend.applyAsInt(sends);
    }

    @Override
    public void idle() {
        idles++;
    }

    @Override
    public void discard() {
        batch.clear();
    }
}
