package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.pricing.UnknownModelPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private static final Interaction GOOD = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(10).outputTokens(10).build();

    private GenOps genops;
    private MonitoringSession session;

    @BeforeEach
    void start() {
        genops = TestTables.builder().maxStringLength(32).unknownModelPolicy(UnknownModelPolicy.FAIL).build();
        session = genops.openSession("s");
    }

    @AfterEach
    void stop() {
        genops.close();
    }

    @Test
    void nullOrBlankIds_areRefusedNamingTheField() {
        assertThatThrownBy(() -> session.trackInteraction(null, GOOD))
            .isInstanceOf(NullPointerException.class).hasMessage("agentId");
        assertThatThrownBy(() -> session.trackInteraction("  ", GOOD))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("agentId must not be blank");
        assertThatThrownBy(() -> session.trackInteraction("bot", null))
            .isInstanceOf(NullPointerException.class).hasMessage("interaction");
        assertThatThrownBy(() -> session.trackSignal("", PerformanceSignal.builder().value(1).build()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("signal name must not be blank");
        assertNothingRecorded();
    }

    @Test
    void overlongStrings_areRefusedWithTheLimit() {
        final String longId = "a".repeat(33);
        assertThatThrownBy(() -> session.trackInteraction(longId, GOOD))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("agentId is 33 characters long; the limit is 32");
        final Interaction longConversation = Interaction.builder().model(TestTables.MODEL)
            .conversationId(longId).build();
        assertThatThrownBy(() -> session.trackInteraction("bot", longConversation))
            .hasMessage("conversationId is 33 characters long; the limit is 32");
        final Interaction longTeam = Interaction.builder().model(TestTables.MODEL)
            .attribution(Attribution.team(longId)).build();
        assertThatThrownBy(() -> session.trackInteraction("bot", longTeam))
            .hasMessage("team is 33 characters long; the limit is 32");
        assertNothingRecorded();
        assertThat(genops.metrics().rejectedInvalid()).isEqualTo(3);
    }

    @Test
    void unknownModel_underTheFailingPolicy_isRefusedNamingTheModel() {
        final Interaction unknown = Interaction.builder().model("no-such-model").inputTokens(5).build();
        assertThatThrownBy(() -> session.trackInteraction("bot", unknown))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("model 'no-such-model' has no price in test");
        assertNothingRecorded();
    }

    @Test
    void badValues_areRefusedByTheBuilders() {
        assertThatThrownBy(() -> Interaction.builder().inputTokens(-1))
            .hasMessage("inputTokens must not be negative: -1");
        assertThatThrownBy(() -> Interaction.builder().latency(Duration.ofMillis(-5)))
            .hasMessageContaining("latency must not be negative");
        assertThatThrownBy(() -> PerformanceSignal.builder().value(Double.NaN))
            .hasMessage("value must be a finite number: NaN");
        assertThatThrownBy(() -> PerformanceSignal.builder().threshold(Double.POSITIVE_INFINITY))
            .hasMessage("threshold must be a finite number: Infinity");
        assertThatThrownBy(() -> Interaction.builder().performance(Map.of("quality", Double.NaN)))
            .hasMessage("performance 'quality' must be a finite number: NaN");
        assertThatThrownBy(() -> Interaction.builder().complexity("extreme"))
            .hasMessage("complexity 'extreme' is unknown; expected one of simple, moderate, complex, enterprise");
        assertThatThrownBy(() -> PerformanceSignal.builder().frequency("hourly"))
            .hasMessage("frequency 'hourly' is unknown; expected one of low, standard, high, realtime");
        assertThatThrownBy(() -> AlertRule.builder().build())
            .hasMessage("an alert rule needs at least one condition");
        assertThatThrownBy(() -> Interaction.builder().cost(Money.usdNanos(-1)))
            .hasMessageContaining("cost must be a non-negative USD amount");
    }

    @Test
    void badBuilderSettings_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> GenOps.builder().ringSize(1000))
            .hasMessage("ringSize must be a power of two of at least 2: 1000");
        assertThatThrownBy(() -> GenOps.builder().samplingRate(io.genops.core.event.EventKind.SIGNAL, 1.5))
            .hasMessage("samplingRate for SIGNAL must lie in [0, 1]: 1.5");
        assertThatThrownBy(() -> GenOps.builder().dailyBudget(Money.usd("0")))
            .hasMessageContaining("daily budget for team must be a positive USD amount");
        assertThatThrownBy(() -> GenOps.builder().defaultAlertChannels("pager").build())
            .hasMessageContaining("defaultAlertChannels names 'pager'");
    }

    private void assertNothingRecorded() {
        assertThat(genops.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(genops.metrics().accepted()).isZero();
        assertThat(genops.metrics().totalCost()).isEqualTo(Money.usdNanos(0));
    }
}
