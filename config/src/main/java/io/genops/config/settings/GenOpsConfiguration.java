package io.genops.config.settings;

import io.genops.core.Attribution;
import io.genops.core.policy.GovernancePolicy;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration of a GenOps pipeline: typed, immutable and checked. Load one with
 * {@link #loader()}, from a file, the environment and system properties over a profile, and hand it to
 * {@code GenOps.builder().configuration(...)}. Every key is in {@link ConfigKeys} and in
 * {@code docs/configuration.md}.
 *
 * <p>{@link #toString()} and {@link #values()} mask every secret; nothing here ever shows one.
 */
public final class GenOpsConfiguration {
    private final Profile profile;
    private final Preset preset;
    private final Attribution attribution;
    private final GovernancePolicy policy;
    private final BudgetSettings budgets;
    private final RateLimitSettings rateLimits;
    private final PricingSettings pricing;
    private final PipelineSettings pipeline;
    private final SamplingSettings sampling;
    private final List<GroupSettings> groups;
    private final AlertSettings alerts;
    private final JournalSettings journal;
    private final ExportSettings exporters;
    private final LimitSettings limits;
    private final List<EffectiveValue> values;
    private final List<String> warnings;

    private GenOpsConfiguration(final Sections sections, final List<EffectiveValue> values,
        final List<String> warnings) {
        this.profile = sections.profile();
        this.preset = sections.preset();
        this.attribution = sections.attribution();
        this.policy = sections.policy();
        this.budgets = sections.budgets();
        this.rateLimits = sections.rateLimits();
        this.pricing = sections.pricing();
        this.pipeline = sections.pipeline();
        this.sampling = sections.sampling();
        this.groups = sections.groups();
        this.alerts = sections.alerts();
        this.journal = sections.journal();
        this.exporters = sections.exporters();
        this.limits = sections.limits();
        this.values = values;
        this.warnings = List.copyOf(warnings);
    }

    /** Starts loading a configuration; see {@link ConfigLoader} for the sources and their precedence. */
    public static ConfigLoader loader() {
        return new ConfigLoader();
    }

    /** Every key at its default: what the pipeline builder does with no configuration at all. */
    public static GenOpsConfiguration defaults() {
        return assemble(Values.empty(), new Problems());
    }

    /** Builds the sections and checks them against each other; problems and warnings go to {@code problems}. */
    static GenOpsConfiguration assemble(final Values values, final Problems problems) {
        final Sections sections = new Assembly(values, problems).sections();
        CrossChecks.check(sections, values, problems);
        return new GenOpsConfiguration(sections, values.effective(), problems.warnings());
    }

    /** The deployment profile, if one was chosen. */
    public Optional<Profile> profile() {
        return Optional.ofNullable(profile);
    }

    /** The workload preset, if one was chosen. */
    public Optional<Preset> preset() {
        return Optional.ofNullable(preset);
    }

    /** Client-wide attribution defaults; unset fields are {@code null}. */
    public Attribution attribution() {
        return attribution;
    }

    public GovernancePolicy policy() {
        return policy;
    }

    public BudgetSettings budgets() {
        return budgets;
    }

    public RateLimitSettings rateLimits() {
        return rateLimits;
    }

    public PricingSettings pricing() {
        return pricing;
    }

    public PipelineSettings pipeline() {
        return pipeline;
    }

    public SamplingSettings sampling() {
        return sampling;
    }

    /** Agent groups in the order they are tried, the first match winning; empty when none is configured. */
    public List<GroupSettings> groups() {
        return groups;
    }

    public AlertSettings alerts() {
        return alerts;
    }

    public JournalSettings journal() {
        return journal;
    }

    public ExportSettings exporters() {
        return exporters;
    }

    public LimitSettings limits() {
        return limits;
    }

    /** Every key, entries of templates included, with its value as shown (secrets masked) and its source. */
    public List<EffectiveValue> values() {
        return values;
    }

    /** Settings that are allowed but probably not meant, such as an enforced policy without a budget. */
    public List<String> warnings() {
        return warnings;
    }

    /** The effective configuration, one key a line with its source, secrets masked. */
    public String describe() {
        final int width = values.stream().mapToInt(value -> value.key().length()).max().orElse(0);
        final StringBuilder text = new StringBuilder();
        for (final EffectiveValue value : values) {
            text.append(value.key()).append(" ".repeat(width - value.key().length())).append(" = ")
                .append(value.value()).append("   # ").append(value.source()).append(System.lineSeparator());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "GenOpsConfiguration[profile=" + profile().map(Profile::label).orElse("none") + ", preset="
            + preset().map(Preset::label).orElse("none") + ", attribution=" + attribution + ", policy=" + policy
            + ", budgets=" + budgets + ", rateLimits=" + rateLimits + ", pricing=" + pricing + ", pipeline=" + pipeline
            + ", sampling=" + sampling + ", groups=" + groups + ", alerts=" + alerts + ", journal=" + journal
            + ", exporters=" + exporters + ", limits=" + limits + ']';
    }
}
