package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.GroupAttribute;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.AgentGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMatcherTest {
    private static final AgentGroup CRITICAL = AgentGroup.builder().matchAgents("critical-*").build();
    private static final AgentGroup BILLING = AgentGroup.builder().matchAgents("*-billing").build();
    private static final Attribution NONE = Attribution.EMPTY;

    @Test
    void resolve_firstDeclaredMatchWins() {
        final GroupMatcher criticalFirst = matcher(10_000, "critical", CRITICAL, "billing", BILLING);
        final GroupMatcher billingFirst = matcher(10_000, "billing", BILLING, "critical", CRITICAL);

        assertThat(name(criticalFirst, "critical-billing")).isEqualTo("critical");
        assertThat(name(billingFirst, "critical-billing")).isEqualTo("billing");
        assertThat(name(criticalFirst, "eu-billing")).isEqualTo("billing");
        assertThat(name(billingFirst, "critical-search")).isEqualTo("critical");
    }

    @Test
    void costAlerts_unsetFollowTheMatchersSwitch_setKeepTheGroupsOwn() {
        final AgentGroup on = AgentGroup.builder().matchAgents("on-*").costAlerts(true).build();
        final AgentGroup off = AgentGroup.builder().matchAgents("off-*").costAlerts(false).build();
        final Map<String, AgentGroup> groups = new LinkedHashMap<>();
        groups.put("critical", CRITICAL);
        groups.put("on", on);
        groups.put("off", off);

        assertThat(CRITICAL.costAlerts()).as("unset").isEmpty();
        assertThat(on.costAlerts()).contains(true);
        assertThat(off.costAlerts()).contains(false);
        for (final boolean pipeline : new boolean[] {true, false}) {
            final GroupMatcher matcher = new GroupMatcher(groups, GovernancePolicy.ADVISORY, pipeline, 10_000);
            assertThat(matcher.named("critical").costAlerts).as("follows the switch " + pipeline).isEqualTo(pipeline);
            assertThat(matcher.defaultGroup().costAlerts).isEqualTo(pipeline);
            assertThat(matcher.named("on").costAlerts).isTrue();
            assertThat(matcher.named("off").costAlerts).isFalse();
        }
    }

    @Test
    void resolve_noMatchOrNoAgent_isTheDefaultGroup() {
        final GroupMatcher matcher = matcher(10_000, "critical", CRITICAL, "billing", BILLING);

        assertThat(name(matcher, "faq-bot")).isEqualTo("default");
        assertThat(matcher.resolve(null, NONE, NONE, null, null)).isSameAs(matcher.defaultGroup());
        assertThat(matcher(10_000).resolve("critical-1", NONE, NONE, null, null).name()).isEqualTo("default");
    }

    @Test
    void resolve_byAttribute_readsTheEventsOwnValueOverTheBase() {
        final AgentGroup payments = AgentGroup.builder().matchAttribute(GroupAttribute.TEAM, "payments")
            .matchAttribute(GroupAttribute.ENVIRONMENT, "prod").build();
        final GroupMatcher matcher = matcher(10_000, "payments", payments);
        final Attribution base = Attribution.builder().team("payments").environment("prod").build();

        assertThat(matcher.resolve("any", NONE, base, null, null).name()).isEqualTo("payments");
        assertThat(matcher.resolve("any", Attribution.team("support"), base, null, null).name())
            .as("the event's own team overrides the session's").isEqualTo("default");
        assertThat(matcher.resolve("any", NONE, Attribution.team("payments"), null, null).name())
            .as("every attribute must hold").isEqualTo("default");
    }

    @Test
    void resolve_byModelOrProvider_matchesOnlyEventsThatCarryThem() {
        final AgentGroup openai = AgentGroup.builder().matchAttribute(GroupAttribute.PROVIDER, "openai").build();
        final GroupMatcher matcher = matcher(10_000, "openai", openai);

        assertThat(matcher.resolve("bot", NONE, NONE, "gpt-4o", "openai").name()).isEqualTo("openai");
        assertThat(matcher.resolve("bot", NONE, NONE, null, null).name()).isEqualTo("default");
    }

    @Test
    void resolve_agentAndAttribute_needsBoth() {
        final AgentGroup criticalPayments = AgentGroup.builder().matchAgents("critical-*")
            .matchAttribute(GroupAttribute.TEAM, "payments").build();
        final GroupMatcher matcher = matcher(10_000, "critical-payments", criticalPayments, "critical", CRITICAL);
        final Attribution payments = Attribution.team("payments");

        assertThat(matcher.resolve("critical-1", NONE, payments, null, null).name()).isEqualTo("critical-payments");
        assertThat(matcher.resolve("critical-1", NONE, Attribution.team("sales"), null, null).name())
            .isEqualTo("critical");
        assertThat(matcher.resolve("faq-1", NONE, payments, null, null).name()).isEqualTo("default");
    }

    @Test
    void theCache_keepsIdsSeenLately_asOthersComeAndGo() {
        final GroupMatcher matcher = matcher(4, "critical", CRITICAL, "billing", BILLING);
        for (int i = 0; i < 1_000; i++) {
            assertThat(name(matcher, "critical-" + i)).isEqualTo("critical");
        }
        assertThat(matcher.cachedAgents()).as("bounded by its slots").isLessThanOrEqualTo(4).isPositive();
        assertThat(name(matcher, "critical-999")).isEqualTo("critical");
        assertThat(name(matcher, "agent-7-billing")).isEqualTo("billing");
        assertThat(name(matcher, "critical-0")).as("an id whose slot was taken is matched again")
            .isEqualTo("critical");
    }

    @Test
    void resolve_pastTheCacheCap_keepsMatchingCorrectlyWithoutCaching() {
        final GroupMatcher matcher = matcher(2, "critical", CRITICAL, "billing", BILLING);

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(name(matcher, "critical-" + i)).isEqualTo("critical");
                assertThat(name(matcher, "agent-" + i + "-billing")).isEqualTo("billing");
                assertThat(name(matcher, "other-" + i)).isEqualTo("default");
            }
        }
        assertThat(matcher.cachedAgents()).isEqualTo(2);
    }

    @Test
    void policy_ofAGroupWithoutItsOwn_isThePipelines() {
        final AgentGroup enforced = AgentGroup.builder().matchAgents("strict-*").policy(GovernancePolicy.ENFORCED)
            .build();
        final GroupMatcher matcher = new GroupMatcher(Map.of("strict", enforced, "critical", CRITICAL),
            GovernancePolicy.ADVISORY, 100);

        assertThat(matcher.named("strict").policy).isEqualTo(GovernancePolicy.ENFORCED);
        assertThat(matcher.named("critical").policy).isEqualTo(GovernancePolicy.ADVISORY);
        assertThat(matcher.defaultGroup().policy).isEqualTo(GovernancePolicy.ADVISORY);
    }

    @Test
    void agentGroupBuilder_withoutCriteria_isRefused() {
        assertThatThrownBy(() -> AgentGroup.builder().policy(GovernancePolicy.ENFORCED).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs matchAgents or matchAttribute");
    }

    private static String name(final GroupMatcher matcher, final String agentId) {
        return matcher.resolve(agentId, NONE, NONE, null, null).name();
    }

    private static GroupMatcher matcher(final int cap, final Object... namesAndGroups) {
        final Map<String, AgentGroup> groups = new LinkedHashMap<>();
        for (int i = 0; i < namesAndGroups.length; i += 2) {
            groups.put((String)namesAndGroups[i], (AgentGroup)namesAndGroups[i + 1]);
        }
        return new GroupMatcher(groups, GovernancePolicy.ADVISORY, cap);
    }
}
