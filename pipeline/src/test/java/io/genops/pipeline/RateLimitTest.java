package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.policy.PolicyResult;
import io.genops.core.policy.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(10).build();

    @Test
    void enforced_agentOverItsRate_isRefusedAtTheCall_andOtherAgentsAreNot() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED)
            .rateLimit(RateLimitScope.AGENT, "chatty", 50).build();
             MonitoringSession session = genops.openSession("s")) {
            int admitted = 0;
            int refused = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    session.trackInteraction("chatty", INTERACTION);
                    admitted++;
                } catch (final RateLimitedException e) {
                    refused++;
                    assertThat(e).hasMessageContaining("agent=chatty").hasMessageContaining("50 events per second");
                }
            }
            for (int i = 0; i < 200; i++) {
                session.trackInteraction("quiet", INTERACTION);
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            // A burst of one second's worth (50), plus whatever the rate refills while the loop runs.
            assertThat(admitted).isBetween(50, 70);
            assertThat(refused).isEqualTo(200 - admitted);
            assertThat(genops.metrics().rejectedRateLimited()).isEqualTo(refused);
            assertThat(genops.metrics().accepted()).isEqualTo(admitted + 200L);
        }
    }

    @Test
    void advisory_teamOverItsRate_recordsEveryEventMarkedRateLimited() {
        final AtomicLong marked = new AtomicLong();
        final PipelineStage watch = new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                if (event.policyResult() == PolicyResult.RATE_LIMITED) {
                    marked.incrementAndGet();
                }
            }
        };
        try (GenOps genops = TestTables.builder().stage(watch).defaultRateLimit(RateLimitScope.TEAM, 20).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            for (int i = 0; i < 100; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(genops.metrics().accepted()).isEqualTo(100);
            assertThat(marked.get()).isBetween(70L, 80L);
            assertThat(genops.checkBudget(Attribution.team("support"), Money.usd("0.001")).result())
                .isEqualTo(PolicyResult.RATE_LIMITED);
            assertThat(genops.checkBudget(Attribution.team("other"), Money.usd("0.001")).result())
                .isEqualTo(PolicyResult.ALLOWED);
        }
    }

    @Test
    void rateLimit_outOfRange_isRefusedNamingIt() {
        assertThatThrownBy(() -> GenOps.builder().rateLimit(RateLimitScope.TEAM, "support", 0))
            .hasMessage("rateLimit for team=support must lie in [1, 1e9] events per second: 0");
    }
}
