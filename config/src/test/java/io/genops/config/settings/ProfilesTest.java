package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.UnknownModelPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each profile and preset loads on its own and with each other; they mean what the guide means. */
class ProfilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyProfile_loadsWithEveryPreset_andWithNone(final Profile profile) {
        assertThat(isolated(dir).profile(profile).load().profile()).contains(profile);
        for (final Preset preset : Preset.values()) {
            final GenOpsConfiguration config = isolated(dir).profile(profile).preset(preset).load();
            assertThat(config.preset()).contains(preset);
            preset.settings().keySet().forEach(key -> assertThat(source(config, key)).as(key)
                .isEqualTo("preset " + preset.label()));
        }
    }

    @Test
    void dev_hasFullTelemetryAndStrictPolicy() {
        final GenOpsConfiguration dev = isolated(dir).environment(Map.of("GENOPS_PROFILE", "dev")).load();
        final GenOpsConfiguration defaults = GenOpsConfiguration.defaults();

        assertThat(dev.policy()).as("strict").isEqualTo(GovernancePolicy.ENFORCED);
        assertThat(dev.budgets().defaults()).extracting(BudgetLimit::toString).containsExactly("team:daily=50.00");
        assertThat(dev.alerts().costAlerts()).isTrue();
        assertThat(dev.pricing().unknownModel()).isEqualTo(UnknownModelPolicy.FAIL);
        assertThat(dev.sampling().mode()).as("every event exported").isEqualTo(SamplingSettings.Mode.FIXED);
        assertThat(dev.sampling().rates()).containsEntry(EventKind.INTERACTION, 1.0).containsEntry(EventKind.SIGNAL,
            1.0);
        assertThat(dev.exporters().batchAge()).as("seen soon").isLessThan(defaults.exporters().batchAge());
        assertThat(dev.exporters().otlp().metricInterval()).isLessThan(defaults.exporters().otlp().metricInterval());
        assertThat(dev.alerts().batchAge()).isLessThan(defaults.alerts().batchAge());
        assertThat(dev.pipeline().captureContent()).as("content is captured only where configured").isFalse();
        assertThat(source(dev, "genops.pipeline.capture-content")).isEqualTo("profile dev");
        assertThat(dev.warnings()).isEmpty();
    }

    @Test
    void staging_isLikeProd_withALittleMoreTelemetry() {
        final GenOpsConfiguration staging = isolated(dir).profile(Profile.STAGING).load();
        final GenOpsConfiguration prod = isolated(dir).profile(Profile.PROD).load();

        assertThat(staging.policy()).isEqualTo(prod.policy()).isEqualTo(GovernancePolicy.ADVISORY);
        assertThat(staging.alerts().costAlerts()).isEqualTo(prod.alerts().costAlerts()).isTrue();
        assertThat(staging.sampling().mode()).isEqualTo(prod.sampling().mode())
            .isEqualTo(SamplingSettings.Mode.ADAPTIVE);
        assertThat(staging.exporters().batchSize()).isEqualTo(prod.exporters().batchSize());
        assertThat(staging.exporters().batchAge()).isEqualTo(prod.exporters().batchAge());
        assertThat(staging.exporters().otlp().metricInterval()).isEqualTo(prod.exporters().otlp().metricInterval());
        assertThat(staging.sampling().adaptive().stableRate()).isGreaterThan(prod.sampling().adaptive().stableRate());
        assertThat(staging.sampling().adaptive().highVarianceRate())
            .isGreaterThan(prod.sampling().adaptive().highVarianceRate());
        assertThat(staging.attribution().environment()).isEqualTo("staging");
    }

    @Test
    void prod_hasMinimalOverheadWithEssentialMonitoring() {
        final GenOpsConfiguration prod = isolated(dir).profile(Profile.PROD).load();
        final GenOpsConfiguration dev = isolated(dir).profile(Profile.DEV).load();
        final GenOpsConfiguration defaults = GenOpsConfiguration.defaults();

        assertThat(prod.policy()).isEqualTo(GovernancePolicy.ADVISORY);
        assertThat(prod.alerts().costAlerts()).as("essential monitoring").isTrue();
        assertThat(prod.budgets().defaults()).extracting(BudgetLimit::toString).containsExactly("team:daily=1000.00");
        assertThat(prod.sampling().mode()).isEqualTo(SamplingSettings.Mode.ADAPTIVE);
        assertThat(prod.sampling().adaptive().trendingWorseRate()).as("worsening trends in full").isEqualTo(1.0);
        assertThat(prod.sampling().adaptive().stableRate()).isLessThanOrEqualTo(0.01);
        assertThat(prod.exporters().batchSize()).as("larger batches").isGreaterThan(defaults.exporters().batchSize());
        assertThat(prod.exporters().batchAge()).isGreaterThan(dev.exporters().batchAge())
            .isGreaterThanOrEqualTo(defaults.exporters().batchAge());
        assertThat(prod.exporters().otlp().metricInterval())
            .isGreaterThan(defaults.exporters().otlp().metricInterval());
        assertThat(prod.pricing().unknownModel()).as("never refuses a call for a price")
            .isEqualTo(UnknownModelPolicy.ZERO_AND_COUNT);
        assertThat(prod.pipeline().captureContent()).isFalse();
        assertThat(prod.attribution().environment()).isEqualTo("production");
        assertThat(prod.warnings()).isEmpty();
    }

    @Test
    void highFrequency_hasABigRingLowFixedSampling_andNoCostAlertsOrExport() {
        final GenOpsConfiguration config = isolated(dir).profile(Profile.PROD).preset(Preset.HIGH_FREQUENCY).load();

        assertThat(config.pipeline().ringSize()).isEqualTo(262_144);
        assertThat(config.sampling().mode()).isEqualTo(SamplingSettings.Mode.FIXED);
        assertThat(config.sampling().rates()).containsEntry(EventKind.INTERACTION, 0.01);
        assertThat(config.alerts().costAlerts()).isFalse();
        assertThat(config.budgets().any()).isFalse();
        assertThat(config.exporters().anyEnabled()).isFalse();
        assertThat(config.policy()).isEqualTo(GovernancePolicy.ADVISORY);
        assertThat(config.pricing().estimate()).contains(Money.usd("0.001"));
        assertThat(config.pricing().reconcileEvery()).isEqualTo(100);
        assertThat(GenOpsConfiguration.defaults().pricing().estimate()).isEmpty();
    }

    @Test
    void memoryConstrained_hasASmallRingAndTightCaps() {
        final GenOpsConfiguration config = isolated(dir).preset(Preset.MEMORY_CONSTRAINED).load();
        final GenOpsConfiguration defaults = GenOpsConfiguration.defaults();

        assertThat(config.pipeline().ringSize()).isLessThan(defaults.pipeline().ringSize());
        assertThat(config.limits().maxTrackedKeys()).isLessThan(defaults.limits().maxTrackedKeys());
        assertThat(config.limits().maxAlertStateKeys()).isLessThan(defaults.limits().maxAlertStateKeys());
        assertThat(config.sampling().adaptive().maxKeys()).isLessThan(defaults.sampling().adaptive().maxKeys());
        assertThat(config.alerts().queueCapacity()).isLessThan(defaults.alerts().queueCapacity());
        assertThat(config.limits().maxStringLength()).isLessThan(defaults.limits().maxStringLength());

        final ExportSettings.Prometheus prometheus = config.exporters().prometheus();
        final ExportSettings.Prometheus wide = defaults.exporters().prometheus();
        assertThat(prometheus.maxTeams()).isLessThan(wide.maxTeams());
        assertThat(prometheus.maxProjects()).isLessThan(wide.maxProjects());
        assertThat(prometheus.maxAgentTypes()).isLessThan(wide.maxAgentTypes());
        assertThat(prometheus.maxModels()).isLessThan(wide.maxModels());
        assertThat(prometheus.maxCostSeries()).isLessThan(wide.maxCostSeries());
        assertThat(prometheus.maxTrackedAgents()).isLessThan(wide.maxTrackedAgents());
        assertThat(config.exporters().otlp().maxMetricSeries())
            .isLessThan(defaults.exporters().otlp().maxMetricSeries());
        assertThat(config.exporters().otlp().requestSize()).isLessThan(defaults.exporters().otlp().requestSize());
    }

    @Test
    void anExplicitSetting_overridesThePreset() {
        final GenOpsConfiguration config = isolated(dir).preset(Preset.HIGH_FREQUENCY)
            .environment(Map.of("GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true")).load();

        assertThat(config.exporters().prometheus().enabled()).isTrue();
        assertThat(source(config, "genops.exporters.prometheus.enabled"))
            .isEqualTo("environment variable GENOPS_EXPORTERS_PROMETHEUS_ENABLED");
    }

    @Test
    void anUnknownProfile_isAProblemWithASuggestion() {
        assertThat(Configs.problems(isolated(dir).environment(Map.of("GENOPS_PROFILE", "production"))))
            .containsExactly("environment variable GENOPS_PROFILE: genops.profile: 'production' is not one of the "
                + "allowed values (allowed: one of dev, staging, prod)");
        assertThat(Configs.problems(isolated(dir).environment(Map.of("GENOPS_PRESET", "high_frequncy"))))
            .containsExactly("environment variable GENOPS_PRESET: genops.preset: 'high_frequncy' is not one of the "
                + "allowed values; did you mean 'high-frequency'? (allowed: one of high-frequency, "
                + "memory-constrained)");
    }
}
