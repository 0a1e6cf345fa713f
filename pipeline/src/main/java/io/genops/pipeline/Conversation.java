package io.genops.pipeline;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.pipeline.internal.Scope;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A customer conversation that interactions of several agents join. It counts its interactions and
 * the agents involved, emits a {@value #FLOW_SIGNAL} signal every N interactions and a
 * {@value #SUMMARY_SIGNAL} signal when closed; both are priced and accounted like any signal. Under an
 * enforced policy a budget without room for them leaves them out, counted as refused, without failing
 * the call that emits them: no event passes an enforced limit. A full ring, or the pipeline closing during
 * the call, leaves them out too, and never fails the interaction that triggered one or {@link #close()}.
 *
 * <p>The set of agents is capped at {@value #MAX_AGENTS} names so a conversation stays small.
 */
public final class Conversation implements AutoCloseable {
    public static final String FLOW_SIGNAL = "conversation_flow_metrics";
    public static final String SUMMARY_SIGNAL = "conversation_summary";
    public static final int MAX_AGENTS = 64;

    private final GenOps genops;
    private final Scope scope;
    private final Scope session;
    private final Attribution attribution;
    private final int flowInterval;
    private final AtomicLong interactions = new AtomicLong();
    private final AtomicLong signalsRecorded = new AtomicLong();
    private final Set<String> agents = ConcurrentHashMap.newKeySet();

    Conversation(final GenOps genops, final Scope scope, final Scope session, final Attribution attribution,
        final int flowInterval) {
        this.genops = genops;
        this.scope = scope;
        this.session = session;
        this.attribution = attribution;
        this.flowInterval = flowInterval;
    }

    /** Records an interaction of {@code agentId} in this conversation; false when dropped. */
    public boolean trackInteraction(final String agentId, final Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        checkOpen();
        final boolean accepted = genops.pipeline().ingest()
            .interaction(session, scope, attribution, agentId, interaction);
        if (accepted) {
            if (agents.size() < MAX_AGENTS && !agents.contains(agentId)) {
                agents.add(agentId);
            }
            final long count = interactions.incrementAndGet();
            if (count % flowInterval == 0) {
                emit(FLOW_SIGNAL, count, agentId);
            }
        }
        return accepted;
    }

    /** Records a signal in this conversation; false when dropped. */
    public boolean trackSignal(final String name, final PerformanceSignal signal) {
        Objects.requireNonNull(signal, "signal");
        checkOpen();
        return genops.pipeline().ingest().signal(session, scope, attribution, name, signal);
    }

    private void emit(final String name, final long count, final String agentId) {
        final PerformanceSignal.Builder signal = PerformanceSignal.builder().value(count).attributes(Map.of(
            "agents_involved", Integer.toString(agents.size()),
            "duration_ms", Long.toString(duration().toMillis())));
        if (agentId != null) {
            signal.agentId(agentId);
        }
        if (genops.pipeline().ingest().signal(session, scope, attribution, name, signal.build(), false)) {
            signalsRecorded.incrementAndGet();
        }
    }

    /** Emits the summary signal, ends the conversation and waits (up to the close timeout) for exact totals. */
    @Override
    public void close() {
        if (!scope.ended()) {
            try {
                if (genops.pipeline().ingest().isOpen()) {
                    emit(SUMMARY_SIGNAL, interactions.get(), null);
                }
            } finally {
                scope.end(System.nanoTime());
                genops.pipeline().settle(scope, genops.settings().closeTimeout().toNanos());
            }
        }
    }

    public String id() {
        return scope.id();
    }

    public String customerId() {
        return attribution.customerId();
    }

    public long interactionCount() {
        return interactions.get();
    }

    /**
     * The flow and summary signals this conversation has recorded: fewer than it emitted when an
     * enforced budget had no room for some, or a full ring dropped them.
     */
    public long signalsRecorded() {
        return signalsRecorded.get();
    }

    /** The agents that took part, up to {@value #MAX_AGENTS} names. */
    public Set<String> agentsInvolved() {
        return Set.copyOf(agents);
    }

    /** Cost of the conversation's events, its signals included; exact once closed. */
    public Money totalCost() {
        return Money.usdNanos(scope.costNanos());
    }

    public Duration duration() {
        return Duration.ofNanos(scope.durationNanos(System.nanoTime()));
    }

    private void checkOpen() {
        if (scope.ended()) {
            throw new IllegalStateException("conversation '" + scope.id() + "' is closed");
        }
    }
}
