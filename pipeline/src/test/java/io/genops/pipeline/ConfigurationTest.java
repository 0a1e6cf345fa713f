package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.settings.BudgetLimit;
import io.genops.config.settings.ConfigKeys;
import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.settings.JournalSettings;
import io.genops.config.settings.PipelineSettings;
import io.genops.config.settings.Preset;
import io.genops.config.settings.Profile;
import io.genops.config.settings.RateLimit;
import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.event.Interaction;
import io.genops.core.event.Severity;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.internal.BudgetBook;
import io.genops.pipeline.internal.Settings;
import io.genops.pipeline.journal.JournalCycle;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GenOpsBuilder#configuration}: every profile and preset runs a pipeline, and every key reaches its setter. */
class ConfigurationTest {
    private static final Interaction INTERACTION = Interaction.builder().model("gpt-4o").inputTokens(1000)
        .outputTokens(500).build();

    @TempDir
    Path dir;

    static Stream<Arguments> profilesAndPresets() {
        final List<Arguments> combinations = new ArrayList<>();
        for (final Profile profile : Profile.values()) {
            combinations.add(Arguments.of(profile, null));
            for (final Preset preset : Preset.values()) {
                combinations.add(Arguments.of(profile, preset));
            }
        }
        for (final Preset preset : Preset.values()) {
            combinations.add(Arguments.of(null, preset));
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "profile {0}, preset {1}")
    @MethodSource("profilesAndPresets")
    void everyProfileAndPreset_loadsAndRunsAPipeline(final Profile profile, final Preset preset) {
        ConfigLoader loader = isolated().set(ConfigKeys.JOURNAL_DIRECTORY, dir.resolve("journal"));
        if (profile != null) {
            loader = loader.profile(profile);
        }
        if (preset != null) {
            loader = loader.preset(preset);
        }
        final GenOpsConfiguration config = loader.load();

        try (GenOps genops = GenOps.builder().configuration(config).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(genops.metrics().processed()).isEqualTo(1);
            assertThat(genops.attribution().environment())
                .isEqualTo(profile == null ? null : profile.settings().get("genops.attribution.environment"));
        }
    }

    @Test
    void everyKey_reachesItsSetter() throws Exception {
        final GenOpsConfiguration config = isolated().environment(Map.of("GENOPS_ALERTS_CHANNELS_PAGER_URL",
            "https://hooks.example.com/T0/secret")).file(write("genops.yaml", EVERY_KEY)).load();

        final GenOpsBuilder builder = GenOps.builder().configuration(config);

        assertThat(((Attribution.Builder)field(builder, "attribution")).build()).isEqualTo(Attribution.builder()
            .team("support").project("helpdesk").environment("test").customerId("acme").costCenter("cc-1")
            .feature("chat").build());
        assertThat(field(builder, "policy")).isEqualTo(GovernancePolicy.ENFORCED);
        assertThat(field(builder, "costAlerts")).isEqualTo(false);
        assertThat(new ArrayList<Object>(((Map<?, ?>)field(builder, "budgetLimits")).values())).containsExactly(
            new BudgetBook.BudgetLimit(BudgetScope.TEAM, "support", BudgetWindow.DAILY, 50_000_000_000L),
            new BudgetBook.BudgetLimit(BudgetScope.TEAM_PROJECT, "support/helpdesk", BudgetWindow.MONTHLY,
                900_000_000_000L),
            new BudgetBook.BudgetLimit(BudgetScope.CUSTOMER, null, BudgetWindow.WEEKLY, 10_000_000_000L));
        assertThat(field(builder, "budgetZone")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat((int[])field(builder, "budgetThresholdPercents")).containsExactly(25, 90);
        assertThat(field(builder, "budgetWarningPercent")).isEqualTo(70);
        assertThat(field(builder, "rateLimits")).isEqualTo(Map.of(RateLimitScope.AGENT, Map.of("triage-bot", 50L),
            RateLimitScope.TEAM, Map.of("*", 500L)));
        assertThat(field(builder, "unknownModelPolicy")).isEqualTo(UnknownModelPolicy.FAIL);
        assertThat(field(builder, "priceCacheCapacity")).isEqualTo(64);
        assertThat(field(builder, "costEstimates")).isEqualTo(new Settings.CostEstimates(2_000_000L, 50));
        assertThat(field(builder, "modelPrices")).isSameAs(config.pricing().modelPrices());
        assertThat(field(builder, "platformPrices")).isSameAs(config.pricing().platformPrices());
        assertThat(field(builder, "currencies")).isSameAs(config.pricing().currencies());
        assertThat(field(builder, "ringSize")).isEqualTo(1024);
        assertThat(field(builder, "backpressure")).isEqualTo(BackpressurePolicy.DROP);
        assertThat(field(builder, "consumerWait")).isEqualTo(ConsumerWait.YIELDING);
        assertThat(field(builder, "consumerParkNanos")).isEqualTo(50_000L);
        assertThat(field(builder, "stageThreads")).isEqualTo(3);
        assertThat(field(builder, "captureContent")).isEqualTo(true);
        assertThat(field(builder, "redactionRules")).isEqualTo(EnumSet.of(RedactionRule.EMAILS,
            RedactionRule.LONG_NUMBERS));
        assertThat(field(builder, "conversationFlowInterval")).isEqualTo(7);
        assertThat(field(builder, "closeTimeout")).isEqualTo(Duration.ofSeconds(3));
        assertThat(field(builder, "defaultAlertChannels")).isEqualTo(List.of("log", "pager"));
        assertThat(field(builder, "alertQueueCapacity")).isEqualTo(99);
        assertThat(field(builder, "alertBatchSize")).isEqualTo(3);
        assertThat(field(builder, "alertBatchAge")).isEqualTo(Duration.ofMillis(250));
        assertThat(field(builder, "journalDirectory")).isEqualTo(dir.resolve("journal"));
        assertThat(field(builder, "journalCycle")).isEqualTo(JournalCycle.FAST_HOURLY);
        assertThat(field(builder, "journalSyncOnFlush")).isEqualTo(true);
        assertThat(field(builder, "journalRetentionAge")).isEqualTo(Duration.ofDays(400));
        assertThat(field(builder, "journalRetentionBytes")).isEqualTo(10L << 30);
        assertThat(field(builder, "exportBatchSize")).isEqualTo(100);
        assertThat(field(builder, "exportBatchAge")).isEqualTo(Duration.ofSeconds(2));
        assertThat(field(builder, "exportMaxAttempts")).isEqualTo(5);
        assertThat(field(builder, "exportInitialBackoff")).isEqualTo(Duration.ofMillis(200));
        assertThat(field(builder, "exportMaxBackoff")).isEqualTo(Duration.ofMinutes(1));
        assertThat(field(builder, "maxStringLength")).isEqualTo(128);
        assertThat(field(builder, "maxTrackedKeys")).isEqualTo(500);
        assertThat(field(builder, "maxAlertRules")).isEqualTo(10);
        assertThat(field(builder, "maxAlertStateKeys")).isEqualTo(600);
        assertSamplingAndRules(builder);
        assertGroups(builder);

        try (GenOps genops = builder.alertChannel(new CapturingChannel("pager")).build()) {
            assertThat(genops.attribution().team()).isEqualTo("support");
            assertThat(genops.budgetStatuses()).hasSize(2);
        }
    }

    private static void assertSamplingAndRules(final GenOpsBuilder builder) throws Exception {
        final SamplingPolicy sampling = (SamplingPolicy)field(builder, "sampling");
        assertThat(sampling.isAdaptive()).isTrue();
        assertThat(sampling.firstEvents()).isEqualTo(5);
        assertThat(sampling.halfLife()).isEqualTo(16);
        assertThat(sampling.trendSensitivity()).isEqualTo(3.0);
        assertThat(sampling.minTrendChange()).isEqualTo(0.02);
        assertThat(sampling.varianceBound()).isEqualTo(0.7);
        assertThat(sampling.trendingWorseRate()).isEqualTo(0.9);
        assertThat(sampling.highVarianceRate()).isEqualTo(0.2);
        assertThat(sampling.stableRate()).isEqualTo(0.05);
        assertThat(sampling.lowerIsWorse()).containsExactly("quality");
        assertThat(sampling.conversationRate()).isEqualTo(0.5);
        assertThat(sampling.maxKeys()).isEqualTo(2000);

        final AlertRule rule = (AlertRule)((Map<?, ?>)field(builder, "alertRules")).get("hourly-spend");
        assertThat(rule.conditions()).hasToString("[cost_usd_per_hour > 20.0, error_rate >= 0.05]");
        assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rule.channels()).containsExactly("pager");
        assertThat(rule.scope()).isEqualTo(AlertScope.TEAM);
        assertThat(rule.windowNanos()).isEqualTo(Duration.ofMinutes(15).toNanos());
        assertThat(rule.cooldownNanos()).isEqualTo(Duration.ofMinutes(30).toNanos());
        assertThat(rule.minSamples()).isEqualTo(20);
    }

    private static void assertGroups(final GenOpsBuilder builder) throws Exception {
        @SuppressWarnings("unchecked")
        final Map<String, AgentGroup> groups = (Map<String, AgentGroup>)field(builder, "agentGroups");
        assertThat(groups.keySet()).containsExactly("critical", "quiet");
        final AgentGroup critical = groups.get("critical");
        assertThat(critical.agentPatterns()).hasToString("[critical-*]");
        assertThat(critical.attributes()).isEqualTo(Map.of(GroupAttribute.TEAM, "support"));
        assertThat(critical.policy()).contains(GovernancePolicy.ADVISORY);
        assertThat(critical.costAlerts()).contains(false);
        assertThat(critical.export()).isTrue();
        assertThat(critical.samplingRate(EventKind.INTERACTION)).isNaN();
        final AgentGroup quiet = groups.get("quiet");
        assertThat(quiet.agentPatterns()).isEmpty();
        assertThat(quiet.policy()).isEmpty();
        assertThat(quiet.costAlerts()).as("follows the pipeline's switch").isEmpty();
        assertThat(quiet.samplingRate(EventKind.INTERACTION)).isZero();
        assertThat(quiet.samplingRate(EventKind.SIGNAL)).isEqualTo(0.5);
        assertThat(quiet.export()).isFalse();
        assertThat(((AlertRule)((Map<?, ?>)field(builder, "alertRules")).get("critical-slow")).group())
            .isEqualTo("critical");
    }

    @Test
    void groupsFromAFile_governARunningPipeline() throws Exception {
        final GenOpsConfiguration config = isolated().file(write("genops.yaml", String.join("\n",
            "attribution.team: support",
            "policy: advisory",
            "budgets.limits: [\"team:support:daily=0.006\"]",
            "groups:",
            "  order: [critical, quiet]",
            "  critical: {agents: [\"critical-*\"], policy: enforced}",
            "  quiet: {agents: [\"faq-*\"], sampling: {interaction: 0}}",
            "journal.enabled: false",
            ""))).load();
        final Interaction interaction = Interaction.builder().model("gpt-4o-mini").inputTokens(1000)
            .outputTokens(500).cost(io.genops.core.money.Money.usd("0.003")).build();

        try (GenOps genops = GenOps.builder().configuration(config).build();
             MonitoringSession session = genops.openSession("s")) {
            assertThat(session.trackInteraction("faq-1", interaction)).isTrue();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(session.trackInteraction("faq-2", interaction)).as("quiet follows the advisory pipeline")
                .isTrue();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            assertThatThrownBy(() -> session.trackInteraction("critical-1", interaction))
                .isInstanceOf(BudgetExceededException.class);
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            final Map<String, GroupMetrics> groups = genops.metrics().groups();
            assertThat(groups.keySet()).containsExactly("critical", "quiet", "default");
            assertThat(groups.get("quiet").events()).isEqualTo(2);
            assertThat(groups.get("quiet").exported()).as("the second, over budget, is kept as a warning")
                .isEqualTo(1);
            assertThat(groups.get("critical").refused()).isEqualTo(1);
        }
    }

    @Test
    void aSecondConfiguration_replacesTheGroupsOfTheFirst_andAGroupDeclaredAfterwardsReplacesAConfiguredOne()
        throws Exception {
        final GenOpsConfiguration first = isolated().file(write("first.yaml", String.join("\n",
            "groups:", "  order: [critical, quiet]", "  critical: {agents: [\"critical-*\"]}",
            "  quiet: {agents: [\"faq-*\"]}", "journal.enabled: false", ""))).load();
        final GenOpsConfiguration second = isolated().file(write("second.yaml", String.join("\n",
            "groups:", "  critical: {agents: [\"vip-*\"]}", "journal.enabled: false", ""))).load();
        final AgentGroup byHand = AgentGroup.builder().matchAgents("critical-*", "vip-*").build();

        final GenOpsBuilder builder = GenOps.builder().configuration(first).configuration(second)
            .agentGroup("critical", byHand);

        @SuppressWarnings("unchecked")
        final Map<String, AgentGroup> groups = (Map<String, AgentGroup>)field(builder, "agentGroups");
        assertThat(groups.keySet()).as("the first file's quiet group is gone").containsExactly("critical");
        assertThat(groups.get("critical")).as("declared by hand afterwards, it wins").isSameAs(byHand);
        assertThatThrownBy(() -> builder.agentGroup("critical", byHand))
            .hasMessage("an agent group named 'critical' was already declared");
    }

    @Test
    void fixedRates_andNoJournal_reachTheirSetters() throws Exception {
        final GenOpsConfiguration config = isolated().set(ConfigKeys.INTERACTION_RATE, 0.25)
            .set(ConfigKeys.SIGNAL_RATE, 0.5).set(ConfigKeys.JOURNAL_ENABLED, false).load();

        final GenOpsBuilder builder = GenOps.builder().configuration(config);

        final SamplingPolicy sampling = (SamplingPolicy)field(builder, "sampling");
        assertThat(sampling.isAdaptive()).isFalse();
        assertThat(sampling.rate(EventKind.INTERACTION)).isEqualTo(0.25);
        assertThat(sampling.rate(EventKind.SIGNAL)).isEqualTo(0.5);
        assertThat(sampling.rate(EventKind.ALERT)).isEqualTo(1.0);
        assertThat(field(builder, "journalDirectory")).isNull();
    }

    @Test
    void theDefaults_areTheBuildersOwn() throws Exception {
        final GenOpsBuilder plain = GenOps.builder();
        final GenOpsBuilder configured = GenOps.builder().configuration(GenOpsConfiguration.defaults());

        for (final String name : List.of("policy", "costAlerts", "budgetLimits", "rateLimits", "budgetZone",
            "budgetWarningPercent", "ringSize", "backpressure", "consumerWait", "consumerParkNanos", "stageThreads",
            "unknownModelPolicy", "currencies", "maxStringLength", "captureContent", "redactionRules",
            "customRedactor", "priceCacheCapacity",
            "maxTrackedKeys", "maxAlertRules", "alertRules", "maxAlertStateKeys", "exportBatchSize", "exportBatchAge",
            "exportMaxAttempts", "exportInitialBackoff", "exportMaxBackoff", "defaultAlertChannels",
            "alertQueueCapacity", "alertBatchSize", "alertBatchAge", "closeTimeout", "conversationFlowInterval",
            "journalDirectory", "journalCycle", "journalSyncOnFlush", "journalRetentionAge", "journalRetentionBytes")) {
            assertThat(field(configured, name)).as(name).isEqualTo(field(plain, name));
        }
        assertThat((int[])field(configured, "budgetThresholdPercents"))
            .containsExactly((int[])field(plain, "budgetThresholdPercents"));
        assertThat(((Attribution.Builder)field(configured, "attribution")).build()).isEqualTo(Attribution.EMPTY);
        final SamplingPolicy sampling = (SamplingPolicy)field(configured, "sampling");
        assertThat(sampling.isAdaptive()).isFalse();
        assertThat(Arrays.stream(EventKind.values()).mapToDouble(sampling::rate)).containsOnly(1.0);
    }

    @Test
    void theConfigurationsEnums_mirrorThePipelines() {
        assertThat(names(PipelineSettings.Backpressure.values())).isEqualTo(names(BackpressurePolicy.values()));
        assertThat(names(PipelineSettings.ConsumerWait.values())).isEqualTo(names(ConsumerWait.values()));
        assertThat(names(PipelineSettings.Redaction.values())).isEqualTo(names(RedactionRule.values()));
        assertThat(names(BudgetLimit.Scope.values())).isEqualTo(names(BudgetScope.values()));
        assertThat(names(BudgetLimit.Window.values())).isEqualTo(names(BudgetWindow.values()));
        assertThat(names(RateLimit.Scope.values())).isEqualTo(names(RateLimitScope.values()));
        assertThat(names(JournalSettings.RollCycle.values())).isEqualTo(names(JournalCycle.values()));
        assertThat(AlertChannelSettings.Type.values()).isNotEmpty();
    }

    private ConfigLoader isolated() {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of()).workingDirectory(dir);
    }

    private Path write(final String name, final String text) throws Exception {
        final Path file = dir.resolve(name);
        Files.writeString(file, text.replace("@JOURNAL@", dir.resolve("journal").toString()));
        return file;
    }

    private static Object field(final GenOpsBuilder builder, final String name) throws Exception {
        final Field field = GenOpsBuilder.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(builder);
    }

    private static List<String> names(final Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static final String EVERY_KEY = String.join("\n",
        "attribution: {team: support, project: helpdesk, environment: test, customer-id: acme, cost-center: cc-1,",
        "  feature: chat}",
        "policy: enforced",
        "budgets:",
        "  limits: [\"team:support:daily=50\", \"team-project:support/helpdesk:monthly=900\"]",
        "  defaults: [\"customer:weekly=10\"]",
        "  zone: Europe/Berlin",
        "  thresholds: [90, 25]",
        "  warning-percent: 70",
        "rate-limits: {limits: [\"agent:triage-bot=50\"], defaults: [\"team=500\"]}",
        "pricing: {unknown-model: fail, cache-capacity: 64, estimate: \"0.002\", reconcile-every: 50,",
        "          currencies: {EUR: \"0.9\"}}",
        "pipeline: {ring-size: 1024, backpressure: drop, consumer-wait: yielding, consumer-park: 50us,",
        "  stage-threads: 3, capture-content: true, redact: [long-numbers, emails], conversation-flow-interval: 7,",
        "  close-timeout: 3s}",
        "sampling:",
        "  mode: adaptive",
        "  adaptive: {first-events: 5, half-life: 16, trend-sensitivity: 3, min-trend-change: 0.02,",
        "    variance-bound: 0.7, trending-worse-rate: 0.9, high-variance-rate: 0.2, stable-rate: 0.05,",
        "    lower-is-worse: [quality], conversation-rate: 0.5, max-keys: 2000}",
        "alerts:",
        "  cost-alerts: false",
        "  default-channels: [log, pager]",
        "  queue-capacity: 99",
        "  batch-size: 3",
        "  batch-age: 250ms",
        "  channels: {pager: {type: slack}}",
        "  rules:",
        "    hourly-spend:",
        "      conditions: [\"cost_usd_per_hour > 20\", \"error_rate >= 0.05\"]",
        "      severity: critical",
        "      channels: [pager]",
        "      scope: team",
        "      window: 15m",
        "      cooldown: 30m",
        "      min-samples: 20",
        "    critical-slow: {conditions: [\"latency_ms > 2000\"], group: critical}",
        "groups:",
        "  order: [critical, quiet]",
        "  critical: {agents: [\"critical-*\"], match: {team: support}, policy: advisory, cost-alerts: false}",
        "  quiet: {match: {feature: faq}, sampling: {interaction: 0, signal: 0.5}, export: false}",
        "journal: {directory: \"@JOURNAL@\", roll-cycle: fast-hourly, sync-on-flush: true, retention-age: 400d,",
        "  retention-bytes: 10GiB}",
        "exporters: {batch-size: 100, batch-age: 2s, max-attempts: 5, backoff-initial: 200ms, backoff-max: 1m}",
        "limits: {max-string-length: 128, max-tracked-keys: 500, max-alert-rules: 10, max-alert-state-keys: 600}",
        "");
}
