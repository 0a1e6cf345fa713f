package io.genops.exporters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.exporters.prometheus.internal.AgentTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentTypesTest {
    @ParameterizedTest
    @CsvSource({
        "support-bot-3, support-bot",
        "support-bot-17, support-bot",
        "bot-12-3, bot-12",
        "support-bot, support-bot",
        "agent7, agent7",
        "42, 42",
        "-3, -3",
        "a-, a-",
        "x-1, x",
    })
    void fromId_instanceSuffix_isStripped(final String id, final String type) {
        assertThat(AgentTypes.fromId(id)).isEqualTo(type);
    }
}
