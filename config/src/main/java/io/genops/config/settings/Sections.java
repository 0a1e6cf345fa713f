package io.genops.config.settings;

import io.genops.core.Attribution;
import io.genops.core.policy.GovernancePolicy;
import java.util.List;

/** The typed sections of a configuration, as assembled before they are checked against each other. */
record Sections(Profile profile, Preset preset, Attribution attribution, GovernancePolicy policy,
    BudgetSettings budgets, RateLimitSettings rateLimits, PricingSettings pricing, PipelineSettings pipeline,
    SamplingSettings sampling, List<GroupSettings> groups, AlertSettings alerts, JournalSettings journal,
    ExportSettings exporters, LimitSettings limits) {
}
