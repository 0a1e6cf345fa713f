package io.genops.pipeline;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.pipeline.internal.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * A named stretch of monitoring work, such as one support shift, with exact running totals of
 * constant size however many operations it records. Closing it (also when the block ends in an
 * exception) waits until its events are counted, so its totals are exact and its costs kept, and
 * then journals one record of the session ({@link io.genops.core.event.EventKind#SESSION}): its
 * id, name, attribution, close time, duration and totals. Exporters show that record as the parent
 * of the session's events, such as a root span in a trace.
 *
 * <p>Thread-safe: several threads may record through one session.
 */
public final class MonitoringSession implements AutoCloseable {
    private final GenOps genops;
    private final String name;
    private final Scope scope;
    private final Attribution attribution;

    MonitoringSession(final GenOps genops, final String name, final Scope scope, final Attribution attribution) {
        this.genops = genops;
        this.name = name;
        this.scope = scope;
        this.attribution = attribution;
    }

    /**
     * Records an interaction by {@code agentId}.
     *
     * @return false when the ring was full and the event dropped under {@link BackpressurePolicy#DROP}
     * @throws io.genops.core.policy.BudgetExceededException under an enforced policy once the team's
     *         spend today has reached its limit
     * @throws IllegalArgumentException naming the field when the input is not acceptable
     * @throws IllegalStateException when the session or the pipeline is closed
     */
    public boolean trackInteraction(final String agentId, final Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        checkOpen();
        return genops.pipeline().ingest().interaction(scope, null, attribution, agentId, interaction);
    }

    /** Records a performance signal named {@code name}; false when dropped. */
    public boolean trackSignal(final String name, final PerformanceSignal signal) {
        Objects.requireNonNull(signal, "signal");
        checkOpen();
        return genops.pipeline().ingest().signal(scope, null, attribution, name, signal);
    }

    /** Creates (or replaces) the alert rule {@code name}; its creation is priced. False when dropped. */
    public boolean createAlert(final String name, final AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        checkOpen();
        return genops.pipeline().ingest().alertRule(scope, attribution, name, rule);
    }

    /** Opens a conversation whose events also count towards this session. */
    public Conversation openConversation(final String conversationId, final String customerId) {
        checkOpen();
        return genops.openConversation(conversationId, customerId, scope, attribution);
    }

    /** Waits until every event recorded so far is counted in the totals; false on timeout. */
    public boolean awaitTotals(final Duration timeout) {
        return genops.pipeline().settle(scope, Objects.requireNonNull(timeout, "timeout").toNanos());
    }

    /**
     * Ends the session, waits (up to the close timeout) until its totals are exact, and journals the
     * session's record with them. Never throws: when the pipeline is closed or the ring stays full (under
     * {@code BLOCK}, past the same close timeout), the record is left out and counted in
     * {@link PipelineMetrics#sessionsUnrecorded()}; a record taken when the timeout passed first says its
     * totals are partial. Only the first of several calls does anything.
     */
    @Override
    public void close() {
        final long start = System.nanoTime();
        if (scope.end(start)) {
            final long timeoutNanos = genops.settings().closeTimeout().toNanos();
            final boolean exact = genops.pipeline().settle(scope, timeoutNanos);
            genops.pipeline().ingest().session(scope, name, attribution, exact, start + timeoutNanos);
        }
    }

    public String id() {
        return scope.id();
    }

    public String name() {
        return name;
    }

    /** The session's attribution with the client's defaults filled in. */
    public Attribution attribution() {
        return attribution;
    }

    /** Operations counted so far; exact once {@link #awaitTotals} returned true or the session closed. */
    public long operationCount() {
        return scope.operations();
    }

    public Money totalCost() {
        return Money.usdNanos(scope.costNanos());
    }

    /** From open to close, or to now while open. */
    public Duration duration() {
        return Duration.ofNanos(scope.durationNanos(System.nanoTime()));
    }

    public boolean isClosed() {
        return scope.ended();
    }

    private void checkOpen() {
        if (scope.ended()) {
            throw new IllegalStateException("session '" + scope.id() + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "MonitoringSession{id=" + scope.id() + ", operations=" + operationCount() + ", totalCost="
            + totalCost() + '}';
    }
}
