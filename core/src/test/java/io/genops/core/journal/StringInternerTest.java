package io.genops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringInternerTest {
    private final StringInterner strings = new StringInterner(4);

    @Test
    void theSameBytes_giveTheSameInstance_andItsSlotFindsItWithoutHashing() {
        final byte[] record = "..support..".getBytes(StandardCharsets.UTF_8);
        final String first = strings.intern(record, 2, 7);
        final int slot = strings.lastSlot();
        assertThat(first).isEqualTo("support");
        assertThat(strings.intern("support".getBytes(StandardCharsets.UTF_8), 0, 7)).isSameAs(first);
        assertThat(strings.at(slot, record, 2, 7)).isSameAs(first);
        assertThat(strings.at(slot, record, 2, 6)).as("other bytes").isNull();
    }

    @Test
    void aSlotTakenOverByAnotherString_nolongerAnswersForTheOldOne() {
        final byte[][] values = new byte[40][];
        for (int i = 0; i < values.length; i++) {
            values[i] = ("team-" + i).getBytes(StandardCharsets.UTF_8);
        }
        strings.intern(values[0], 0, values[0].length);
        final int slot = strings.lastSlot();
        for (int i = 1; i < values.length; i++) {
            strings.intern(values[i], 0, values[i].length);
            if (strings.lastSlot() == slot) {
                assertThat(strings.at(slot, values[0], 0, values[0].length)).isNull();
                assertThat(strings.at(slot, values[i], 0, values[i].length)).isEqualTo("team-" + i);
                return;
            }
        }
        throw new AssertionError("forty strings in four slots never shared one");
    }
}
