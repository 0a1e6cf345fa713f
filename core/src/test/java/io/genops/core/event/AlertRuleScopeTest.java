package io.genops.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertRuleScopeTest {
    @Test
    void shouldDefaultToAGlobalFiveMinuteWindowOfTenSamples() {
        final AlertRule rule = AlertRule.builder().condition("latency_ms > 2000").build();

        assertThat(rule.scope()).isEqualTo(AlertScope.GLOBAL);
        assertThat(rule.windowNanos()).isEqualTo(Duration.ofMinutes(5).toNanos());
        assertThat(rule.minSamples()).isEqualTo(10);
        assertThat(rule.windowed()).isFalse();
    }

    @Test
    void shouldKeepScopeWindowAndMinSamples() {
        final AlertRule rule = AlertRule.builder().condition("cost_usd_per_hour > 20").scope("Team")
            .window(Duration.ofMinutes(15)).minSamples(3).build();

        assertThat(rule.scope()).isEqualTo(AlertScope.TEAM);
        assertThat(rule.windowNanos()).isEqualTo(Duration.ofMinutes(15).toNanos());
        assertThat(rule.minSamples()).isEqualTo(3);
        assertThat(rule.windowed()).isTrue();
        assertThat(rule.toString()).contains("scope=TEAM", "window=PT15M");
    }

    @Test
    void shouldRefuseWindowsOutsideOneSecondToThirtyOneDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().window(Duration.ofMillis(999)))
            .withMessage("window must lie in [1 s, 31 days]: PT0.999S");
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().window(Duration.ofDays(32)))
            .withMessageContaining("window must lie in");
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().minSamples(0))
            .withMessage("minSamples must be positive: 0");
    }

    @Test
    void shouldRefuseARejectionRateThatIsNotGlobal() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().condition("rejection_rate > 0.1")
            .scope(AlertScope.CUSTOMER).build()).withMessageContaining("needs the global scope, not customer");
        assertThat(AlertRule.builder().condition("rejection_rate > 0.1").build().windowed()).isTrue();
    }

    @Test
    void shouldListTheScopesWhenOneIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlertScope.parse("region"))
            .withMessage("alert scope 'region' is unknown; expected one of global, team, project, customer, agent");
    }

    @Test
    void shouldTellWindowedMetricsFromPerEventOnes() {
        for (final String metric : new String[] {"cost_usd_per_minute", "cost_usd_per_hour", "latency_ms_p50",
            "latency_ms_p95", "latency_ms_p99", "error_rate", "rejection_rate"}) {
            assertThat(Condition.parse(metric + " > 1").windowed()).as(metric).isTrue();
        }
        for (final String metric : new String[] {"latency_ms", "total_tokens", "cost_usd", "signal_over_threshold",
            "budget_utilization_percent", "response_quality"}) {
            assertThat(Condition.parse(metric + " > 1").windowed()).as(metric).isFalse();
        }
    }

    @Test
    void shouldKeyEventsByScope() {
        assertThat(AlertScope.GLOBAL.keyOf(null, null, null, null)).isEqualTo("global");
        assertThat(AlertScope.TEAM.keyOf("support", "helpdesk", "acme", "bot")).isEqualTo("support");
        assertThat(AlertScope.PROJECT.keyOf("support", "helpdesk", "acme", "bot")).isEqualTo("helpdesk");
        assertThat(AlertScope.CUSTOMER.keyOf("support", "helpdesk", "acme", "bot")).isEqualTo("acme");
        assertThat(AlertScope.AGENT.keyOf("support", "helpdesk", "acme", null)).isNull();
    }
}
