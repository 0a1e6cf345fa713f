package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.source;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.policy.GovernancePolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecedenceTest {
    private static final String RING = "genops.pipeline.ring-size";

    @TempDir
    Path dir;

    @Test
    void nothingSet_givesTheBuilderDefaults() {
        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.pipeline().ringSize()).isEqualTo(65_536);
        assertThat(config.policy()).isEqualTo(GovernancePolicy.ADVISORY);
        assertThat(config.journal().enabled()).isTrue();
        assertThat(config.pipeline().stageThreads()).isEmpty();
        assertThat(source(config, RING)).isEqualTo("default");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.values()).extracting(EffectiveValue::key).doesNotHaveDuplicates()
            .contains(RING, "genops.exporters.raindrop.write-key");
    }

    @Test
    void eachSource_overridesTheOneBelow() {
        final Path file = write(dir, "genops.yaml", "profile: dev", "pipeline:", "  ring-size: 1024",
            "  consumer-park: 50us", "  backpressure: drop", "  close-timeout: 5s");
        final Map<String, String> env = Map.of("GENOPS_PIPELINE_RING_SIZE", "2048", "GENOPS_PIPELINE_CONSUMER_PARK",
            "20us", "GENOPS_PIPELINE_BACKPRESSURE", "fail");
        final Map<String, String> properties = Map.of(RING, "4096", "genops.pipeline.consumer-park", "10us");

        final GenOpsConfiguration config = isolated(dir).environment(env).systemProperties(properties)
            .set(ConfigKeys.RING_SIZE, 8192).load();

        assertThat(config.pipeline().ringSize()).isEqualTo(8192);
        assertThat(source(config, RING)).isEqualTo("builder call");
        assertThat(config.pipeline().consumerPark()).hasNanos(10_000);
        assertThat(source(config, "genops.pipeline.consumer-park")).isEqualTo("system property "
            + "genops.pipeline.consumer-park");
        assertThat(config.pipeline().backpressure()).isEqualTo(PipelineSettings.Backpressure.FAIL);
        assertThat(source(config, "genops.pipeline.backpressure"))
            .isEqualTo("environment variable GENOPS_PIPELINE_BACKPRESSURE");
        assertThat(config.pipeline().closeTimeout()).hasSeconds(5);
        assertThat(source(config, "genops.pipeline.close-timeout")).isEqualTo(file + ":6");
        assertThat(config.policy()).isEqualTo(GovernancePolicy.ENFORCED);
        assertThat(source(config, "genops.policy")).isEqualTo("profile dev");
        assertThat(config.pipeline().stageThreads()).isEmpty();
        assertThat(source(config, "genops.pipeline.stage-threads")).isEqualTo("default");
    }

    @Test
    void presetLiesOverTheProfile_andTheFileOverBoth() {
        write(dir, "genops.yaml", "genops.pipeline.ring-size: 131072");

        final GenOpsConfiguration config = isolated(dir).environment(Map.of("GENOPS_PROFILE", "prod",
            "GENOPS_PRESET", "high-frequency")).load();

        assertThat(config.profile()).contains(Profile.PROD);
        assertThat(config.preset()).contains(Preset.HIGH_FREQUENCY);
        assertThat(config.pipeline().ringSize()).isEqualTo(131_072);
        assertThat(config.sampling().mode()).isEqualTo(SamplingSettings.Mode.FIXED);
        assertThat(source(config, "genops.sampling.mode")).isEqualTo("preset high-frequency");
        assertThat(config.attribution().environment()).isEqualTo("production");
        assertThat(source(config, "genops.attribution.environment")).isEqualTo("profile prod");
        assertThat(config.budgets().any()).isFalse();
    }

    @Test
    void aProfileNamedInTheFile_appliesBeneathIt() {
        write(dir, "genops.yaml", "genops:", "  profile: staging", "  sampling:", "    adaptive:",
            "      stable-rate: 0.2");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.sampling().mode()).isEqualTo(SamplingSettings.Mode.ADAPTIVE);
        assertThat(config.sampling().adaptive().stableRate()).isEqualTo(0.2);
        assertThat(config.sampling().adaptive().highVarianceRate()).isEqualTo(0.25);
    }

    @Test
    void theFile_isNamedByTheLoader_thenTheProperty_thenTheVariable_elseFoundInTheWorkingDirectory() {
        write(dir, "genops.yaml", "pipeline.ring-size: 2");
        final Path byVariable = write(dir, "variable.yaml", "pipeline.ring-size: 4");
        final Path byProperty = write(dir, "property.json", "{\"pipeline\": {\"ring-size\": 8}}");
        final Path byLoader = write(dir, "loader.yml", "pipeline.ring-size: 16");
        final Map<String, String> env = Map.of("GENOPS_CONFIG", byVariable.toString());
        final Map<String, String> properties = Map.of("genops.config", byProperty.toString());

        assertThat(isolated(dir).load().pipeline().ringSize()).isEqualTo(2);
        assertThat(isolated(dir).environment(env).load().pipeline().ringSize()).isEqualTo(4);
        assertThat(isolated(dir).environment(env).systemProperties(properties).load().pipeline().ringSize())
            .isEqualTo(8);
        assertThat(isolated(dir).environment(env).systemProperties(properties).file(byLoader).load().pipeline()
            .ringSize()).isEqualTo(16);
    }

    @Test
    void theFilesSource_saysWhereItWasNamedOrFound() {
        final Path file = write(dir, "genops.yaml", "policy: advisory");

        assertThat(source(isolated(dir).load(), "genops.config")).isEqualTo("working directory");
        assertThat(source(isolated(dir).environment(Map.of("GENOPS_CONFIG", file.toString())).load(),
            "genops.config")).isEqualTo("environment variable GENOPS_CONFIG");
        assertThat(source(isolated(dir).set("genops.config", file.toString(), "command line argument").load(),
            "genops.config")).isEqualTo("command line argument");
        assertThat(problems(isolated(dir).set("genops.config", "nowhere.yaml", "command line argument")))
            .singleElement().asString().startsWith("command line argument: genops.config: cannot read nowhere.yaml");
    }

    @Test
    void twoFilesInTheWorkingDirectory_areAnError() {
        write(dir, "genops.yaml", "policy: advisory");
        write(dir, "genops.json", "{}");

        assertThat(problems(isolated(dir))).singleElement().asString()
            .startsWith("working directory: genops.config: holds more than one configuration file, [")
            .endsWith("; keep one, or name one with GENOPS_CONFIG (allowed: one of [genops.yaml, genops.yml, "
                + "genops.json])");
    }

    @Test
    void theEntriesOfATemplate_comeFromAnySource() {
        write(dir, "genops.yaml", "alerts:", "  channels:", "    ops-pager:", "      type: slack",
            "  default-channels: [log, ops-pager]");
        final Map<String, String> env = Map.of("GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL",
            "https://hooks.slack.com/services/T0/B0/token");

        final GenOpsConfiguration config = isolated(dir).environment(env).load();

        final AlertChannelSettings pager = config.alerts().channels().get("ops-pager");
        assertThat(pager.type()).isEqualTo(AlertChannelSettings.Type.SLACK);
        assertThat(pager.url().reveal()).isEqualTo("https://hooks.slack.com/services/T0/B0/token");
        assertThat(source(config, "genops.alerts.channels.ops-pager.url"))
            .isEqualTo("environment variable GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL");
        assertThat(config.alerts().defaultChannels()).containsExactly("log", "ops-pager");
    }

    @Test
    void emptyVariablesAndOtherToolsProperties_areLeftAlone() {
        final Map<String, String> env = Map.of("GENOPS_PIPELINE_RING_SIZE", "", "GENOPS_HOME", "/opt/genops",
            "PATH", "/bin");
        final Map<String, String> properties = Map.of("genops.test.seed", "42", "genops.docs.update", "true",
            "genops.shared.data", "/data", "java.version", "17");

        final GenOpsConfiguration config = isolated(dir).environment(env).systemProperties(properties).load();

        assertThat(config.pipeline().ringSize()).isEqualTo(65_536);
    }

    @Test
    void aLoaderCall_canUnsetWhatTheProfileSet() {
        final GenOpsConfiguration config = isolated(dir).profile(Profile.PROD).set("genops.attribution.environment",
            null).set(ConfigKeys.BUDGET_DEFAULTS, java.util.List.of()).load();

        assertThat(config.attribution().environment()).isNull();
        assertThat(config.budgets().defaults()).isEmpty();
    }
}
