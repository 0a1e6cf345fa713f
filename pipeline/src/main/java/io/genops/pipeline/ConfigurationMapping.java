package io.genops.pipeline;

import io.genops.config.settings.AlertSettings;
import io.genops.config.settings.BudgetSettings;
import io.genops.config.settings.ExportSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.settings.GroupSettings;
import io.genops.config.settings.JournalSettings;
import io.genops.config.settings.LimitSettings;
import io.genops.config.settings.PipelineSettings;
import io.genops.config.settings.PricingSettings;
import io.genops.config.settings.SamplingSettings;
import io.genops.core.event.EventKind;
import io.genops.pipeline.journal.JournalCycle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checked configuration turned into builder calls: each setting goes through the public setter a
 * caller would use, so a configuration is checked exactly as code is, and setters called afterwards
 * override it. Only redaction rules and agent groups take package-private calls, since a configuration
 * replaces them differently from a caller (see {@link GenOpsBuilder#configuration}).
 */
final class ConfigurationMapping {
    private ConfigurationMapping() {
    }

    static void apply(final GenOpsConfiguration config, final GenOpsBuilder builder) {
        builder.attribution(config.attribution()).policy(config.policy()).costAlerts(config.alerts().costAlerts());
        budgets(config, builder);
        pricing(config.pricing(), builder);
        pipeline(config.pipeline(), builder);
        builder.sampling(samplingPolicy(config.sampling()));
        final Map<String, AgentGroup> groups = new LinkedHashMap<>();
        config.groups().forEach(group -> groups.put(group.name(), agentGroup(group)));
        builder.configuredGroups(groups);
        alerts(config.alerts(), builder);
        journal(config.journal(), builder);
        final ExportSettings export = config.exporters();
        builder.exportBatchSize(export.batchSize()).exportBatchAge(export.batchAge())
            .exportMaxAttempts(export.maxAttempts()).exportBackoff(export.backoffInitial(), export.backoffMax());
        final LimitSettings limits = config.limits();
        builder.maxStringLength(limits.maxStringLength()).maxTrackedKeys(limits.maxTrackedKeys())
            .maxAlertRules(limits.maxAlertRules()).maxAlertStateKeys(limits.maxAlertStateKeys());
    }

    private static void budgets(final GenOpsConfiguration config, final GenOpsBuilder builder) {
        final BudgetSettings budgets = config.budgets();
        budgets.limits().forEach(limit -> builder.budget(BudgetScope.valueOf(limit.scope().name()), limit.key(),
            BudgetWindow.valueOf(limit.window().name()), limit.limit()));
        budgets.defaults().forEach(limit -> builder.defaultBudget(BudgetScope.valueOf(limit.scope().name()),
            BudgetWindow.valueOf(limit.window().name()), limit.limit()));
        builder.budgetZone(budgets.zone()).budgetThresholds(budgets.thresholdPercents())
            .budgetWarningPercent(budgets.warningPercent());
        config.rateLimits().limits().forEach(limit -> builder.rateLimit(
            RateLimitScope.valueOf(limit.scope().name()), limit.key(), limit.eventsPerSecond()));
        config.rateLimits().defaults().forEach(limit -> builder.defaultRateLimit(
            RateLimitScope.valueOf(limit.scope().name()), limit.eventsPerSecond()));
    }

    private static void pricing(final PricingSettings pricing, final GenOpsBuilder builder) {
        builder.unknownModelPolicy(pricing.unknownModel()).modelPrices(pricing.modelPrices())
            .platformPrices(pricing.platformPrices()).currencies(pricing.currencies())
            .priceCacheCapacity(pricing.cacheCapacity());
        pricing.estimate().ifPresentOrElse(estimate -> builder.costEstimate(estimate, pricing.reconcileEvery()),
            builder::exactCosts);
    }

    private static void pipeline(final PipelineSettings pipeline, final GenOpsBuilder builder) {
        builder.ringSize(pipeline.ringSize()).backpressure(BackpressurePolicy.valueOf(pipeline.backpressure().name()))
            .consumerWait(ConsumerWait.valueOf(pipeline.consumerWait().name())).consumerPark(pipeline.consumerPark())
            .captureContent(pipeline.captureContent()).conversationFlowInterval(pipeline.conversationFlowInterval())
            .closeTimeout(pipeline.closeTimeout());
        pipeline.stageThreads().ifPresent(builder::stageThreads);
        final Set<RedactionRule> redaction = EnumSet.noneOf(RedactionRule.class);
        pipeline.redact().forEach(rule -> redaction.add(RedactionRule.valueOf(rule.name())));
        builder.configuredRedaction(redaction);
    }

    private static void alerts(final AlertSettings alerts, final GenOpsBuilder builder) {
        builder.defaultAlertChannels(alerts.defaultChannels().toArray(String[]::new))
            .alertQueueCapacity(alerts.queueCapacity()).alertBatchSize(alerts.batchSize())
            .alertBatchAge(alerts.batchAge());
        alerts.rules().forEach((name, rule) -> builder.alertRule(name, rule.toAlertRule()));
    }

    private static void journal(final JournalSettings journal, final GenOpsBuilder builder) {
        if (journal.enabled()) {
            builder.journal(journal.directory());
        } else {
            builder.noJournal();
        }
        builder.journalRollCycle(JournalCycle.valueOf(journal.rollCycle().name()))
            .journalSyncOnFlush(journal.syncOnFlush());
        journal.retentionAge().ifPresent(builder::journalRetentionAge);
        journal.retentionBytes().ifPresent(builder::journalRetentionBytes);
    }

    /** The agent group for configured group settings; its rules come from rules that name it. */
    private static AgentGroup agentGroup(final GroupSettings settings) {
        final AgentGroup.Builder group = AgentGroup.builder();
        if (!settings.agents().isEmpty()) {
            group.matchAgents(settings.agents().toArray(String[]::new));
        }
        settings.match().forEach(group::matchAttribute);
        settings.policy().ifPresent(group::policy);
        settings.samplingRates().forEach(group::samplingRate);
        settings.costAlerts().ifPresent(group::costAlerts);
        return group.export(settings.export()).build();
    }

    /** The pipeline's sampling policy for configured sampling settings. */
    private static SamplingPolicy samplingPolicy(final SamplingSettings sampling) {
        if (sampling.mode() == SamplingSettings.Mode.FIXED) {
            SamplingPolicy fixed = SamplingPolicy.keepAll();
            for (final Map.Entry<EventKind, Double> rate : sampling.rates().entrySet()) {
                fixed = fixed.withRate(rate.getKey(), rate.getValue());
            }
            return fixed;
        }
        final SamplingSettings.Adaptive adaptive = sampling.adaptive();
        final SamplingPolicy.Builder policy = SamplingPolicy.adaptive().firstEvents(adaptive.firstEvents())
            .halfLife(adaptive.halfLife()).trendSensitivity(adaptive.trendSensitivity())
            .minTrendChange(adaptive.minTrendChange()).varianceBound(adaptive.varianceBound())
            .trendingWorseRate(adaptive.trendingWorseRate()).highVarianceRate(adaptive.highVarianceRate())
            .stableRate(adaptive.stableRate()).lowerIsWorse(adaptive.lowerIsWorse().toArray(String[]::new))
            .maxKeys(adaptive.maxKeys());
        adaptive.conversationRate().ifPresent(policy::conversationRate);
        return policy.build();
    }
}
