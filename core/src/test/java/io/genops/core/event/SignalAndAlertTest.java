package io.genops.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.genops.core.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignalAndAlertTest {
    @Nested
    class Signals {
        @Test
        void shouldRefuseAValueOrThresholdThatIsNotFinite() {
            assertThatIllegalArgumentException().isThrownBy(() -> PerformanceSignal.builder().value(Double.NaN))
                .withMessage("value must be a finite number: NaN");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> PerformanceSignal.builder().threshold(Double.POSITIVE_INFINITY))
                .withMessage("threshold must be a finite number: Infinity");
        }

        @Test
        void shouldListTheKnownFrequenciesWhenOneIsUnknown() {
            assertThatIllegalArgumentException().isThrownBy(() -> PerformanceSignal.builder().frequency("hourly"))
                .withMessage("frequency 'hourly' is unknown; expected one of low, standard, high, realtime");
        }

        @Test
        void shouldRefuseABlankAgentId() {
            assertThatIllegalArgumentException().isThrownBy(() -> PerformanceSignal.builder().agentId("\t"))
                .withMessage("agentId must not be blank");
        }

        @Test
        void shouldHaveNoThresholdUntilOneIsSet() {
            assertThat(PerformanceSignal.builder().build().hasThreshold()).isFalse();
            assertThat(PerformanceSignal.builder().threshold(0.5).build().hasThreshold()).isTrue();
        }

        @Test
        void shouldKeepAnExplicitZeroCost() {
            final PerformanceSignal signal = PerformanceSignal.builder().frequency(Frequency.REALTIME)
                .cost(Money.usd("0.00")).build();

            assertThat(signal.hasCostOverride()).isTrue();
            assertThat(signal.costOverrideNanos()).isZero();
        }
    }

    @Nested
    class Alerts {
        @Test
        void shouldListTheKnownSeveritiesWhenOneIsUnknown() {
            assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().severity("fatal"))
                .withMessage("severity 'fatal' is unknown; expected one of info, warning, critical");
        }

        @Test
        void shouldRefuseARuleWithoutConditions() {
            assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().build())
                .withMessage("an alert rule needs at least one condition");
        }

        @Test
        void shouldExplainAConditionItCannotRead() {
            assertThatIllegalArgumentException().isThrownBy(() -> Condition.parse("latency_ms > 2000 ms"))
                .withMessageContaining("must read 'metric comparator threshold'");
            assertThatIllegalArgumentException().isThrownBy(() -> Condition.parse("latency_ms > slow"))
                .withMessageContaining("threshold that is not a number");
            assertThatIllegalArgumentException().isThrownBy(() -> Condition.parse("latency_ms => 5"))
                .withMessageContaining("comparator '=>' is unknown");
            assertThatIllegalArgumentException().isThrownBy(() -> Condition.parse("latency_ms > NaN"))
                .withMessage("condition threshold must be a finite number: NaN");
        }

        @Test
        void shouldReadEachComparatorBySymbolOrName() {
            assertThat(Condition.parse("latency_ms > 2000").test(2000)).isFalse();
            assertThat(Condition.parse("latency_ms >= 2000").test(2000)).isTrue();
            assertThat(Condition.parse("error_rate less_than 0.05").test(0.04)).isTrue();
            assertThat(Condition.parse("quality <= 0.5").comparator()).isEqualTo(Comparator.LESS_OR_EQUAL);
        }

        @Test
        void shouldRefuseBlankChannelsAndNegativeCooldowns() {
            assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().channel(" "))
                .withMessage("channel must not be blank");
            assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().cooldown(Duration.ofSeconds(-1)))
                .withMessageContaining("cooldown must not be negative");
        }

        @Test
        void shouldKeepAnExplicitZeroCost() {
            final AlertRule rule = AlertRule.builder().condition("error_rate > 0.1").complexity("enterprise")
                .cost(Money.usd("0")).build();

            assertThat(rule.hasCostOverride()).isTrue();
            assertThat(rule.costOverrideNanos()).isZero();
            assertThat(rule.complexity()).isEqualTo(Complexity.ENTERPRISE);
        }
    }
}
