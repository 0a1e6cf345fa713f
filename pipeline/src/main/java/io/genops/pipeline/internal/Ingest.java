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
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.core.policy.RateLimitedException;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.BackpressurePolicy;
import io.genops.pipeline.RateLimitScope;
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
    private static final ModelPrice UNKNOWN = ModelPrice.of("(unknown)", null, TokenRates.of(0, 0));

    private final CallTimers timers;
    private final RingBuffer<EventSlot> ring;
    private final BackpressurePolicy backpressure;
    private final GroupMatcher groups;
    private final BudgetBook budgets;
    private final UnknownModelPolicy unknownModels;
    private final ModelPriceTable prices;
    private final PlatformPriceTable platform;
    private final Map<String, ModelPrice> knownModels = new ConcurrentHashMap<>();
    private final ThreadLocal<Reservations> reservations = ThreadLocal.withInitial(Reservations::new);
    private final RateLimits rateLimits;
    private final int maxKnownModels;
    /** The fixed cost callers charge instead of pricing, or {@link Settings.CostEstimates#EXACT}. */
    private final long fixedEstimateNanos;
    /** Input or output tokens up to this many cannot overflow at any rate of the table, so need no pricing. */
    private final long safeTokens;
    private final int maxStringLength;
    private final boolean captureContent;
    private final Clock clock;
    private final PipelineCounters counters;
    private volatile boolean open = true;
    private volatile boolean halted;

    public Ingest(final RingBuffer<EventSlot> ring, final Settings settings, final GroupMatcher groups,
        final BudgetBook budgets, final PipelineCounters counters, final CallTimers timers) {
        this.ring = ring;
        this.timers = timers;
        this.backpressure = settings.backpressure();
        this.groups = groups;
        this.budgets = budgets;
        this.unknownModels = settings.unknownModelPolicy();
        this.prices = settings.modelPrices();
        this.platform = settings.platformPrices();
        this.rateLimits = settings.rateLimits();
        this.maxKnownModels = settings.maxTrackedKeys();
        this.fixedEstimateNanos = settings.costEstimates().perInteractionNanos();
        this.safeTokens = safeTokens(settings.modelPrices());
        this.maxStringLength = settings.maxStringLength();
        this.captureContent = settings.captureContent();
        this.clock = settings.clock();
        this.counters = counters;
    }

    /** Publishes an interaction; false when dropped under {@link BackpressurePolicy#DROP}. */
    public boolean interaction(final Scope session, final Scope conversation, final Attribution base,
        final String agentId, final Interaction interaction) {
        final long started = timers.start();
        try {
            return publishInteraction(session, conversation, base, agentId, interaction);
        } finally {
            timers.interaction(started);
        }
    }

    private boolean publishInteraction(final Scope session, final Scope conversation, final Attribution base,
        final String agentId, final Interaction interaction) {
        checkOpen();
        checkName(agentId, "agentId");
        checkInteraction(interaction);
        final long now = clock.millis();
        final Attribution own = interaction.attribution();
        final CompiledGroup group = groups.resolve(agentId, own, base, interaction.model(), interaction.provider());
        final boolean small = safeToPriceLater(interaction);
        final boolean estimated = small && fixedEstimateNanos != Settings.CostEstimates.EXACT;
        // Only an enforced policy reserves the estimate; advisory, small token counts need no price here.
        final long estimate = estimated ? fixedEstimateNanos
            : small && group.policy != GovernancePolicy.ENFORCED ? 0 : checkedEstimate(interaction);
        final boolean rateLimited = limitRate(own, base, agentId, group);
        final Reservations held = enforce(own, base, now, interaction.hasCostOverride()
            ? interaction.costOverrideNanos() : estimate, group);
        held.rateLimited = rateLimited;

        final long sequence = claim(held, true);
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.INTERACTION, sequence, now, session, conversation, own, base, agentId, held);
            writeInteraction(slot, interaction);
            slot.costEstimated = estimated && !interaction.hasCostOverride();
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, conversation, sequence);
        return true;
    }

    /** Publishes a caller's performance signal, enforcing budgets; false when dropped. */
    public boolean signal(final Scope session, final Scope conversation, final Attribution base, final String name,
        final PerformanceSignal signal) {
        final long started = timers.start();
        try {
            return signal(session, conversation, base, name, signal, true);
        } finally {
            timers.signal(started);
        }
    }

    /**
     * Publishes a performance signal; false when dropped or refused. Signals the library emits on a
     * caller's behalf (a conversation's flow and summary) pass {@code enforced = false}: they skip rate limits,
     * and are not the caller's to fail, so a full ring and a pipeline closed before or during the call leave
     * them out (counted as dropped, or as refused after the close) instead of throwing: the interaction that
     * triggered a flow signal stays accepted, and closing a conversation while the pipeline closes cannot fail.
     * Under an enforced policy they still reserve their cost, and a budget without room refuses them quietly
     * (counted as refused by budget like any other), so that no event passes an enforced limit. They do throw
     * on a name or attribution the pipeline refuses, which the library never passes.
     */
    public boolean signal(final Scope session, final Scope conversation, final Attribution base, final String name,
        final PerformanceSignal signal, final boolean enforced) {
        if (!enforced && !open) {
            counters.rejectedClosed.increment();
            return false;
        }
        checkOpen();
        checkName(name, "signal name");
        checkAttribution(signal.attribution());
        final long now = clock.millis();
        final long estimate = signal.hasCostOverride()
            ? signal.costOverrideNanos() : platform.signalNanos(signal.complexity(), signal.frequency(), tier());
        final CompiledGroup group = groups.resolve(signal.agentId(), signal.attribution(), base, null, null);
        final boolean rateLimited = enforced && limitRate(signal.attribution(), base, signal.agentId(), group);
        final Reservations held = enforced ? enforce(signal.attribution(), base, now, estimate, group)
            : reserve(signal.attribution(), base, now, estimate, group);
        if (held.refusedBy != null) {
            return false;
        }
        held.rateLimited = rateLimited;

        // The library's own signals never throw on a full ring or a close: the call that caused them succeeded.
        final long sequence = claim(held, enforced);
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.SIGNAL, sequence, now, session, conversation, signal.attribution(), base,
                signal.agentId(), held);
            writeSignal(slot, name, signal);
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, conversation, sequence);
        return true;
    }

    /** Publishes the creation of an alert rule; false when dropped. */
    public boolean alertRule(final Scope session, final Attribution base, final String name, final AlertRule rule) {
        final long started = timers.startAlways();
        try {
            return publishAlertRule(session, base, name, rule);
        } finally {
            timers.alert(started);
        }
    }

    private boolean publishAlertRule(final Scope session, final Attribution base, final String name,
        final AlertRule rule) {
        checkOpen();
        checkName(name, "alert name");
        checkAttribution(rule.attribution());
        final CompiledGroup group = rule.group() != null ? declaredGroup(rule.group())
            : groups.resolve(null, rule.attribution(), base, null, null);
        final long now = clock.millis();
        final Reservations held = enforce(rule.attribution(), base, now, rule.hasCostOverride()
            ? rule.costOverrideNanos() : platform.alertNanos(rule.complexity(), rule.channels().size(), tier()),
            group);

        final long sequence = claim(held, true);
        if (sequence < 0) {
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            writeCommon(slot, EventKind.ALERT, sequence, now, session, null, rule.attribution(), base, null, held);
            writeAlertRule(slot, name, rule);
        } finally {
            ring.publish(sequence);
        }
        recordPublished(session, null, sequence);
        return true;
    }

    /**
     * Publishes the record of {@code session}, which has just closed: its name, its attribution
     * ({@code base}) and agent group, the close time, how long it was open and its totals as counted.
     * It is never refused by a budget or rate limit and costs nothing. Never throws: when the pipeline
     * is closed, or the ring stays full (at once under {@code DROP} and {@code FAIL}, until
     * {@code deadlineNanos} of {@link System#nanoTime()} under {@code BLOCK}), the record is left out and
     * counted as an unrecorded session (a full ring also as a drop).
     *
     * @return whether the record was published
     */
    public boolean session(final Scope session, final String name, final Attribution base,
        final boolean totalsExact, final long deadlineNanos) {
        if (!open) {
            counters.sessionsUnrecorded.increment();
            return false;
        }
        final CompiledGroup group = groups.resolve(null, Attribution.EMPTY, base, null, null);
        final long now = clock.millis();
        final long sequence = claimSession(deadlineNanos);
        if (sequence < 0) {
            counters.sessionsUnrecorded.increment();
            return false;
        }

        final EventSlot slot = ring.get(sequence);
        try {
            final Reservations held = none(0, group);
            writeCommon(slot, EventKind.SESSION, sequence, now, session, null, Attribution.EMPTY, base, null, held);
            writeSession(slot, name, session, totalsExact);
        } finally {
            ring.publish(sequence);
        }
        return true;
    }

    /**
     * Claims a slot for a session record without throwing: -1 when the pipeline closed (the claimed slot
     * is given back as cancelled) or the ring is full past what the backpressure policy allows.
     */
    private long claimSession(final long deadlineNanos) {
        while (true) {
            try {
                final long sequence = ring.tryNext();
                if (!open) {
                    final EventSlot slot = ring.get(sequence);
                    slot.cancelled = true;
                    slot.session = null;
                    slot.conversation = null;
                    ring.publish(sequence);
                    counters.cancelledClaims.increment();
                    return -1;
                }
                return sequence;
            } catch (final InsufficientCapacityException e) {
                if (backpressure != BackpressurePolicy.BLOCK || halted || System.nanoTime() - deadlineNanos >= 0) {
                    counters.dropped.increment();
                    return -1;
                }
                LockSupport.parkNanos(FULL_RING_PARK_NANOS);
            }
        }
    }

    /** The group a rule names; refuses, at the call, a name no group was declared with. */
    private CompiledGroup declaredGroup(final String name) {
        final CompiledGroup group = groups.named(name);
        if (group == null) {
            counters.rejectedInvalid.increment();
            throw new IllegalArgumentException("the alert rule names agent group '" + name + "', which this "
                + "pipeline does not declare; declared: " + groups.names());
        }
        return group;
    }

    /**
     * Under the enforced policy of the event's group, reserves {@code estimateNanos} in every budget the
     * event falls under, all or none; throws {@link io.genops.core.policy.BudgetExceededException} naming
     * the budget that has no room. Returns the reservations held (none when advisory).
     */
    private Reservations enforce(final Attribution own, final Attribution base, final long now,
        final long estimateNanos, final CompiledGroup group) {
        final Reservations held = reserve(own, base, now, estimateNanos, group);
        if (held.refusedBy != null) {
            throw budgets.exceeded(held.refusedBy, held.refusedIn);
        }
        return held;
    }

    /**
     * Like {@link #enforce}, but a refusal is told by {@link Reservations#refusedBy}, counted, instead of
     * thrown.
     */
    private Reservations reserve(final Attribution own, final Attribution base, final long now,
        final long estimateNanos, final CompiledGroup group) {
        final Reservations held = reservations.get();
        held.clear(estimateNanos, group);
        if (group.policy != GovernancePolicy.ENFORCED) {
            return held;
        }
        final int count = budgets.collect(pick(own.team(), base.team()), pick(own.project(), base.project()),
            pick(own.customerId(), base.customerId()), held.applicable);
        for (int i = 0; i < count; i++) {
            final Budget budget = held.applicable[i];
            final Budget.Period period = budget.periodFor(budgets.windowId(budget, now));
            if (period != null) {
                if (!budget.reserve(period, estimateNanos)) {
                    held.release();
                    held.refusedBy = budget;
                    held.refusedIn = period;
                    counters.rejectedBudget.increment();
                    group.refused.increment();
                    return held;
                }
                held.periods[held.count++] = period;
            }
        }
        return held;
    }

    /**
     * Counts the event against its team's and agent's rate limits. Under the enforced policy of the
     * event's group a key over its limit refuses the call with {@link RateLimitedException}; otherwise
     * the event is recorded and marked {@code RATE_LIMITED}. Returns whether it was over a limit.
     */
    private boolean limitRate(final Attribution own, final Attribution base, final String agentId,
        final CompiledGroup group) {
        if (!rateLimits.active()) {
            return false;
        }
        final long now = System.nanoTime();
        RateLimits.Limiter refusing = rateLimits.refusing(RateLimitScope.TEAM, pick(own.team(), base.team()), now);
        if (refusing == null) {
            refusing = rateLimits.refusing(RateLimitScope.AGENT, agentId, now);
        }
        if (refusing != null && group.policy == GovernancePolicy.ENFORCED) {
            counters.rejectedRateLimited.increment();
            group.refused.increment();
            throw new RateLimitedException(refusing.label, refusing.eventsPerSecond);
        }
        return refusing != null;
    }

    private Reservations none(final long estimateNanos, final CompiledGroup group) {
        final Reservations held = reservations.get();
        held.clear(estimateNanos, group);
        return held;
    }

    private static String pick(final String own, final String base) {
        return own != null ? own : base;
    }

    /**
     * The estimate, refusing at the call token counts so large that pricing them overflows, which
     * would otherwise fail later on the consumer thread (with an override too: the override replaces
     * the cost, but the tokens are still journaled and may be priced again by a replay).
     */
    private long checkedEstimate(final Interaction interaction) {
        try {
            return estimate(interaction);
        } catch (final ArithmeticException e) {
            counters.rejectedInvalid.increment();
            throw new IllegalArgumentException("the token counts of this interaction (input "
                + interaction.inputTokens() + ", output " + interaction.outputTokens()
                + ") are too large to price exactly", e);
        }
    }

    /**
     * Whether the token counts are small enough to leave pricing to the consumer: no rate of the table can
     * make them overflow, so its exact pricing cannot fail and the call need not check it.
     */
    private boolean safeToPriceLater(final Interaction interaction) {
        return interaction.inputTokens() <= safeTokens && interaction.outputTokens() <= safeTokens;
    }

    /**
     * The most input or output tokens that no rate of {@code table} can price past a quarter of a long's
     * range: input and output together, plus the platform fee, then stay far from overflowing.
     */
    private static long safeTokens(final ModelPriceTable table) {
        long maxRatePicos = 1;
        for (final ModelPrice price : table.prices()) {
            maxRatePicos = Math.max(maxRatePicos, highestRate(price.base()));
            for (final ModelPrice.Tier tier : price.tiers()) {
                maxRatePicos = Math.max(maxRatePicos, highestRate(tier.rates()));
            }
        }
        return Long.MAX_VALUE / 4 / maxRatePicos;
    }

    private static long highestRate(final TokenRates rates) {
        return Math.max(Math.max(Math.max(rates.inputPicos(), rates.outputPicos()), Math.max(rates.cacheReadPicos(),
            rates.cacheCreationPicos())), rates.reasoningPicos());
    }

    /** The exact cost the cost stage will compute, at the volume tier published now. */
    private long estimate(final Interaction interaction) {
        final long platformNanos = platform.interactionNanos(interaction.complexity(), interaction.payloadChars(),
            tier());
        final ModelPrice price = interaction.model() == null ? null : priceOf(interaction.model());
        return price == null ? platformNanos : Math.addExact(platformNanos, price.costNanos(
            interaction.inputTokens(), interaction.outputTokens(), interaction.cacheReadTokens(),
            interaction.cacheCreationTokens(), interaction.reasoningTokens()));
    }

    private int tier() {
        return platform.discountTier(counters.monthInteractions.get());
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

    /** The model's price through a bounded cache of lookups (misses included); null when unknown. */
    private ModelPrice priceOf(final String model) {
        ModelPrice price = knownModels.get(model);
        if (price == null) {
            final ModelPrice found = prices.find(model);
            price = found != null ? found : UNKNOWN;
            if (knownModels.size() < maxKnownModels) {
                knownModels.put(model, price);
            }
        }
        return price == UNKNOWN ? null : price;
    }

    private void requirePriced(final String model) {
        if (priceOf(model) == null) {
            throw new IllegalArgumentException("model '" + model + "' has no price in " + prices.source()
                + "; add it to the price table, or choose UnknownModelPolicy.ZERO_AND_COUNT");
        }
    }

    public void checkOpen() {
        if (!open) {
            counters.rejectedClosed.increment();
            throw new IllegalStateException("this GenOps pipeline is closed");
        }
    }

    /**
     * Claims a slot under the backpressure policy; -1 when the event is dropped, or, when {@code mayThrow}
     * is false, when the pipeline closed during the call (which otherwise throws {@link IllegalStateException}).
     * BLOCK waits with short parks rather than the ring's own blocking claim, so a claim racing a shutdown
     * ends instead of waiting forever on a stopped consumer.
     */
    private long claim(final Reservations held, final boolean mayThrow) {
        while (true) {
            try {
                final long sequence = ring.tryNext();
                if (!open) {
                    cancel(sequence, held);
                    if (mayThrow) {
                        throw new IllegalStateException("this GenOps pipeline was closed during the call; the event "
                            + "was not recorded");
                    }
                    return -1;
                }
                return sequence;
            } catch (final InsufficientCapacityException e) {
                if (backpressure != BackpressurePolicy.BLOCK) {
                    held.release();
                    counters.dropped.increment();
                    if (backpressure == BackpressurePolicy.FAIL && mayThrow) {
                        throw new RingFullException(ring.getBufferSize());
                    }
                    return -1;
                }
                if (halted) {
                    held.release();
                    counters.rejectedClosed.increment();
                    if (mayThrow) {
                        throw new IllegalStateException("this GenOps pipeline was closed while the call waited");
                    }
                    return -1;
                }
                LockSupport.parkNanos(FULL_RING_PARK_NANOS);
            }
        }
    }

    /**
     * Gives back a slot claimed after the pipeline closed. The close first refuses new calls, then
     * waits for every claimed slot; a call that claimed before it could see the refusal sees it now,
     * so each such slot is either drained or cancelled here, never lost without a trace.
     */
    private void cancel(final long sequence, final Reservations held) {
        final EventSlot slot = ring.get(sequence);
        slot.cancelled = true;
        slot.session = null;
        slot.conversation = null;
        ring.publish(sequence);
        held.release();
        counters.cancelledClaims.increment();
        counters.rejectedClosed.increment();
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
        final String agentId, final Reservations held) {
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
        slot.agentGroup = held.group;
        slot.conversationId = conversation != null ? conversation.id() : null;
        System.arraycopy(held.periods, 0, slot.reserved, 0, held.count);
        slot.reservedCount = held.count;
        slot.reservationNanos = held.nanos;
        slot.resetDerived();
        if (held.rateLimited) {
            slot.policyResult = PolicyResult.RATE_LIMITED;
            slot.policyReason = PolicyReason.RATE_LIMITED;
        }
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
        // Without capture the texts never reach the slot: their sizes are in payloadChars, the texts nowhere.
        slot.content = captureContent ? interaction.content() : null;
        slot.output = captureContent ? interaction.output() : null;
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

    private static void writeSession(final EventSlot slot, final String name, final Scope session,
        final boolean totalsExact) {
        clearInteraction(slot);
        slot.name = name;
        slot.latencyNanos = session.durationNanos(System.nanoTime());
        slot.complexity = null;
        slot.attributes = Map.of();
        slot.costOverrideNanos = Interaction.NO_OVERRIDE;
        slot.value = 0;
        slot.threshold = Double.NaN;
        slot.frequency = null;
        slot.rule = null;
        slot.sessionOperations = session.operations();
        slot.sessionCostNanos = session.costNanos();
        slot.sessionTotalsExact = totalsExact;
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
        slot.output = null;
        slot.error = null;
        slot.performance = Map.of();
    }

    /** One caller thread's scratch for the budgets of the call it is making. */
    private static final class Reservations {
        final Budget[] applicable = new Budget[BudgetBook.MAX_PER_EVENT];
        final Budget.Period[] periods = new Budget.Period[BudgetBook.MAX_PER_EVENT];
        int count;
        long nanos;
        boolean rateLimited;
        CompiledGroup group;
        /** The budget that had no room for the call, and its window; null when nothing refused it. */
        Budget refusedBy;
        Budget.Period refusedIn;

        void clear(final long estimateNanos, final CompiledGroup eventGroup) {
            count = 0;
            nanos = estimateNanos;
            rateLimited = false;
            group = eventGroup;
            refusedBy = null;
            refusedIn = null;
        }

        /** Gives back what was reserved, for a call that ends up not recorded. */
        void release() {
            for (int i = 0; i < count; i++) {
                periods[i].addCommitted(-nanos);
            }
            count = 0;
        }
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
