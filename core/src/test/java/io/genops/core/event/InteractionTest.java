package io.genops.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.genops.core.money.Money;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionTest {
    @Test
    void shouldNameTheFieldOfANegativeCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().inputTokens(-1))
            .withMessage("inputTokens must not be negative: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().reasoningTokens(-5))
            .withMessage("reasoningTokens must not be negative: -5");
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().latency(Duration.ofMillis(-1)))
            .withMessageContaining("latency must not be negative");
    }

    @Test
    void shouldRefuseCachedTokensBeyondTheInputTheyArePartOf() {
        final Interaction.Builder builder = Interaction.builder().inputTokens(10).cacheReadTokens(6)
            .cacheCreationTokens(5);

        assertThatIllegalArgumentException().isThrownBy(builder::build)
            .withMessage("cacheReadTokens (6) + cacheCreationTokens (5) exceed inputTokens (10);"
                + " input tokens include cached ones");
    }

    @Test
    void shouldRefuseReasoningTokensBeyondTheOutputTheyArePartOf() {
        final Interaction.Builder builder = Interaction.builder().outputTokens(10).reasoningTokens(11);

        assertThatIllegalArgumentException().isThrownBy(builder::build)
            .withMessage("reasoningTokens (11) exceed outputTokens (10); output tokens include reasoning ones");
    }

    @Test
    void shouldAcceptCountsAtTheirLimits() {
        final Interaction interaction = Interaction.builder().inputTokens(10).cacheReadTokens(4).cacheCreationTokens(6)
            .outputTokens(3).reasoningTokens(3).build();

        assertThat(interaction.cacheReadTokens() + interaction.cacheCreationTokens()).isEqualTo(10);
        assertThat(interaction.reasoningTokens()).isEqualTo(3);
    }

    @Test
    void shouldRefuseBlankAndMissingIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().conversationId(" "))
            .withMessage("conversationId must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().model(""))
            .withMessage("model must not be blank");
        assertThatNullPointerException().isThrownBy(() -> Interaction.builder().userId(null)).withMessage("userId");
    }

    @Test
    void shouldRefuseAPerformanceFigureThatIsNotANumber() {
        final Map<String, Double> figures = new HashMap<>();
        figures.put("response_quality", Double.NaN);

        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().performance(figures))
            .withMessage("performance 'response_quality' must be a finite number: NaN");
    }

    @Test
    void shouldListTheKnownComplexitiesWhenOneIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().complexity("extreme"))
            .withMessage("complexity 'extreme' is unknown; expected one of simple, moderate, complex, enterprise");
        assertThat(Interaction.builder().complexity(" Enterprise ").build().complexity())
            .isEqualTo(Complexity.ENTERPRISE);
    }

    @Test
    void shouldKeepAnExplicitZeroCost() {
        final Interaction free = Interaction.builder().model("gpt-4o").inputTokens(1000).cost(Money.usd("0")).build();
        final Interaction priced = Interaction.builder().model("gpt-4o").inputTokens(1000).build();

        assertThat(free.hasCostOverride()).isTrue();
        assertThat(free.costOverrideNanos()).isZero();
        assertThat(priced.hasCostOverride()).isFalse();
        assertThat(priced.costOverrideNanos()).isEqualTo(Interaction.NO_OVERRIDE);
    }

    @Test
    void shouldRefuseACostOverrideThatIsNegativeOrNotInUsd() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().cost(Money.usd("-0.01")))
            .withMessage("cost must be a non-negative USD amount: -0.01 USD");
        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.builder().cost(Money.of("1", "EUR")))
            .withMessageContaining("1.00 EUR");
    }

    /** The payload band prices what was exchanged both ways: the prompt and the answer. */
    @Test
    void shouldTakeThePayloadSizeFromContentPlusOutput_orFromTheOutputAlone() {
        final Interaction both = Interaction.builder().payloadChars(99).content("hello").output("hi there").build();
        final Interaction answerOnly = Interaction.builder().payloadChars(99).output("x".repeat(1_000)).build();

        assertThat(both.payloadChars()).isEqualTo(5 + 8);
        assertThat(both.content()).isEqualTo("hello");
        assertThat(both.output()).isEqualTo("hi there");
        assertThat(answerOnly.payloadChars()).as("1,000 characters: the second band").isEqualTo(1_000);
        assertThat(answerOnly.content()).isNull();
        assertThat(Interaction.builder().build().output()).isNull();
    }

    @Test
    void output_null_isRefusedAndNamed() {
        assertThatNullPointerException().isThrownBy(() -> Interaction.builder().output(null)).withMessage("output");
    }

    @Test
    void shouldTakeThePayloadSizeFromTheContentWhenGiven() {
        final Interaction interaction = Interaction.builder().payloadChars(99).content("hello").build();

        assertThat(interaction.payloadChars()).isEqualTo(5);
        assertThat(Interaction.builder().payloadChars(99).build().payloadChars()).isEqualTo(99);
    }
}
