package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RuleStateTableTest {
    private final AtomicLong stateKeys = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final RuleStateTable table = new RuleStateTable(3, stateKeys, evictions);

    private static CompiledRule rule(final String name, final AlertScope scope, final String condition) {
        return new CompiledRule(name, AlertRule.builder().condition(condition).scope(scope).build(),
            Attribution.EMPTY, null);
    }

    @Test
    void acquire_pastTheCap_evictsTheLeastRecentlySeenKeyOfAnyRule() {
        final CompiledRule byAgent = rule("agents", AlertScope.AGENT, "latency_ms > 1");
        final CompiledRule byTeam = rule("teams", AlertScope.TEAM, "cost_usd_per_minute > 1");
        final RuleState a = table.acquire(byAgent, "a");
        table.acquire(byTeam, "support");
        table.acquire(byAgent, "b");
        assertThat(table.acquire(byAgent, "a")).as("a hit returns the same state").isSameAs(a);

        table.acquire(byAgent, "c");

        assertThat(byTeam.states).as("support was the least recently seen").isEmpty();
        assertThat(byAgent.states).containsOnlyKeys("a", "b", "c");
        assertThat(stateKeys.get()).isEqualTo(3);
        assertThat(evictions.get()).isEqualTo(1);
    }

    @Test
    void acquire_globalRule_pinsOneStateOutsideTheCap() {
        final CompiledRule global = rule("global", AlertScope.GLOBAL, "error_rate > 0.1");
        final CompiledRule byAgent = rule("agents", AlertScope.AGENT, "latency_ms > 1");
        final RuleState pinned = table.acquire(global, "global");
        for (int agent = 0; agent < 100; agent++) {
            table.acquire(byAgent, "agent-" + agent);
        }

        assertThat(table.acquire(global, "global")).isSameAs(pinned);
        assertThat(pinned.errors).isNotNull();
        assertThat(pinned.cost).isNull();
        assertThat(stateKeys.get()).isEqualTo(4);
        assertThat(evictions.get()).isEqualTo(97);
    }

    @Test
    void removeAll_forgetsEveryStateOfAReplacedRule() {
        final CompiledRule byAgent = rule("agents", AlertScope.AGENT, "latency_ms > 1");
        final CompiledRule other = rule("other", AlertScope.AGENT, "latency_ms > 1");
        table.acquire(byAgent, "a");
        table.acquire(other, "a");
        table.acquire(byAgent, "b");

        table.removeAll(byAgent);
        table.acquire(other, "b");
        table.acquire(other, "c");

        assertThat(byAgent.states).isEmpty();
        assertThat(other.states).containsOnlyKeys("a", "b", "c");
        assertThat(evictions.get()).as("room was freed, nothing evicted").isZero();
        assertThat(stateKeys.get()).isEqualTo(3);
    }
}
