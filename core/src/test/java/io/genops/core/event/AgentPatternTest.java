package io.genops.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentPatternTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "critical-*, critical-billing, true",
        "critical-*, critical-, true",
        "critical-*, non-critical-billing, false",
        "critical-*, Critical-billing, false",
        "*-billing, eu-billing, true",
        "*-billing, -billing, true",
        "*-billing, eu-billing-2, false",
        "support-bot-1, support-bot-1, true",
        "support-bot-1, support-bot-10, false",
        "*, anything, true",
        "a*b*c, axxbyyc, true",
        "a*b*c, abcbc, true",
        "a*b*c, acb, false",
        "*bot*, support-bot-7, true",
        "**x, yyx, true",
        "a*a*a*a*b, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, false",
    })
    void matches_starIsAnyRunOfCharacters(final String pattern, final String agentId, final boolean matches) {
        assertThat(AgentPattern.of(pattern).matches(agentId)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "critical-*"})
    void matches_null_isFalse(final String pattern) {
        assertThat(AgentPattern.of(pattern).matches(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot-?", "bot-[12]", "bot-{a,b}", "bot]"})
    void of_otherGlobWildcards_areRefusedNamingTheCharacter(final String pattern) {
        assertThatThrownBy(() -> AgentPattern.of(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + pattern + "'").hasMessageContaining("only * is a wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void of_blank_isRefused(final String pattern) {
        assertThatThrownBy(() -> AgentPattern.of(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("an agent pattern must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"critical *", "critical-\t*"})
    void of_whiteSpace_isRefused(final String pattern) {
        assertThatThrownBy(() -> AgentPattern.of(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("white space");
    }
}
