package io.genops.exporters.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAttributesTest {
    private static final AttributeKey<String> TEAM = AttributeKey.stringKey("genops.team");
    private static final AttributeKey<Long> TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    private static final AttributeKey<Boolean> FAILED = AttributeKey.booleanKey("genops.event.stage_failed");

    @Test
    void keepsPairsInTheOrderPut_leavesNullsOut_andEqualsTheSdksAttributes() {
        final EventAttributes attributes = EventAttributes.builder().put(TOKENS, 120L).put(TEAM, "support")
            .put(AttributeKey.stringKey("genops.project"), null).put(FAILED, true).build();

        final List<String> order = new ArrayList<>();
        attributes.forEach((key, value) -> order.add(key.getKey() + "=" + value));
        assertThat(order).containsExactly("gen_ai.usage.input_tokens=120", "genops.team=support",
            "genops.event.stage_failed=true");
        assertThat(attributes.size()).isEqualTo(3);
        assertThat(attributes.get(TEAM)).isEqualTo("support");
        assertThat(attributes.get(AttributeKey.stringKey("genops.project"))).isNull();

        final Attributes sdk = Attributes.of(TEAM, "support", TOKENS, 120L, FAILED, true);
        assertThat(attributes).isEqualTo(sdk);
        assertThat(attributes.asMap()).isEqualTo(sdk.asMap());
        assertThat(attributes.toBuilder().build()).isEqualTo(sdk);
    }

    @Test
    void aReusedBuilder_startsEmptyAfterReset_andEarlierBuildsKeepTheirPairs() {
        final EventAttributes.Builder builder = EventAttributes.builder();
        final EventAttributes first = builder.put(TEAM, "support").build();
        final EventAttributes second = builder.reset().put(TOKENS, 7L).build();
        assertThat(first.asMap()).containsOnlyKeys(TEAM);
        assertThat(second.asMap()).containsOnlyKeys(TOKENS);
        assertThat(builder.reset().build().isEmpty()).isTrue();
    }

    @Test
    void growsPastItsFirstCapacity() {
        final EventAttributes.Builder builder = EventAttributes.builder();
        for (int i = 0; i < 100; i++) {
            builder.put(AttributeKey.longKey("k" + i), (long)i);
        }
        final EventAttributes attributes = builder.build();
        assertThat(attributes.size()).isEqualTo(100);
        assertThat(attributes.get(AttributeKey.longKey("k99"))).isEqualTo(99L);
    }

    @Test
    void setsBuiltOneAfterAnother_keepTheirOwnKeys_whetherTheyShareThemOrNot() {
        final EventAttributes.Builder builder = EventAttributes.builder();
        final EventAttributes first = builder.reset().put(TEAM, "a").put(TOKENS, 1L).build();
        final EventAttributes same = builder.reset().put(TEAM, "b").put(TOKENS, 2L).build();
        final EventAttributes other = builder.reset().put(TEAM, "c").put(FAILED, true).build();
        final EventAttributes longer = builder.reset().put(TEAM, "d").put(TOKENS, 4L).put(FAILED, false).build();
        final EventAttributes again = builder.reset().put(TEAM, "e").put(TOKENS, 5L).build();

        assertThat(first).isEqualTo(Attributes.of(TEAM, "a", TOKENS, 1L));
        assertThat(same).isEqualTo(Attributes.of(TEAM, "b", TOKENS, 2L));
        assertThat(other).isEqualTo(Attributes.of(TEAM, "c", FAILED, true));
        assertThat(longer).isEqualTo(Attributes.of(TEAM, "d", TOKENS, 4L, FAILED, false));
        assertThat(again).isEqualTo(Attributes.of(TEAM, "e", TOKENS, 5L));
        assertThat(first.get(FAILED)).isNull();
        assertThat(other.get(TOKENS)).isNull();
    }
}
