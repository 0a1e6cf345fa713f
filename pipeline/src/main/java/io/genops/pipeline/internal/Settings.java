package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.alert.AlertChannel;
import io.genops.core.export.Exporter;
import io.genops.core.event.AlertRule;
import io.genops.core.money.CurrencyTable;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.AgentGroup;
import io.genops.pipeline.BackpressurePolicy;
import io.genops.pipeline.ConsumerWait;
import io.genops.pipeline.PipelineStage;
import io.genops.pipeline.RedactionRule;
import io.genops.pipeline.SamplingPolicy;
import io.genops.pipeline.StageErrorHandler;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The validated, immutable settings a pipeline is built from; made by {@code GenOpsBuilder}. */
public record Settings(
    Attribution attribution,
    GovernancePolicy policy,
    boolean costAlerts,
    List<BudgetBook.BudgetLimit> budgetLimits,
    ZoneId budgetZone,
    int[] budgetThresholdPercents,
    int budgetWarningPercent,
    int ringSize,
    BackpressurePolicy backpressure,
    ConsumerWait consumerWait,
    long consumerParkNanos,
    int stageThreads,
    SamplingPolicy sampling,
    UnknownModelPolicy unknownModelPolicy,
    ModelPriceTable modelPrices,
    PlatformPriceTable platformPrices,
    CurrencyTable currencies,
    int maxStringLength,
    boolean captureContent,
    Redaction redaction,
    int priceCacheCapacity,
    CostEstimates costEstimates,
    int maxTrackedKeys,
    int maxAlertRules,
    List<AlertChannel> alertChannels,
    List<String> defaultAlertChannels,
    int alertQueueCapacity,
    int alertBatchSize,
    Duration alertBatchAge,
    Duration closeTimeout,
    Clock clock,
    StageErrorHandler errorHandler,
    List<PipelineStage> customStages,
    int conversationFlowInterval,
    Path journalDirectory,
    JournalCycle journalCycle,
    boolean journalSyncOnFlush,
    Retention journalRetention,
    Map<String, AlertRule> alertRules,
    int maxAlertStateKeys,
    Export export,
    RateLimits rateLimits,
    Map<String, AgentGroup> agentGroups) {

    /**
     * How captured content and answers are redacted before the journal stage.
     *
     * @param rules  the built-in rules, applied in their declared order
     * @param custom applied after them, or {@code null}
     */
    public record Redaction(Set<RedactionRule> rules, UnaryOperator<String> custom) {
        /** Whether anything redacts. */
        public boolean active() {
            return !rules.isEmpty() || custom != null;
        }
    }

    /** How exporters are fed from the journal. */
    public record Export(List<Exporter> exporters, int batchSize, Duration batchAge, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff) {
    }

    /**
     * A fixed cost per interaction that callers use instead of pricing it, and how often the budget stage
     * settles the difference from the exact costs into the budgets callers check.
     *
     * @param perInteractionNanos the estimate in USD nanos, or {@link #EXACT} when callers price exactly
     * @param reconcileEvery      interactions between settlements
     */
    public record CostEstimates(long perInteractionNanos, int reconcileEvery) {
        public static final long EXACT = -1;

        /** Callers price every interaction exactly, and every charge reaches the budgets at once. */
        public static CostEstimates exact() {
            return new CostEstimates(EXACT, 1);
        }

        public boolean estimated() {
            return perInteractionNanos != EXACT;
        }
    }

    /** Whether events are journaled; {@code false} keeps the pipeline in memory only. */
    public boolean journaled() {
        return journalDirectory != null;
    }
}
