package io.genops.exporters.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.exporters.testing.TestEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    @Test
    void anEventsSpanId_isTheDigestOfSessionSequenceAndTime_asText() {
        final Ids ids = new Ids();
        for (final String session : new String[] {"s-1", "séance-ü-€-😀", "", "a-much-longer-session-id-".repeat(9)}) {
            for (final long sequence : new long[] {0, 7, 1_234_567_890_123L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
                for (final long millis : new long[] {0, 1_796_292_930_123L, -86_400_000L, Long.MIN_VALUE}) {
                    final Ids.EventIds event = ids.of(TestEvent.interaction(sequence, session, "bot").at(millis));
                    final String digest = sha256Hex(session + "\n" + sequence + "\n" + millis);

                    assertThat(event.context().getSpanId()).as("%s / %d / %d", session, sequence, millis)
                        .isEqualTo(digest.substring(0, 16));
                    assertThat(event.context().getTraceId()).isEqualTo(sha256Hex(session).substring(0, 32));
                    assertThat(event.session().getSpanId()).isEqualTo(sha256Hex(session).substring(32, 48));
                }
            }
        }
    }

    @Test
    void anEventOutsideASession_takesItsTraceIdFromItsOwnDigest_andHasNoParent() {
        final Ids.EventIds event = new Ids().of(TestEvent.interaction(42, null, "bot").at(1_700_000_000_000L));
        final String digest = sha256Hex("\n42\n1700000000000");

        assertThat(event.context().getSpanId()).isEqualTo(digest.substring(0, 16));
        assertThat(event.context().getTraceId()).isEqualTo(digest.substring(16, 48));
        assertThat(event.session()).isNull();
    }

    @Test
    void aSessionsOwnRecord_carriesTheSessionSpan() {
        final Ids ids = new Ids();
        final Ids.EventIds closed = ids.of(TestEvent.closedSession(9, "s-9", "night shift", 1_000));
        final Ids.EventIds child = ids.of(TestEvent.interaction(3, "s-9", "bot"));

        assertThat(closed.context().getTraceId()).isEqualTo(sha256Hex("s-9").substring(0, 32));
        assertThat(closed.context().getSpanId()).isEqualTo(sha256Hex("s-9").substring(32, 48));
        assertThat(closed.session()).isNull();
        assertThat(child.session()).isEqualTo(closed.context());
    }

    @Test
    void decimal_writesWhatLongToStringWrites() {
        final byte[] into = new byte[24];
        final long[] values = {0, 9, 10, 99, 100, 1_000_000_007L, Long.MAX_VALUE, -1, -10, Long.MIN_VALUE};
        for (final long value : values) {
            final int end = Ids.decimal(value, into, 2);
            assertThat(new String(into, 2, end - 2, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
        }
    }

    private static String sha256Hex(final String text) {
        try {
            final StringBuilder hex = new StringBuilder();
            for (final byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
