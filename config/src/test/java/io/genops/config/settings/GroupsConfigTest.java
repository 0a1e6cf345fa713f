package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.policy.GovernancePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent groups under {@code genops.groups}: how they load, in which order, and each problem they can have. */
class GroupsConfigTest {
    @TempDir
    Path dir;

    @Test
    void groups_loadInTheConfiguredOrder_withEverySetting() {
        write(dir, "genops.yaml",
            "policy: advisory",
            "rate-limits.defaults: [team=500]",
            "groups:",
            "  order: [critical, lightweight]",
            "  lightweight:",
            "    match: {feature: faq, customer-id: acme}",
            "    export: false",
            "    cost-alerts: false",
            "  critical:",
            "    agents: [\"critical-*\", \"*-billing\"]",
            "    policy: enforced",
            "    sampling:",
            "      interaction: 0",
            "alerts.rules.critical-slow:",
            "  conditions: [\"latency_ms > 2000\"]",
            "  group: critical");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.groups()).extracting(GroupSettings::name).containsExactly("critical", "lightweight");
        assertThat(config.groups().get(0)).isEqualTo(new GroupSettings("critical", List.of("critical-*", "*-billing"),
            Map.of(), Optional.of(GovernancePolicy.ENFORCED), Map.of(EventKind.INTERACTION, 0.0), true,
            Optional.empty()));
        assertThat(config.groups().get(1)).isEqualTo(new GroupSettings("lightweight", List.of(),
            Map.of(GroupAttribute.FEATURE, "faq", GroupAttribute.CUSTOMER_ID, "acme"), Optional.empty(), Map.of(),
            false, Optional.of(false)));
        assertThat(config.alerts().rules().get("critical-slow").toAlertRule().group()).isEqualTo("critical");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.describe()).contains("genops.groups.critical.agents", "critical-*, *-billing",
            "genops.groups.lightweight.match", "feature=faq", "genops.groups.order");
    }

    @Test
    void withoutAnOrder_groupsAreTriedByName_andAWarningSaysSo() {
        write(dir, "genops.yaml", "groups:", "  zeta.agents: [\"z-*\"]", "  alpha.agents: [\"a-*\"]");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.groups()).extracting(GroupSettings::name).containsExactly("alpha", "zeta");
        assertThat(config.warnings()).containsExactly("2 agent groups are configured and genops.groups.order is not "
            + "set, so they are tried in alphabetical order (alpha, zeta); the first match wins");
    }

    @Test
    void groupSettingsThatCannotTakeEffect_areWarnedOf_likeThePipelinesOwn() {
        final Path file = write(dir, "genops.yaml",
            "groups:",
            "  order: [critical, quiet]",
            "  critical:",
            "    agents: [\"critical-*\"]",
            "    policy: enforced",
            "  quiet:",
            "    agents: [\"quiet-*\"]",
            "    export: false",
            "    sampling: {interaction: 0.5, signal: 0}");

        assertThat(isolated(dir).load().warnings()).containsExactly(
            "genops.groups.critical.policy is enforced (" + file + ":5) but no budget or rate limit is set, so none "
                + "of the group's calls will be refused; set genops.budgets.limits, genops.budgets.defaults, "
                + "genops.rate-limits.limits or genops.rate-limits.defaults",
            "genops.groups.quiet.sampling.interaction is set (" + file + ":9) but has no effect: the group exports "
                + "nothing (genops.groups.quiet.export is false (" + file + ":8))",
            "genops.groups.quiet.sampling.signal is set (" + file + ":9) but has no effect: the group exports "
                + "nothing (genops.groups.quiet.export is false (" + file + ":8))");
        assertThat(isolated(dir).set("genops.budgets.defaults", "team:daily=100").load().warnings())
            .noneMatch(warning -> warning.contains("policy"));
    }

    @Test
    void aGroupFromTheEnvironment_isReadLikeOneFromAFile() {
        final GenOpsConfiguration config = isolated(dir).environment(Map.of(
            "GENOPS_GROUPS_CRITICAL_AGENTS", "critical-*,*-billing", "GENOPS_GROUPS_CRITICAL_POLICY", "enforced"))
            .load();

        assertThat(config.groups()).containsExactly(new GroupSettings("critical", List.of("critical-*", "*-billing"),
            Map.of(), Optional.of(GovernancePolicy.ENFORCED), Map.of(), true, Optional.empty()));
    }

    @Test
    void badPatternsAndUnknownAttributes_nameTheKeyAndTheLine() {
        final Path file = write(dir, "genops.yaml",
            "groups:",
            "  order: [critical, payments]",
            "  critical.agents: [\"critical-?\", \"ok-*\", \"two words\"]",
            "  payments.match: {team: payments, region: eu}");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":3: genops.groups.critical.agents: item 1: 'critical-?' holds '?'; only * is a wildcard, "
                + "matching any run of characters; item 3: 'two words' holds white space; agent ids have none "
                + "(allowed: up to 1000 of an agent id in which * matches any run of characters, such as critical-* "
                + "or *-billing)",
            file + ":4: genops.groups.payments.match: names group attribute 'region', which is unknown (allowed: "
                + "attributes team, project, environment, customer-id, cost-center, feature, model, provider)");
    }

    @Test
    void aGroupMatchingNothing_theReservedName_andABadOrder_areProblems() {
        final Path file = write(dir, "genops.yaml",
            "groups:",
            "  order: [everyone, ghost, everyone]",
            "  everyone.policy: enforced",
            "  default.agents: [\"*\"]");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":2: genops.groups.order: names 'ghost', which is no group configured under genops.groups "
                + "(allowed: the configured groups: default, everyone)",
            file + ":2: genops.groups.order: names 'everyone' twice (allowed: each group once)",
            file + ":2: genops.groups.order: leaves out group 'default' (allowed: every group under genops.groups, "
                + "once)",
            file + ":3: genops.groups.everyone.agents: is missing, and so is genops.groups.everyone.match; a group "
                + "matching every event would be the pipeline's own settings (allowed: agent patterns, attributes to "
                + "match, or both)",
            file + ":4: genops.groups.default.agents: configures a group named 'default', the name of the group of "
                + "events that match no group (allowed: any other name)");
    }

    @Test
    void aRuleNamingAnUnconfiguredGroup_isAProblemAtItsGroupKey() {
        final Path file = write(dir, "genops.yaml",
            "groups.critical.agents: [\"critical-*\"]",
            "alerts.rules.slow:",
            "  conditions: [\"latency_ms > 2000\"]",
            "  group: premium");

        assertThat(problems(isolated(dir))).containsExactly(file + ":4: genops.alerts.rules.slow.group: names agent "
            + "group 'premium', which is not configured (allowed: a group configured under genops.groups: critical)");
    }

    @Test
    void groupNamesAndValues_areHeldToTheStringLimit() {
        final Path file = write(dir, "genops.yaml", "limits.max-string-length: 8",
            "groups.payments-critical.match: {team: payments-eu-west}");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":2: genops.groups.payments-critical.match: names the agent group 'payments-critical', which is 17 "
                + "characters long, more than genops.limits.max-string-length (8, " + file + ":1) (allowed: at most "
                + "8 characters)",
            file + ":2: genops.groups.payments-critical.match: is 16 characters long, more than "
                + "genops.limits.max-string-length (8, " + file + ":1) (allowed: at most 8 characters)");
    }

    @Test
    void aProblemWithAGroupOrRuleAsAWhole_isReportedAtTheFirstKeyThatNamesIt() {
        final Path file = write(dir, "genops.yaml", "limits.max-string-length: 8",
            "groups:",
            "  order: [default, long-named]",
            "  long-named:",
            "    policy: enforced",
            "    agents: [\"long-*\"]",
            "  default.export: false",
            "alerts.rules.long-rule:",
            "  severity: critical",
            "  conditions: [\"latency_ms > 1\"]");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":5: genops.groups.long-named.policy: names the agent group 'long-named', which is 10 characters "
                + "long, more than genops.limits.max-string-length (8, " + file + ":1) (allowed: at most 8 characters)",
            file + ":7: genops.groups.default.export: configures a group named 'default', the name of the group of "
                + "events that match no group (allowed: any other name)",
            file + ":9: genops.alerts.rules.long-rule.severity: names the alert rule 'long-rule', which is 9 "
                + "characters long, more than genops.limits.max-string-length (8, " + file + ":1) (allowed: at most "
                + "8 characters)");
    }
}
