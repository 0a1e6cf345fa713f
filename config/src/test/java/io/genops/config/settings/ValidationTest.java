package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.genops.core.money.Money;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of problem, with the key, the source and what is allowed; and all of them at once. */
class ValidationTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyInTheFile_getsASuggestionAndTheKeysBesideIt() {
        final Path file = write(dir, "genops.yaml", "pipeline:", "  ring-size: 1024", "  rign-size: 3");

        assertThat(problems(isolated(dir))).containsExactly(file + ":3: genops.pipeline.rign-size: is not a "
            + "configuration key; did you mean genops.pipeline.ring-size? (allowed: ring-size, backpressure, "
            + "consumer-wait, consumer-park, stage-threads, capture-content, redact, conversation-flow-interval, "
            + "close-timeout)");
    }

    @Test
    void anUnknownVariableOrProperty_getsASuggestion() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_PIPELIN_RING_SIZE", "4"))
            .systemProperties(Map.of("genops.sampling.mod", "fixed"));

        assertThat(problems(loader)).containsExactly(
            "environment variable GENOPS_PIPELIN_RING_SIZE: is not a configuration key; did you mean "
                + "GENOPS_PIPELINE_RING_SIZE? (allowed: the keys in docs/configuration.md)",
            "system property genops.sampling.mod: is not a configuration key; did you mean genops.sampling.mode? "
                + "(allowed: the keys in docs/configuration.md)");
    }

    @Test
    void aMistypedVariableOrKeyOfAnEntry_isSuggestedWithItsEntry() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_GROUP_CRITICAL_AGENTS", "critical-*",
            "GENOPS_ALERTS_CHANNELS_OPS_PAGER_URLL", "https://hooks.example.com/x",
            "GENOPS_ALERTS_RULE_SPEND_SEVERITY", "critical"))
            .systemProperties(Map.of("genops.group.critical.sampling.interaction", "0.5"));

        assertThat(problems(loader)).containsExactly(
            "environment variable GENOPS_ALERTS_CHANNELS_OPS_PAGER_URLL: is not a configuration key; did you mean "
                + "GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL? (allowed: the keys in docs/configuration.md)",
            "environment variable GENOPS_ALERTS_RULE_SPEND_SEVERITY: is not a configuration key; did you mean "
                + "GENOPS_ALERTS_RULES_SPEND_SEVERITY? (allowed: the keys in docs/configuration.md)",
            "environment variable GENOPS_GROUP_CRITICAL_AGENTS: is not a configuration key; did you mean "
                + "GENOPS_GROUPS_CRITICAL_AGENTS? (allowed: the keys in docs/configuration.md)",
            "system property genops.group.critical.sampling.interaction: is not a configuration key; did you mean "
                + "genops.groups.critical.sampling.interaction? (allowed: the keys in docs/configuration.md)");
    }

    @Test
    void anUnknownFieldOfAnEntry_isSuggestedForThatEntry() {
        final Path file = write(dir, "genops.yaml", "alerts.rules.spend:", "  conditions: [\"cost_usd > 1\"]",
            "  severty: critical");

        assertThat(problems(isolated(dir))).containsExactly(file + ":3: genops.alerts.rules.spend.severty: is not "
            + "a configuration key; did you mean genops.alerts.rules.spend.severity? (allowed: conditions, severity, "
            + "channels, scope, window, cooldown, min-samples, group)");
    }

    @Test
    void wrongTypes_nameTheKeyTheSourceAndWhatIsAllowed() {
        final Path file = write(dir, "genops.yaml", "pipeline:", "  ring-size: lots", "  capture-content: yes",
            "  backpressure: [block, drop]", "budgets.zone: Mars/Olympus");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":2: genops.pipeline.ring-size: 'lots' is not a whole number (allowed: a power of two from 2 to "
                + "1073741824)",
            file + ":3: genops.pipeline.capture-content: 'yes' is not true or false (allowed: true or false)",
            file + ":4: genops.pipeline.backpressure: expected one value, found a list (allowed: one of block, drop, "
                + "fail)",
            file + ":5: genops.budgets.zone: 'Mars/Olympus' is not a time-zone id such as UTC or Europe/Berlin "
                + "(allowed: a time-zone id such as UTC or Europe/Berlin)");
    }

    @Test
    void outOfRangeValues_sayWhyAndWhatIsAllowed() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_PIPELINE_RING_SIZE", "1000",
            "GENOPS_PIPELINE_CONSUMER_PARK", "1s", "GENOPS_SAMPLING_RATES_SIGNAL", "1.5",
            "GENOPS_POLICY", "enforce"));

        assertThat(problems(loader)).containsExactly(
            "environment variable GENOPS_PIPELINE_CONSUMER_PARK: genops.pipeline.consumer-park: '1s' lies outside "
                + "(0s, 100ms] (allowed: a duration in (0s, 100ms] such as 250ms, 10s, 5m, 1h, 2d or PT10S)",
            "environment variable GENOPS_PIPELINE_RING_SIZE: genops.pipeline.ring-size: '1000' is not a power of "
                + "two (allowed: a power of two from 2 to 1073741824)",
            "environment variable GENOPS_POLICY: genops.policy: 'enforce' is not one of the allowed values; did you "
                + "mean 'enforced'? (allowed: one of advisory, enforced)",
            "environment variable GENOPS_SAMPLING_RATES_SIGNAL: genops.sampling.rates.signal: '1.5' lies outside "
                + "[0, 1] (allowed: a number in [0, 1])");
    }

    @Test
    void aCostEstimate_isAPositiveUsdAmount() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_PRICING_ESTIMATE", "0",
            "GENOPS_PRICING_RECONCILE_EVERY", "0"));

        assertThat(problems(loader)).containsExactly(
            "environment variable GENOPS_PRICING_ESTIMATE: genops.pricing.estimate: '0' has an amount that is not "
                + "positive (allowed: a positive USD amount with at most nine decimals, such as 0.001)",
            "environment variable GENOPS_PRICING_RECONCILE_EVERY: genops.pricing.reconcile-every: '0' lies outside "
                + "1 to 1000000 (allowed: a whole number from 1 to 1000000)");
    }

    @Test
    void everyBadItemOfAList_isNamed() {
        final Path file = write(dir, "genops.yaml", "budgets:", "  limits:", "    - teem:support:daily=5",
            "    - team:support:daily=-1", "    - team-project:support:daily=3", "    - team:ok:daily=1");

        assertThat(problems(isolated(dir))).singleElement().asString().isEqualTo(file + ":2: "
            + "genops.budgets.limits: item 1: 'teem:support:daily=5' has the scope 'teem', which is not one of the "
            + "allowed values; did you mean 'team'? (team, project, customer, team-project); item 2: "
            + "'team:support:daily=-1' has an amount that is not positive; item 3: 'team-project:support:daily=3' "
            + "has a team-project key that does not read team/project (allowed: up to 10000 of scope:key:window=USD, "
            + "scope one of team, project, customer, team-project, window one of daily, weekly, monthly, such as "
            + "team:support:daily=50.00)");
    }

    @Test
    void contradictions_nameBothKeysAndBothSources() {
        final Path file = write(dir, "genops.yaml", "journal.enabled: false", "exporters:",
            "  prometheus.enabled: true", "  backoff-initial: 1m", "  backoff-max: 10s", "sampling:",
            "  mode: adaptive", "  rates.interaction: 0.5");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":3: genops.exporters.prometheus.enabled: is true, but genops.journal.enabled is false ("
                + file + ":1): exporters read the journal (allowed: false while the journal is off)",
            file + ":4: genops.exporters.backoff-initial: 1m is longer than the longest pause, "
                + "genops.exporters.backoff-max is 10s (" + file + ":5) (allowed: a pause no longer than "
                + "genops.exporters.backoff-max)",
            file + ":8: genops.sampling.rates.interaction: is a fixed rate, but genops.sampling.mode is adaptive ("
                + file + ":7): adaptive sampling has rates of its own under genops.sampling.adaptive (allowed: 1 "
                + "while sampling is adaptive, or genops.sampling.mode=fixed)");
    }

    @Test
    void costAlertsOff_allowsBudgets_andWarnsOfACostRuleThatCanNeverFire() {
        final GenOpsConfiguration config = isolated(dir).preset(Preset.HIGH_FREQUENCY)
            .set(ConfigKeys.BUDGET_LIMITS, List.of(new BudgetLimit(BudgetLimit.Scope.TEAM, "support",
                BudgetLimit.Window.DAILY, Money.usd("5"))))
            .set("genops.alerts.rules.spend.conditions", "cost_usd_per_hour > 20").load();

        assertThat(config.alerts().costAlerts()).isFalse();
        assertThat(config.budgets().limits()).extracting(BudgetLimit::toString).containsExactly("team:support:"
            + "daily=5.00");
        assertThat(config.warnings()).containsExactly("genops.alerts.rules.spend.conditions reads a cost metric "
            + "(builder call) but can never fire: genops.alerts.cost-alerts is false (preset high-frequency), and "
            + "no group turns cost alerts on");
    }

    @Test
    void aGroupsCostAlerts_followTheGlobalSwitch_unlessSet() {
        final Path file = write(dir, "genops.yaml", "alerts:", "  cost-alerts: false", "  rules:", "    vip-spend:",
            "      conditions: [\"cost_usd > 1\"]", "      group: vip", "    quiet-spend:",
            "      conditions: [\"cost_usd > 1\"]", "      group: quiet", "groups:", "  order: [vip, quiet]",
            "  vip: {agents: [\"vip-*\"], cost-alerts: true}", "  quiet: {agents: [\"quiet-*\"]}");

        final GenOpsConfiguration config = isolated(dir).file(file).load();

        assertThat(config.groups()).extracting(GroupSettings::name, GroupSettings::costAlerts).containsExactly(
            tuple("vip", Optional.of(true)),
            tuple("quiet", Optional.empty()));
        assertThat(config.warnings()).containsExactly("genops.alerts.rules.quiet-spend.conditions reads a cost "
            + "metric (" + file + ":8) but can never fire: genops.alerts.cost-alerts is false (" + file + ":2), and "
            + "it reads group quiet only");
    }

    @Test
    void channelsAndRules_mustFitTogether() {
        final Path file = write(dir, "genops.yaml", "alerts:", "  default-channels: [log, pager]", "  rules:",
            "    rejections:", "      conditions: [\"rejection_rate > 0.1\"]", "      scope: team",
            "      channels: [slack]", "    latency:", "      severity: critical", "limits.max-alert-rules: 1");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":9: genops.alerts.rules.latency.conditions: is missing; every entry under genops.alerts.rules "
                + "needs it (allowed: 1 to 20 of 'metric comparator threshold', such as 'cost_usd_per_hour > 20')",
            file + ":2: genops.alerts.default-channels: names 'pager', which is no channel (allowed: log or a "
                + "channel configured under genops.alerts.channels: log)",
            file + ":6: genops.alerts.rules.rejections.scope: rejection_rate is counted on the callers' threads "
                + "before an event has a scope key, so it needs the global scope, not team (allowed: one of global, "
                + "team, project, customer, agent)",
            file + ":7: genops.alerts.rules.rejections.channels: names 'slack', which is no channel (allowed: log "
                + "or a channel configured under genops.alerts.channels: log)");
    }

    @Test
    void theRaindropExporter_needsAWriteKey() {
        assertThat(problems(isolated(dir).set(ConfigKeys.RAINDROP_ENABLED, true))).containsExactly(
            "builder call: genops.exporters.raindrop.write-key: is missing, but genops.exporters.raindrop.enabled is "
                + "true (allowed: a write key in the environment variable RAINDROP_WRITE_KEY or in the file)");
        assertThat(isolated(dir).set(ConfigKeys.RAINDROP_ENABLED, true).environment(Map.of("RAINDROP_WRITE_KEY",
            "rk_live_1")).load().exporters().raindrop().writeKey()).isPresent();
    }

    @Test
    void anEndpoint_namesAServerOnly_andAGrpcOneHasNoPath() {
        final List<String> found = problems(isolated(dir).environment(Map.of(
            "GENOPS_EXPORTERS_OTLP_ENABLED", "true",
            "GENOPS_EXPORTERS_OTLP_ENDPOINT", "https://user:s3cret@collector.internal:4318",
            "GENOPS_EXPORTERS_RAINDROP_URL", "https://api.raindrop.ai/v1?token=abc")));
        assertThat(found).containsExactly(
            "environment variable GENOPS_EXPORTERS_OTLP_ENDPOINT: genops.exporters.otlp.endpoint: the URL carries "
                + "user information (not shown); put credentials in a header (allowed: an absolute http or https URL "
                + "without user information, query or fragment)",
            "environment variable GENOPS_EXPORTERS_RAINDROP_URL: genops.exporters.raindrop.url: the URL has a "
                + "query or a fragment (not shown), which an endpoint does not take (allowed: an absolute http or "
                + "https URL without user information, query or fragment)");
        assertThat(String.join("\n", found)).doesNotContain("s3cret", "abc");

        final String userInformation = "the URL carries user information (not shown); put credentials in a header";
        for (final String endpoint : List.of("http://u:secret-41@host_name:4318/", "http://u:secret-41@host name/",
            "u:secret-41@collector:4318")) {
            assertThat(problems(isolated(dir).environment(Map.of("GENOPS_EXPORTERS_OTLP_ENDPOINT", endpoint))))
                .as("a host Java cannot read, a space, no scheme").singleElement().asString()
                .contains(userInformation).doesNotContain("secret-41");
        }
        assertThat(isolated(dir).environment(Map.of("GENOPS_EXPORTERS_OTLP_ENDPOINT", "http://collector:4318/a@eu"))
            .load().exporters().otlp().endpoint()).as("an @ in the path").contains(URI.create(
                "http://collector:4318/a@eu"));

        assertThat(problems(isolated(dir).environment(Map.of("GENOPS_EXPORTERS_OTLP_ENABLED", "true",
            "GENOPS_EXPORTERS_OTLP_PROTOCOL", "grpc", "GENOPS_EXPORTERS_OTLP_ENDPOINT", "http://collector:4317/v1"))))
            .containsExactly("environment variable GENOPS_EXPORTERS_OTLP_ENDPOINT: genops.exporters.otlp.endpoint: "
                + "has the path /v1, but genops.exporters.otlp.protocol is grpc (environment variable "
                + "GENOPS_EXPORTERS_OTLP_PROTOCOL): a gRPC collector is addressed by scheme, host and port (allowed: "
                + "a URL without a path, such as http://localhost:4317)");
    }

    @Test
    void aFileCannotNameAnotherFile_andAKeyCannotBeSetTwice() {
        final Path file = write(dir, "genops.yaml", "config: other.yaml", "pipeline.ring-size: 8", "pipeline:",
            "  ring-size: 16");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":1: genops.config: names the configuration file, so it cannot be set inside one (allowed: a "
                + "system property, the environment variable GENOPS_CONFIG or the loader)",
            file + ":4: genops.pipeline.ring-size: is set twice in this file, first on line 2 (allowed: each key "
                + "once in a file)");
    }

    @Test
    void malformedYaml_isReportedAtItsLine_withoutItsText() {
        final Path file = write(dir, "genops.yaml", "pipeline:", "  ring-size: 8",
            "alerts.channels.pager.url: \"https://hooks.example.com/secret-token", "journal: {}");

        assertThat(problems(isolated(dir))).containsExactly(file + ":3: genops.config: is malformed YAML: while "
            + "scanning a quoted scalar; found unexpected end of stream (allowed: well-formed YAML holding one object "
            + "of keys, such as pipeline: {ring-size: 4096})");
    }

    @Test
    void aNameSetTwiceInAMap_isAProblemSayingWhatIsAllowed_inAFileAndInAVariable() {
        final Path file = write(dir, "genops.yaml", "exporters.otlp.headers:", "  Authorization: Bearer a",
            "  Authorization: Bearer b");
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_ALERTS_CHANNELS_OPS_HEADERS",
            "X-Key=a, X-Key=b", "GENOPS_ALERTS_CHANNELS_OPS_URL", "https://hooks.example.com/x"));
        final String allowed = " (allowed: name=value pairs, each name once, values visible ASCII characters with "
            + "spaces only between them, no tabs, as both HTTP (RFC 9110) and gRPC metadata carry them; white space "
            + "around the value is trimmed)";

        assertThat(problems(loader)).containsExactly(
            file + ":3: genops.exporters.otlp.headers: 'Authorization' is set twice" + allowed,
            "environment variable GENOPS_ALERTS_CHANNELS_OPS_HEADERS: genops.alerts.channels.ops.headers: 'X-Key' is "
                + "set twice" + allowed);
    }

    @Test
    void aVariableWhoseEntryIsNoName_saysHowTheVariableIsWritten() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_GROUPS_CRITICAL__AGENTS", "critical-"));

        assertThat(problems(loader)).containsExactly("environment variable GENOPS_GROUPS_CRITICAL__AGENTS: "
            + "genops.groups.<name>.agents: names the entry 'critical-' (read in lower case, with hyphens for "
            + "underscores), which is not a valid name (allowed: GENOPS_GROUPS_<NAME>_AGENTS with <NAME> of capital "
            + "letters and digits, single underscores between them)");
    }

    @Test
    void aVariableNamedLikeAKeyReadFromAnother_namesTheVariableToUse() {
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_EXPORTERS_RAINDROP_WRITE_KEY", "rk"));

        assertThat(problems(loader)).containsExactly("environment variable GENOPS_EXPORTERS_RAINDROP_WRITE_KEY: is "
            + "not read: genops.exporters.raindrop.write-key comes from another variable (allowed: the variable "
            + "RAINDROP_WRITE_KEY)");
    }

    @Test
    void aProblem_alwaysSaysWhatIsAllowed() {
        assertThatThrownBy(() -> new ConfigProblem("genops.policy", Source.defaults(), "is wrong", " "))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genops.policy");
    }

    @Test
    void aMissingFile_isReportedWithWhatNamedIt() {
        final Path missing = dir.resolve("nowhere.yaml");

        assertThat(problems(isolated(dir).environment(Map.of("GENOPS_CONFIG", missing.toString()))))
            .containsExactly("environment variable GENOPS_CONFIG: genops.config: cannot read " + missing
                + " (NoSuchFileException) (allowed: a readable YAML or JSON file)");
    }

    @Test
    void aBadPriceFile_isReportedAtItsOwnLine() {
        final Path prices = write(dir, "prices.json", "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\",",
            "  \"unit\": \"per_million_tokens\", \"models\": {", "    \"m\": {\"input\": \"-1\", \"output\": \"2\"}}}");

        assertThat(problems(isolated(dir).set(ConfigKeys.MODEL_FILE, prices))).singleElement().asString()
            .startsWith(prices + ":3: genops.pricing.model-file: models.m.input: ");
    }

    @Test
    void everyProblemOfEverySource_isReportedAtOnce_inOneException() {
        final Path file = write(dir, "genops.yaml", "pipeline.ring-size: 3", "polcy: enforced",
            "journal.enabled: false", "exporters.otlp.enabled: true");
        final ConfigLoader loader = isolated(dir).environment(Map.of("GENOPS_PIPELINE_STAGE_THREADS", "9"))
            .systemProperties(Map.of("genops.alerts.batch-age", "soon"));

        final String message = Configs.message(loader);

        assertThat(message).startsWith("The GenOps configuration has 5 problems:").contains(
            "\n  - " + file + ":1: genops.pipeline.ring-size: ",
            "\n  - " + file + ":2: genops.polcy: ",
            "\n  - environment variable GENOPS_PIPELINE_STAGE_THREADS: genops.pipeline.stage-threads: '9' lies "
                + "outside 1 to 8",
            "\n  - system property genops.alerts.batch-age: 'soon' is not a duration",
            "\n  - " + file + ":4: genops.exporters.otlp.enabled: is true, but genops.journal.enabled is false");
    }

    @Test
    void anEnforcedPolicyWithoutABudgetOrRateLimit_isAllowedWithAWarning() {
        final GenOpsConfiguration config = isolated(dir).set(ConfigKeys.POLICY,
            io.genops.core.policy.GovernancePolicy.ENFORCED).load();
        final GenOpsConfiguration rateLimited = isolated(dir).set(ConfigKeys.POLICY,
            io.genops.core.policy.GovernancePolicy.ENFORCED).set("genops.rate-limits.limits", "agent:bot=5").load();

        assertThat(config.warnings()).containsExactly("genops.policy is enforced (builder call) but no budget or "
            + "rate limit is set, so nothing will be refused; set genops.budgets.limits, genops.budgets.defaults, "
            + "genops.rate-limits.limits or genops.rate-limits.defaults");
        assertThat(rateLimited.warnings()).isEmpty();
    }

    @Test
    void warnings_goOnceToTheHandlerGiven_insteadOfTheLog() {
        final List<String> told = new ArrayList<>();

        final GenOpsConfiguration config = isolated(dir).set(ConfigKeys.POLICY,
            io.genops.core.policy.GovernancePolicy.ENFORCED).warnings(told::add).load();

        assertThat(told).hasSize(1).isEqualTo(config.warnings());
    }

    @Test
    void settingsNothingReads_areWarnings() {
        final GenOpsConfiguration config = isolated(dir).set(ConfigKeys.STABLE_RATE, 0.5)
            .set(ConfigKeys.OTLP_ENDPOINT, java.net.URI.create("http://collector:4318")).load();

        assertThat(config.warnings()).containsExactly(
            "genops.exporters.otlp.endpoint is set (builder call) but has no effect: otlp is off "
                + "(genops.exporters.otlp.enabled is false (default))",
            "genops.sampling.adaptive.stable-rate is set (builder call) but has no effect: sampling is fixed "
                + "(genops.sampling.mode is fixed (default))");
    }

    @Test
    void loaderCalls_failFastAtTheCall() {
        assertThatThrownBy(() -> isolated(dir).set("genops.pipeline.rign-size", "8"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("genops.pipeline.rign-size is not a configuration key; did you mean "
                + "genops.pipeline.ring-size?");
        assertThatThrownBy(() -> isolated(dir).set(ConfigKeys.RING_SIZE, 1000))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("genops.pipeline.ring-size: '1000' is not a "
                + "power of two (allowed: a power of two from 2 to 1073741824)");
        assertThatThrownBy(() -> isolated(dir).set(ConfigKeys.CHANNEL_URL, Secret.of("x")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a template");
        assertThatThrownBy(() -> isolated(dir).set(ConfigKeys.RING_SIZE, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("genops.pipeline.ring-size cannot be unset");
    }
}
