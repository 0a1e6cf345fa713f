package io.genops.pipeline.internal;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts every alert a rule fires back into the pipeline as an {@link EventKind#ALERT} event, so that
 * it is priced with the platform's alert price, charged to the rule's owner and its budgets, and
 * journaled like any other event.
 *
 * <p>Why not from the alert stage itself: that stage runs on a consumer of the very ring it would
 * publish into, and a consumer that waits for a free slot in its own full ring waits forever. So the
 * stage only hands the alert to a small bounded queue (never blocking; a full queue counts the alert
 * as unjournaled), and the alert dispatcher's thread, which no stage ever waits on, drains that queue
 * on each turn of its loop, before it delivers, and publishes with {@code tryNext}: a full ring is
 * tried again for at most {@value #CLAIM_ATTEMPTS} short parks (about a millisecond), then the alert is
 * counted as unjournaled and the dispatcher moves on. Its delivery never depends on the ring.
 *
 * <pre>
 *  alert stage ──offer──► journal queue ──drain (dispatcher thread)──► tryNext ─► ring ─► cost, budget,
 *       │                                                                       journal, alert (ignored)
 *       └──offer──► dispatcher queue ──► channels
 * </pre>
 *
 * <p>The event: kind {@code ALERT}; the rule's name; the attribution of whoever created the rule (the
 * session's for {@code createAlert}, the rule's own over the client's for rules from configuration);
 * the rule's agent group when it is limited to one, else the default group; the rule itself, whose
 * complexity and channel count set the price; the observed value and the threshold; and attributes
 * {@value #SCOPE_ATTRIBUTE}, {@value #METRIC_ATTRIBUTE} and {@value #SEVERITY_ATTRIBUTE}, which mark
 * it as a fired alert rather than a rule's creation. A rule's cost override prices its creation only;
 * firings are priced from the table. Firings are charged to budgets but never refused by them: the
 * alert has already fired. Budget threshold alerts are the budget stage's own notices and are not put
 * back. The journal record of a firing says so ({@code EventView.alertFired()}) and keeps the value and
 * threshold; the attributes, which no record carries, only mark the event on its way through the stages.
 *
 * <p>Once the pipeline starts closing, firings are delivered but no longer put back (counted as
 * unjournaled), so the drain before shutdown has a fixed end.
 */
final class AlertJournal {
    static final String SCOPE_ATTRIBUTE = "genops.alert.scope";
    static final String METRIC_ATTRIBUTE = "genops.alert.metric";
    static final String SEVERITY_ATTRIBUTE = "genops.alert.severity";
    private static final int CLAIM_ATTEMPTS = 20;
    private static final long CLAIM_PARK_NANOS = 50_000;

    private final RingBuffer<EventSlot> ring;
    private final CompiledGroup defaultGroup;
    private final ArrayBlockingQueue<Entry> queue;
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong unjournaled = new AtomicLong();
    /** Guarded by this: publishing and closing exclude each other, so nothing is published after close. */
    private boolean open = true;

    AlertJournal(final RingBuffer<EventSlot> ring, final int capacity, final CompiledGroup defaultGroup) {
        this.ring = ring;
        this.defaultGroup = defaultGroup;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Whether an alert event is a rule's firing put back by this journal, rather than a rule's creation. */
    static boolean isFiring(final EventSlot event) {
        return event.attributes != null && event.attributes.containsKey(SCOPE_ATTRIBUTE);
    }

    /** Queues a firing for the dispatcher's thread; never blocks, counts what does not fit. */
    void offer(final FiredAlert alert, final CompiledRule rule) {
        if (!queue.offer(new Entry(alert, rule))) {
            unjournaled.incrementAndGet();
        }
    }

    /** Publishes every queued firing; called on the dispatcher's thread. */
    void drain() {
        Entry entry = queue.poll();
        while (entry != null) {
            publish(entry);
            entry = queue.poll();
        }
    }

    private synchronized void publish(final Entry entry) {
        final long sequence = open ? claim() : -1;
        if (sequence < 0) {
            unjournaled.incrementAndGet();
            return;
        }
        try {
            write(ring.get(sequence), sequence, entry.alert, entry.rule);
        } finally {
            ring.publish(sequence);
        }
        journaled.incrementAndGet();
    }

    private long claim() {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            try {
                return ring.tryNext();
            } catch (final InsufficientCapacityException e) {
                LockSupport.parkNanos(CLAIM_PARK_NANOS);
            }
        }
        return -1;
    }

    /** Overwrites every field a caller writes, as {@code Ingest} does for its own events. */
    private void write(final EventSlot slot, final long sequence, final FiredAlert alert,
        final CompiledRule rule) {
        final Attribution owner = rule.owner;
        slot.kind = EventKind.ALERT;
        slot.sequence = sequence;
        slot.epochMillis = alert.epochMillis();
        slot.session = null;
        slot.conversation = null;
        slot.team = owner.team();
        slot.project = owner.project();
        slot.environment = owner.environment();
        slot.customerId = owner.customerId();
        slot.costCenter = owner.costCenter();
        slot.feature = owner.feature();
        slot.agentId = null;
        slot.agentGroup = rule.group != null ? rule.group : defaultGroup;
        slot.name = rule.name;
        slot.conversationId = null;
        slot.reservedCount = 0;
        slot.reservationNanos = 0;
        slot.resetDerived();
        writeAlert(slot, alert, rule);
    }

    private static void writeAlert(final EventSlot slot, final FiredAlert alert, final CompiledRule rule) {
        slot.userId = null;
        slot.model = null;
        slot.provider = null;
        slot.inputTokens = 0;
        slot.outputTokens = 0;
        slot.cacheReadTokens = 0;
        slot.cacheCreationTokens = 0;
        slot.reasoningTokens = 0;
        slot.latencyNanos = 0;
        slot.complexity = rule.rule.complexity();
        slot.payloadChars = 0;
        slot.content = null;
        slot.output = null;
        slot.error = null;
        slot.performance = Map.of();
        slot.attributes = Map.of(SCOPE_ATTRIBUTE, alert.scope(), METRIC_ATTRIBUTE, alert.metric(),
            SEVERITY_ATTRIBUTE, alert.severity().wireName());
        slot.costOverrideNanos = Interaction.NO_OVERRIDE;
        slot.value = alert.value();
        slot.threshold = alert.threshold();
        slot.frequency = null;
        slot.rule = rule.rule;
    }

    /** Firings closed out: from now on they are counted as unjournaled instead of published. */
    synchronized void close() {
        open = false;
    }

    /** Firings published into the ring. */
    long journaled() {
        return journaled.get();
    }

    /** Firings not published: the queue or the ring was full, or the pipeline was closing. */
    long unjournaled() {
        return unjournaled.get();
    }

    /** A firing and the rule it came from. */
    private record Entry(FiredAlert alert, CompiledRule rule) {
    }
}
