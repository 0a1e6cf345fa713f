package io.genops.pipeline.internal;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.BackpressurePolicy;
import io.genops.pipeline.RingFullException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The callers' side of the ring: validate, enforce, claim, copy, publish. Runs on the callers'
 * threads; it takes no lock, does no I/O, does not log, and allocates nothing of its own on the
 * accepting path (exceptions are allocated only when a call is refused).
 */
public final class Ingest {
    private static final long FULL_RING_PARK_NANOS = 1_000;

    private final RingBuffer<EventSlot> ring;
    private final BackpressurePolicy backpressure;
    private final GovernancePolicy policy;
    private final BudgetBook budgets;
    private final UnknownModelPolicy unknownModels;
    private final ModelPriceTable prices;
    private final Map<String, Boolean> knownModels = new ConcurrentHashMap<>();
    private final int maxKnownModels;
    private final int maxStringLength;
    private final boolean captureContent;
    private final Clock clock;
    private final PipelineCounters counters;
    private volatile boolean open = true;
    private volatile boolean halted;

    public Ingest(final RingBuffer<EventSlot> ring, final Settings settings, final BudgetBook budgets,
        final PipelineCounters counters) {
        this.ring = ring;
        this.backpressure = settings.backpressure();
        this.policy = settings.policy();
        this.budgets = budgets;
        this.unknownModels = settings.unknownModelPolicy();
        this.prices = settings.modelPrices();
        this.maxKnownModels = settings.maxTrackedKeys();
        this.maxStringLength = settings.maxStringLength();
        this.captureContent = settings.captureContent();
        this.clock = settings.clock();
        this.counters = counters;
    }

    /** Publishes an interaction; false when dropped under {@link BackpressurePolicy#DROP}. */
    public boolean interaction(final Scope session, final Scope conversation, final Attribution base,
        final String agentId, final Interaction interaction) {
        final Attribution own = interaction.attribution();
        final String team = own.team() != null ? own.team() : base.team();
        final long now = admit(team, agentId, interaction);

        final long sequence = claim();
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.INTERACTION, sequence, now, session, conversation, own, base, agentId);
            writeInteraction(slot, interaction);
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, conversation, sequence);
        return true;
    }

    /** Publishes a performance signal; false when dropped. */
    public boolean signal(final Scope session, final Scope conversation, final Attribution base, final String name,
        final PerformanceSignal signal) {
        checkOpen();
        checkName(name, "signal name");
        checkAttribution(signal.attribution());
        final long sequence = claim();
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.SIGNAL, sequence, clock.millis(), session, conversation,
                signal.attribution(), base, signal.agentId());
            writeSignal(slot, name, signal);
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, conversation, sequence);
        return true;
    }

    /** Publishes the creation of an alert rule; false when dropped. */
    public boolean alertRule(final Scope session, final Attribution base, final String name, final AlertRule rule) {
        checkOpen();
        checkName(name, "alert name");
        checkAttribution(rule.attribution());
        final long sequence = claim();
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.ALERT, sequence, clock.millis(), session, null, rule.attribution(), base, null);
            writeAlertRule(slot, name, rule);
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, null, sequence);
        return true;
    }

    /** Validates and enforces before anything is claimed; returns the event time. */
    private long admit(final String team, final String agentId, final Interaction interaction) {
        checkOpen();
        checkName(agentId, "agentId");
        checkInteraction(interaction);
        final long now = clock.millis();
        if (policy == GovernancePolicy.ENFORCED && team != null) {
            try {
                budgets.enforce(team, now);
            } catch (final RuntimeException e) {
                counters.rejectedBudget.increment();
                throw e;
            }
        }
        return now;
    }

    private void checkInteraction(final Interaction interaction) {
        try {
            Checks.maxLength(interaction.model(), maxStringLength, "model");
            Checks.maxLength(interaction.provider(), maxStringLength, "provider");
            Checks.maxLength(interaction.conversationId(), maxStringLength, "conversationId");
            Checks.maxLength(interaction.userId(), maxStringLength, "userId");
            Checks.maxLength(interaction.error(), maxStringLength, "error");
            checkAttribution(interaction.attribution());
            if (interaction.model() != null && unknownModels == UnknownModelPolicy.FAIL) {
                requirePriced(interaction.model());
            }
        } catch (final IllegalArgumentException e) {
            counters.rejectedInvalid.increment();
            throw e;
        }
    }

    private void checkName(final String value, final String field) {
        try {
            Checks.maxLength(Checks.nonBlank(value, field), maxStringLength, field);
        } catch (final IllegalArgumentException | NullPointerException e) {
            counters.rejectedInvalid.increment();
            throw e;
        }
    }

    /** Checks the lengths of an event's own attribution; the session's was checked when it opened. */
    public void checkAttribution(final Attribution attribution) {
        if (attribution != Attribution.EMPTY) {
            Checks.maxLength(attribution.team(), maxStringLength, "team");
            Checks.maxLength(attribution.project(), maxStringLength, "project");
            Checks.maxLength(attribution.environment(), maxStringLength, "environment");
            Checks.maxLength(attribution.customerId(), maxStringLength, "customerId");
            Checks.maxLength(attribution.costCenter(), maxStringLength, "costCenter");
            Checks.maxLength(attribution.feature(), maxStringLength, "feature");
        }
    }

    private void requirePriced(final String model) {
        Boolean known = knownModels.get(model);
        if (known == null) {
            known = prices.find(model) != null;
            if (knownModels.size() < maxKnownModels) {
                knownModels.put(model, known);
            }
        }
        if (!known) {
            throw new IllegalArgumentException("model '" + model + "' has no price in " + prices.source()
                + "; add it to the price table, or choose UnknownModelPolicy.ZERO_AND_COUNT");
        }
    }

    public void checkOpen() {
        if (!open) {
            counters.rejectedInvalid.increment();
            throw new IllegalStateException("this GenOps pipeline is closed");
        }
    }

    /**
     * Claims a slot under the backpressure policy; -1 when the event is dropped. BLOCK waits with short
     * parks rather than the ring's own blocking claim, so a claim racing a shutdown ends instead of
     * waiting forever on a stopped consumer.
     */
    private long claim() {
        while (true) {
            try {
                return ring.tryNext();
            } catch (final InsufficientCapacityException e) {
                if (backpressure != BackpressurePolicy.BLOCK) {
                    counters.dropped.increment();
                    if (backpressure == BackpressurePolicy.FAIL) {
                        throw new RingFullException(ring.getBufferSize());
                    }
                    return -1;
                }
                if (halted) {
                    counters.rejectedInvalid.increment();
                    throw new IllegalStateException("this GenOps pipeline was closed while the call waited");
                }
                LockSupport.parkNanos(FULL_RING_PARK_NANOS);
            }
        }
    }

    private static void recordPublished(final Scope session, final Scope conversation, final long sequence) {
        if (session != null) {
            session.published(sequence);
        }
        if (conversation != null) {
            conversation.published(sequence);
        }
    }

    private static void writeCommon(final EventSlot slot, final EventKind kind, final long sequence, final long now,
        final Scope session, final Scope conversation, final Attribution own, final Attribution base,
        final String agentId) {
        slot.kind = kind;
        slot.sequence = sequence;
        slot.epochMillis = now;
        slot.session = session;
        slot.conversation = conversation;
        slot.team = own.team() != null ? own.team() : base.team();
        slot.project = own.project() != null ? own.project() : base.project();
        slot.environment = own.environment() != null ? own.environment() : base.environment();
        slot.customerId = own.customerId() != null ? own.customerId() : base.customerId();
        slot.costCenter = own.costCenter() != null ? own.costCenter() : base.costCenter();
        slot.feature = own.feature() != null ? own.feature() : base.feature();
        slot.agentId = agentId;
        slot.conversationId = conversation != null ? conversation.id() : null;
        slot.resetDerived();
    }

    private void writeInteraction(final EventSlot slot, final Interaction interaction) {
        slot.name = null;
        if (interaction.conversationId() != null) {
            slot.conversationId = interaction.conversationId();
        }
        slot.userId = interaction.userId();
        slot.model = interaction.model();
        slot.provider = interaction.provider();
        slot.inputTokens = interaction.inputTokens();
        slot.outputTokens = interaction.outputTokens();
        slot.cacheReadTokens = interaction.cacheReadTokens();
        slot.cacheCreationTokens = interaction.cacheCreationTokens();
        slot.reasoningTokens = interaction.reasoningTokens();
        slot.latencyNanos = interaction.latencyNanos();
        slot.complexity = interaction.complexity();
        slot.payloadChars = interaction.payloadChars();
        slot.content = captureContent ? interaction.content() : null;
        slot.error = interaction.error();
        slot.performance = interaction.performance();
        slot.attributes = interaction.attributes();
        slot.costOverrideNanos = interaction.costOverrideNanos();
        slot.value = 0;
        slot.threshold = Double.NaN;
        slot.frequency = null;
        slot.rule = null;
    }

    private static void writeSignal(final EventSlot slot, final String name, final PerformanceSignal signal) {
        clearInteraction(slot);
        slot.name = name;
        slot.complexity = signal.complexity();
        slot.attributes = signal.attributes();
        slot.costOverrideNanos = signal.costOverrideNanos();
        slot.value = signal.value();
        slot.threshold = signal.threshold();
        slot.frequency = signal.frequency();
        slot.rule = null;
    }

    private static void writeAlertRule(final EventSlot slot, final String name, final AlertRule rule) {
        clearInteraction(slot);
        slot.name = name;
        slot.complexity = rule.complexity();
        slot.attributes = Map.of();
        slot.costOverrideNanos = rule.costOverrideNanos();
        slot.value = 0;
        slot.threshold = Double.NaN;
        slot.frequency = null;
        slot.rule = rule;
    }

    private static void clearInteraction(final EventSlot slot) {
        slot.userId = null;
        slot.model = null;
        slot.provider = null;
        slot.inputTokens = 0;
        slot.outputTokens = 0;
        slot.cacheReadTokens = 0;
        slot.cacheCreationTokens = 0;
        slot.reasoningTokens = 0;
        slot.latencyNanos = 0;
        slot.payloadChars = 0;
        slot.content = null;
        slot.error = null;
        slot.performance = Map.of();
    }

    /** Refuses further calls; calls already past the check still complete. */
    public void close() {
        open = false;
    }

    /** Tells callers waiting for a slot that no consumer will free one. */
    public void halted() {
        halted = true;
    }

    public boolean isOpen() {
        return open;
    }

    public Clock clock() {
        return clock;
    }
}
