package io.genops.pipeline;

import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.pipeline.export.ExporterStatus;
import io.genops.pipeline.internal.Pipeline;
import io.genops.pipeline.internal.Scope;
import io.genops.pipeline.internal.Settings;
import io.genops.pipeline.journal.RetentionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The entry point: a running governance pipeline. Record events through the sessions and
 * conversations it opens; every event is priced, charged to its attribution, checked against its
 * budget, sampled for export and run past the alert rules on the pipeline's own threads, so a call
 * costs the caller well under a microsecond and never waits on I/O.
 *
 * <pre>{@code
 * try (GenOps genops = GenOps.builder().team("support").dailyBudget(Money.usd("50")).build();
 *      MonitoringSession session = genops.openSession("customer_support_shift")) {
 *     session.trackInteraction("support-bot", Interaction.builder()
 *         .model("gpt-4o").inputTokens(1000).outputTokens(500).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may record through any sessions at once.
 */
public final class GenOps implements AutoCloseable {
    private final Pipeline pipeline;
    private final Settings settings;

    GenOps(final Settings settings) {
        this.settings = settings;
        this.pipeline = new Pipeline(settings);
    }

    public static GenOpsBuilder builder() {
        return new GenOpsBuilder();
    }

    /** Opens a session under the client's attribution. Its id is unique, whatever its name. */
    public MonitoringSession openSession(final String name) {
        return openSession(name, Attribution.EMPTY);
    }

    /** Opens a session whose attribution overrides the client's where it sets a field. */
    public MonitoringSession openSession(final String name, final Attribution attribution) {
        Checks.nonBlank(name, "session name");
        pipeline.ingest().checkOpen();
        pipeline.ingest().checkAttribution(attribution);
        final Scope scope = new Scope(name + "-" + uniqueSuffix(), System.nanoTime());
        return new MonitoringSession(this, name, scope, attribution.over(settings.attribution()));
    }

    /** 56 random bits in base 36: short enough for compact journal records, unique enough across pods. */
    private static String uniqueSuffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 8, 36);
    }

    /** Opens a conversation for {@code customerId} that interactions of several agents join. */
    public Conversation openConversation(final String conversationId, final String customerId) {
        return openConversation(conversationId, customerId, null, settings.attribution());
    }

    Conversation openConversation(final String conversationId, final String customerId, final Scope session,
        final Attribution base) {
        Checks.nonBlank(conversationId, "conversationId");
        Checks.maxLength(conversationId, settings.maxStringLength(), "conversationId");
        pipeline.ingest().checkOpen();
        final Attribution attribution = Attribution.builder().customerId(customerId).build().over(base);
        pipeline.ingest().checkAttribution(attribution);
        return new Conversation(this, new Scope(conversationId, System.nanoTime()), session, attribution,
            settings.conversationFlowInterval());
    }

    /** What {@code interaction} costs now, on the caller's thread: model tokens plus the platform's fee. */
    public CostEstimate estimateCost(final Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        final PlatformPriceTable platform = settings.platformPrices();
        final int tier = platform.discountTier(pipeline.monthInteractions());
        final long base = platform.interactionNanos(interaction.complexity(), interaction.payloadChars(), 0);
        final long discounted = platform.interactionNanos(interaction.complexity(), interaction.payloadChars(), tier);
        final ModelPrice price = interaction.model() == null ? null : settings.modelPrices().find(interaction.model());
        final long model = price == null ? 0 : price.costNanos(interaction.inputTokens(), interaction.outputTokens(),
            interaction.cacheReadTokens(), interaction.cacheCreationTokens(), interaction.reasoningTokens());
        final long total = interaction.hasCostOverride() ? interaction.costOverrideNanos()
            : Math.addExact(model, discounted);
        return new CostEstimate("interaction", Money.usdNanos(model), Money.usdNanos(base), platform.discount(tier),
            Money.usdNanos(discounted), Money.usdNanos(total), interaction.model() == null || price != null);
    }

    public CostEstimate estimateCost(final PerformanceSignal signal) {
        Objects.requireNonNull(signal, "signal");
        final PlatformPriceTable platform = settings.platformPrices();
        final int tier = platform.discountTier(pipeline.monthInteractions());
        final long base = platform.signalNanos(signal.complexity(), signal.frequency(), 0);
        final long discounted = platform.signalNanos(signal.complexity(), signal.frequency(), tier);
        final long total = signal.hasCostOverride() ? signal.costOverrideNanos() : discounted;
        return new CostEstimate("signal", Money.usdNanos(0), Money.usdNanos(base), platform.discount(tier),
            Money.usdNanos(discounted), Money.usdNanos(total), true);
    }

    public CostEstimate estimateCost(final AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        final PlatformPriceTable platform = settings.platformPrices();
        final int tier = platform.discountTier(pipeline.monthInteractions());
        final int channels = rule.channels().size();
        final long base = platform.alertNanos(rule.complexity(), channels, 0);
        final long discounted = platform.alertNanos(rule.complexity(), channels, tier);
        final long total = rule.hasCostOverride() ? rule.costOverrideNanos() : discounted;
        return new CostEstimate("alert", Money.usdNanos(0), Money.usdNanos(base), platform.discount(tier),
            Money.usdNanos(discounted), Money.usdNanos(total), true);
    }

    /** Converts a USD amount with the configured exchange rates. */
    public Money convert(final Money usd, final String currency) {
        return settings.currencies().fromUsd(usd, currency);
    }

    /**
     * Whether spending {@code estimatedCost} now, under {@code attribution} over the client's, would
     * stay within every budget that applies, before an expensive model call. Nothing is reserved.
     */
    public BudgetCheck checkBudget(final Attribution attribution, final Money estimatedCost) {
        Objects.requireNonNull(attribution, "attribution");
        final long estimate = Checks.costOverride(estimatedCost);
        final Attribution effective = attribution.over(settings.attribution());
        if (!settings.rateLimits().wouldAdmit(RateLimitScope.TEAM, effective.team(), System.nanoTime())) {
            return new BudgetCheck(PolicyResult.RATE_LIMITED, PolicyReason.RATE_LIMITED, "team=" + effective.team(),
                null, Money.usdNanos(0), Money.usdNanos(0));
        }
        return pipeline.budgets().check(effective.team(), effective.project(), effective.customerId(), estimate,
            settings.clock().millis(), settings.budgetWarningPercent());
    }

    /**
     * The state of {@code team}'s daily budget now, as the budget stage last published it; a team
     * without a daily budget reads as allocated zero.
     */
    public BudgetStatus budgetStatus(final String team) {
        final BudgetStatus status = budgetStatus(BudgetScope.TEAM, Checks.nonBlank(team, "team"), BudgetWindow.DAILY);
        return status != null ? status : new BudgetStatus("team=" + team, BudgetWindow.DAILY.label(),
            settings.clock().instant().atZone(settings.budgetZone()).toLocalDate(), Money.usdNanos(0),
            Money.usdNanos(0));
    }

    /** The state of one budget now, or {@code null} when no such budget is configured. */
    public BudgetStatus budgetStatus(final BudgetScope scope, final String key, final BudgetWindow window) {
        return pipeline.budgets().status(Objects.requireNonNull(scope, "scope"), Checks.nonBlank(key, "key"),
            Objects.requireNonNull(window, "window"), settings.clock().millis());
    }

    /** Every tracked budget now, by scope, key and window. */
    public List<BudgetStatus> budgetStatuses() {
        return pipeline.budgets().statuses(settings.clock().millis());
    }

    /** Each exporter's progress: events exported, retries, failures, and lag behind the journal. */
    public List<ExporterStatus> exporterStatuses() {
        return pipeline.exporterStatuses();
    }

    /**
     * What journal retention has done since start and what holds it back: cycles kept past the limits
     * for an exporter that has not settled them, and position files of exporters this pipeline does not
     * run, which hold nothing back.
     */
    public RetentionStatus journalRetention() {
        return pipeline.retentionStatus();
    }

    public PipelineMetrics metrics() {
        return pipeline.metrics();
    }

    /** The client-wide attribution defaults. */
    public Attribution attribution() {
        return settings.attribution();
    }

    /**
     * Waits until every event accepted before this call has passed every stage.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean flush(final Duration timeout) {
        return pipeline.flush(Objects.requireNonNull(timeout, "timeout").toNanos());
    }

    /** Waits until every fired alert has been delivered or failed; false when {@code timeout} passed first. */
    public boolean awaitAlerts(final Duration timeout) {
        return pipeline.awaitAlerts(Objects.requireNonNull(timeout, "timeout").toNanos());
    }

    /**
     * Refuses new calls, drains what was accepted until {@code timeout}, stops the threads and says
     * what, if anything, was left behind. Calling it again returns the same report.
     */
    public ShutdownReport close(final Duration timeout) {
        return pipeline.close(Objects.requireNonNull(timeout, "timeout").toNanos());
    }

    /** {@link #close(Duration)} with the configured close timeout; a report that is not clean is logged. */
    @Override
    public void close() {
        close(settings.closeTimeout());
    }

    Pipeline pipeline() {
        return pipeline;
    }

    Settings settings() {
        return settings;
    }
}
