package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.event.EventKind;
import org.junit.jupiter.api.Test;

class SamplingPolicyTest {
    @Test
    void adaptive_defaults_areTheDocumentedOnes() {
        final SamplingPolicy policy = SamplingPolicy.adaptive().build();

        assertThat(policy.isAdaptive()).isTrue();
        assertThat(policy.firstEvents()).isEqualTo(10);
        assertThat(policy.halfLife()).isEqualTo(32);
        assertThat(policy.trendSensitivity()).isEqualTo(4.0);
        assertThat(policy.minTrendChange()).isEqualTo(0.01);
        assertThat(policy.varianceBound()).isEqualTo(0.5);
        assertThat(policy.trendingWorseRate()).isEqualTo(1.0);
        assertThat(policy.highVarianceRate()).isEqualTo(0.1);
        assertThat(policy.stableRate()).isEqualTo(0.01);
        assertThat(policy.lowerIsWorse()).isEmpty();
        assertThat(policy.headSampling()).isFalse();
        assertThat(policy.maxKeys()).isEqualTo(100_000);
    }

    @Test
    void adaptiveBuilder_badValues_areRefusedNamingTheSetting() {
        final SamplingPolicy.Builder builder = SamplingPolicy.adaptive();

        assertThatThrownBy(() -> builder.firstEvents(-1)).hasMessage("firstEvents must lie in [0, 1000000]: -1");
        assertThatThrownBy(() -> builder.halfLife(1)).hasMessage("halfLife must lie in [2, 1000000] events: 1");
        assertThatThrownBy(() -> builder.trendSensitivity(0)).hasMessage("trendSensitivity must lie in (0, 100]: 0.0");
        assertThatThrownBy(() -> builder.minTrendChange(Double.NaN))
            .hasMessage("minTrendChange must lie in [0, 10]: NaN");
        assertThatThrownBy(() -> builder.varianceBound(-0.5)).hasMessage("varianceBound must lie in (0, 100]: -0.5");
        assertThatThrownBy(() -> builder.trendingWorseRate(1.5))
            .hasMessage("trendingWorseRate must lie in [0, 1]: 1.5");
        assertThatThrownBy(() -> builder.highVarianceRate(-0.1))
            .hasMessage("highVarianceRate must lie in [0, 1]: -0.1");
        assertThatThrownBy(() -> builder.stableRate(2)).hasMessage("stableRate must lie in [0, 1]: 2.0");
        assertThatThrownBy(() -> builder.conversationRate(-1)).hasMessage("conversationRate must lie in [0, 1]: -1.0");
        assertThatThrownBy(() -> builder.maxKeys(0)).hasMessage("maxKeys must lie in [1, 16777216]: 0");
        assertThatThrownBy(() -> builder.lowerIsWorse("quality", " ")).hasMessageContaining("lowerIsWorse signal name");
    }

    @Test
    void build_copiesTheSettings_soLaterChangesToTheBuilderDoNotLeak() {
        final SamplingPolicy.Builder builder = SamplingPolicy.adaptive().stableRate(0.05).lowerIsWorse("quality");
        final SamplingPolicy policy = builder.build();

        builder.stableRate(0.5).lowerIsWorse("other");

        assertThat(policy.stableRate()).isEqualTo(0.05);
        assertThat(policy.lowerIsWorse()).containsExactly("quality");
    }

    @Test
    void withRate_onFixedRates_changesOneKind_andOnAdaptiveIsRefused() {
        final SamplingPolicy fixed = SamplingPolicy.fixedRate(0.5).withRate(EventKind.SIGNAL, 0.25);

        assertThat(fixed.rate(EventKind.INTERACTION)).isEqualTo(0.5);
        assertThat(fixed.rate(EventKind.SIGNAL)).isEqualTo(0.25);
        assertThat(fixed.headSampling()).isTrue();
        assertThat(SamplingPolicy.keepAll().rate(EventKind.ALERT)).isEqualTo(1.0);
        assertThatThrownBy(() -> SamplingPolicy.adaptive().build().withRate(EventKind.SIGNAL, 0.5))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not combine with an adaptive sampling policy");
    }
}
