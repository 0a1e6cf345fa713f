package io.genops.exporters.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void sessionTraceId_isTheFirst128BitsOfSha256OfTheSessionId() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 example)
        assertThat(new Ids().sessionTraceId("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
    }

    @Test
    void hex_ofAllZeroBytes_setsTheLastBit_soTheIdStaysValid() {
        assertThat(Ids.hex(new byte[8], 0, 8)).isEqualTo("0000000000000001");
        assertThat(Ids.hex(new byte[] {(byte)0xAB, 0x01, (byte)0xFF}, 0, 3)).isEqualTo("ab01ff");
    }

    @Test
    void sessionTraceIds_areStable_whetherCachedOrNot() {
        final Ids ids = new Ids();
        final String first = ids.sessionTraceId("session-0");
        for (int i = 1; i <= Ids.CACHED_SESSIONS + 10; i++) {
            ids.sessionTraceId("session-" + i);
        }
        assertThat(ids.sessionTraceId("session-0")).isEqualTo(first).isEqualTo(new Ids().sessionTraceId("session-0"));
    }
}
