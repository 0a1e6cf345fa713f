package io.genops.core.journal;

import static io.genops.core.journal.TestEvent.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.genops.core.Samples;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordViewDamageTest {
    /** Numbers a record stores when the cost is not overridden: all but the total cost. */
    private static final int NUMBERS = 11;
    /** Where the ordinals byte sits when all eleven numbers take one byte. */
    private static final int ORDINALS_OFFSET = RecordCodec.OFFSET_VARIABLE + NUMBERS;
    private static final int TEAM = 1;
    private static final int PROJECT = 2;
    private static final int ERROR = 13;
    private static final int GROUP = 14;

    private final RecordView view = new RecordView();

    @Test
    void wrap_anySingleByteChanged_reportsBadChecksum() {
        for (final TestEvent event : damageTargets()) {
            final byte[] record = Records.encode(event, 0x1234_5678_9ABC_DEF0L);
            for (int position = 0; position < record.length; position++) {
                for (final int mask : new int[] {0x01, 0x80, 0xFF, 0x5A}) {
                    final byte[] damaged = record.clone();
                    damaged[position] ^= (byte)mask;

                    assertThat(view.wrap(damaged, damaged.length))
                        .as("%s record, byte %d of %d xor %02x", event.kind, position, record.length, mask)
                        .isEqualTo(RecordView.BAD_CHECKSUM);
                }
            }
        }
    }

    @Test
    void wrap_anyTruncation_isNeverOk() {
        for (final TestEvent event : damageTargets()) {
            final byte[] record = Records.encode(event, 77);
            for (int length = 0; length < record.length; length++) {
                final int cut = length;

                assertThat(view.wrap(Arrays.copyOf(record, cut), cut)).as("%s cut to %d", event.kind, cut)
                    .isNotEqualTo(RecordView.OK);
                assertThat(view.wrap(record, cut)).as("%s prefix of %d", event.kind, cut)
                    .isEqualTo(cut < 24 ? RecordView.TRUNCATED : RecordView.BAD_CHECKSUM);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 0x7F, 0x80, 0xFF})
    void wrap_newerVersionWithValidChecksum_reportsNewerVersion(final int version) {
        final byte[] record = Records.encode(TestEvent.supportInteraction(), 0);
        record[0] = (byte)version;

        assertThat(view.wrap(Records.reseal(record), record.length)).isEqualTo(RecordView.NEWER_VERSION);
    }

    @Test
    void wrap_versionZeroWithValidChecksum_isMalformed() {
        final byte[] record = Records.encode(TestEvent.supportInteraction(), 0);
        record[0] = 0;

        assertThat(view.wrap(Records.reseal(record), record.length)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void shouldEncodeTheEmptyInteractionAsTheSmallestRecord() {
        final byte[] record = Records.encode(new TestEvent(), 0);

        assertThat(record).isEqualTo(Records.sealed(minimalBody().toByteArray())).hasSize(38);
        assertThat(view.wrap(record, record.length)).isEqualTo(RecordView.OK);
    }

    /** The cost after the sequence only because it is overridden; the mask, then only the strings it names. */
    @Test
    void shouldEncodeTheOverriddenCostAndOnlyThePresentStringsAsDrawnInTheLayout() {
        final TestEvent event = new TestEvent();
        event.costOverridden = true;
        event.costNanos = 5;
        event.modelCostNanos = 2;
        event.platformCostNanos = 1;
        event.latencyNanos = 300_999;
        event.team = "ab";
        event.error = "";
        event.content = "c";
        final Body body = header(1).varint(0).varint(5).varint(2).varint(1).varint(300).numbers(NUMBERS - 4)
            .ordinals().mask(1 << TEAM | 1 << ERROR).varint(2).ascii("ab").varint(0).varint(1).ascii("c");
        body.set(2, RecordCodec.FLAG_CONTENT | RecordCodec.FLAG_COST_OVERRIDE);

        assertThat(Records.encode(event, 0)).isEqualTo(Records.sealed(body.toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 0x7F, 0xFF})
    void wrap_unknownKindCode_isMalformed(final int code) {
        final Body body = minimalBody();
        body.set(1, code);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x0F, 0x40, 0xF0})
    void wrap_unknownPolicyResultOrReasonCode_isMalformed(final int policy) {
        final Body body = minimalBody();
        body.set(3, policy);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x05, 0x0F, 0x50, 0xF0})
    void wrap_unknownComplexityOrFrequencyCode_isMalformed(final int ordinals) {
        final Body body = minimalBody();
        body.set(ORDINALS_OFFSET, ordinals);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** Bit 5 belongs to sessions only. */
    @Test
    void wrap_sessionTotalsFlagOnAnInteraction_isMalformed() {
        final Body body = minimalBody();
        body.set(2, RecordCodec.FLAG_TOTALS_PARTIAL);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** Bit 7 announces an answer after the content; with it set and no string there, the record is short. */
    @ParameterizedTest
    @ValueSource(ints = {0x80, 0x88})
    void wrap_outputFlagWithoutTheOutput_isMalformed(final int flags) {
        final Body body = minimalBody();
        body.set(2, flags);
        if ((flags & RecordCodec.FLAG_CONTENT) != 0) {
            body.varint(1).ascii("c");
        }

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** Content, then the answer, each with its length; the flags alone say they are there. */
    @Test
    void wrap_contentAndOutputAfterTheStrings_readsBoth() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM).varint(2).ascii("ab").varint(3)
            .ascii("why").varint(7).ascii("because");
        body.set(2, RecordCodec.FLAG_CONTENT | RecordCodec.FLAG_OUTPUT);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.team()).isEqualTo("ab");
        assertThat(view.content()).isEqualTo("why");
        assertThat(view.output()).isEqualTo("because");
    }

    /** An answer alone follows the strings directly. */
    @Test
    void wrap_outputWithoutContent_readsTheOutput() {
        final Body body = header(1).numbers().ordinals().mask(0).varint(2).ascii("ok");
        body.set(2, RecordCodec.FLAG_OUTPUT);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.content()).isNull();
        assertThat(view.output()).isEqualTo("ok");
    }

    /** A record written before answers were journaled has content and no bit 7: it reads as one without an answer. */
    @Test
    void wrap_recordWithContentFromBeforeTheOutputFlag_readsNoOutput() {
        final Body body = header(1).numbers().ordinals().mask(0).varint(3).ascii("why");
        body.set(2, RecordCodec.FLAG_CONTENT);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.content()).isEqualTo("why");
        assertThat(view.output()).isNull();
    }

    /** A content string and no answer, though both flags are set: the answer's length is missing. */
    @Test
    void wrap_bothTextFlagsButOneText_isMalformed() {
        final Body body = header(1).numbers().ordinals().mask(0).varint(3).ascii("why");
        body.set(2, RecordCodec.FLAG_CONTENT | RecordCodec.FLAG_OUTPUT);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_bytesAfterTheLastString_isMalformed() {
        final Body body = minimalBody();
        body.write(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_lastStringMissing_isMalformed() {
        final Body body = header(1).numbers().ordinals().mask(1 << ERROR);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_maskCutToOneByte_isMalformed() {
        final Body body = header(1).numbers().ordinals().zeros(1);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /**
     * Bit 15 names a string version 1 does not have. Every string the low bits name is there, as an
     * empty one, so the high bit is the only fault.
     */
    @ParameterizedTest(name = "mask {0}")
    @ValueSource(ints = {0x8000, 0xC000, 0xBFFF, 0xFFFF})
    void wrap_maskBitFifteen_isMalformed(final int mask) {
        final Body body = header(1).numbers().ordinals().mask(mask);
        body.zeros(Integer.bitCount(mask & 0x7FFF));

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** Bit 14 is the agent group, the last string before content. */
    @Test
    void wrap_maskBitFourteen_readsTheGroup() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM | 1 << GROUP).varint(2).ascii("ab")
            .varint(8).ascii("critical");

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.team()).isEqualTo("ab");
        assertThat(view.group()).isEqualTo("critical");
    }

    /** A record written before agent groups existed has no bit 14, and reads as one of the default group. */
    @Test
    void wrap_recordWithoutGroup_readsTheDefaultGroup() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM).varint(2).ascii("ab");

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.group()).isEqualTo(TestEvent.DEFAULT_GROUP);
    }

    @Test
    void wrap_groupAnnouncedButMissing_isMalformed() {
        final Body body = header(1).numbers().ordinals().mask(1 << GROUP);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_everyStringPresentAndEmpty_isRead() {
        final Body body = header(1).numbers().ordinals().mask(0x7FFF).zeros(15);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(fields(view)).isEqualTo(fields(everyStringEmpty()));
    }

    /** Bit 6 announces a budget after the numbers: codes and exponent, mantissa, consumed. */
    @Test
    void wrap_budgetFlag_readsTheBudgetBeforeTheStrings() {
        final Body body = header(1).numbers().ordinals().octet(1 | 2 << 2 | 9 << 4).varint(3).varint(130)
            .mask(1 << PROJECT).varint(2).ascii("cd");
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.budgetName()).isEqualTo("project:cd:monthly");
        assertThat(view.budgetLimitNanos()).isEqualTo(3_000_000_000L);
        assertThat(view.budgetConsumedNanos()).isEqualTo(130);
    }

    @Test
    void wrap_budgetWindowCodeThree_isMalformed() {
        final Body body = header(1).numbers().ordinals().octet(3 << 2).varint(3).varint(1).mask(1 << TEAM)
            .varint(2).ascii("ab");
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** Scope code 1 is the project's budget, and the record carries only a team. */
    @Test
    void wrap_budgetWithoutItsKeyString_isMalformed() {
        final Body body = header(1).numbers().ordinals().octet(1).varint(3).varint(1).mask(1 << TEAM).varint(2)
            .ascii("ab");
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_teamAndProjectBudgetWithoutTheProject_isMalformed() {
        final Body body = header(1).numbers().ordinals().octet(3).varint(3).varint(1).mask(1 << TEAM).varint(2)
            .ascii("ab");
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** A writer keeps the limit within 64 bits; 10,000 times 10^15 is beyond. */
    @Test
    void wrap_budgetLimitOverflowing64Bits_isMalformedNotThrown() {
        final Body body = header(1).numbers().ordinals().octet(15 << 4).varint(10_000).varint(1).mask(1 << TEAM)
            .varint(2).ascii("ab");
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_budgetFlagWithoutTheBudget_isMalformed() {
        final Body body = minimalBody();
        body.set(2, RecordCodec.FLAG_BUDGET);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_costOverrideFlagWithoutTheCost_isMalformed() {
        final Body body = minimalBody();
        body.set(2, RecordCodec.FLAG_COST_OVERRIDE);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** A writer keeps the derived cost within 64 bits; a record whose parts add up beyond is damaged. */
    @Test
    void wrap_derivedCostOverflowing64Bits_isMalformedNotThrown() {
        final Body body = header(1).varint(0).varint(Long.MAX_VALUE).varint(1).numbers(NUMBERS - 3).ordinals()
            .mask(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /** A writer stores nanoseconds / 1000; microseconds whose nanoseconds exceed 64 bits mean damage. */
    @Test
    void wrap_latencyMicrosecondsOverflowingNanoseconds_isMalformedNotThrown() {
        final Body body = header(1).varint(0).varint(0).varint(0).varint(Long.MAX_VALUE / 1_000 + 1)
            .numbers(NUMBERS - 4).ordinals().mask(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_contentFlagWithoutContent_isMalformed() {
        final Body body = minimalBody();
        body.set(2, RecordCodec.FLAG_CONTENT);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_stringLongerThanTheRecord_isMalformed() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM | 1 << PROJECT).varint(3).ascii("abc")
            .varint(200).ascii("short");

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    /**
     * A team length of -1 once cast to int steps the reader back onto the length's own last byte,
     * which reads as a 15-byte project; every byte is then accounted for, so without a check on
     * each length the record passed as OK and {@code team()} threw.
     */
    @Test
    void wrap_negativeStringLengthThatStillAddsUp_isMalformed() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM | 1 << PROJECT).varint(0xFFFF_FFFFL)
            .ascii("fifteen-chars!!");

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_stringLengthBeyond32Bits_isMalformedNotTruncatedToItsLowBits() {
        final Body body = header(1).numbers().ordinals().mask(1 << TEAM).varint((1L << 32) + 3).ascii("abc");

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_varintOfElevenBytes_isMalformed() {
        final Body body = header(1);
        for (int i = 0; i < 10; i++) {
            body.write(0x80);
        }
        body.write(0);
        body.numbers(NUMBERS - 1).ordinals().mask(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_varintOverflowing64Bits_isMalformed() {
        final Body body = header(1);
        for (int i = 0; i < 9; i++) {
            body.write(0xFF);
        }
        body.write(0x02);
        body.numbers(NUMBERS - 1).ordinals().mask(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_largestVarint_isRead() {
        final Body body = header(1).varint(-1).numbers(NUMBERS - 1).ordinals().mask(0);

        assertThat(wrapSealed(body)).isEqualTo(RecordView.OK);
        assertThat(view.sequence()).isEqualTo(-1);
    }

    /** A signal whose 16 bytes of doubles would run past the end of an array cut exactly to the record. */
    @Test
    void wrap_signalCutShortInAnExactArray_isMalformedNotThrown() {
        final Body body = header(2).numbers().ordinals().ascii("12345678");
        final byte[] record = Records.sealed(body.toByteArray());

        assertThat(view.wrap(record, record.length)).isEqualTo(RecordView.MALFORMED);
    }

    @Test
    void wrap_randomGarbageWithValidChecksum_neverThrowsAndIsReadableWhenOk() {
        final SplittableRandom random = new SplittableRandom(Samples.SEED);
        int malformed = 0;
        for (int run = 0; run < Samples.RUNS; run++) {
            final byte[] body = new byte[random.nextInt(120)];
            random.nextBytes(body);
            if (body.length > 3) {
                body[0] = RecordCodec.VERSION;
                body[1] = (byte)(1 + random.nextInt(3));
                body[2] &= 0x5F;
                body[3] &= 0x33;
            }
            final byte[] record = Records.sealed(body);
            final int[] result = new int[1];

            assertThatCode(() -> result[0] = view.wrap(record, record.length)).as(Samples.run(run))
                .doesNotThrowAnyException();
            if (result[0] == RecordView.OK) {
                assertThatCode(() -> fields(view)).as(Samples.run(run)).doesNotThrowAnyException();
            }
            malformed += result[0] == RecordView.MALFORMED ? 1 : 0;
        }

        assertThat(malformed).as("records long enough to decode").isGreaterThan(Samples.RUNS * 3 / 4);
    }

    private static TestEvent[] damageTargets() {
        final TestEvent interaction = TestEvent.supportInteraction();
        interaction.content = "Où est mon colis ? 📦";
        interaction.output = "Il arrive demain.";
        return new TestEvent[] {interaction, TestEvent.signal("csat", 4.5, Double.NaN), TestEvent.alertRule("x", 3)};
    }

    private int wrapSealed(final Body body) {
        final byte[] record = Records.sealed(body.toByteArray());
        return view.wrap(record, record.length);
    }

    /** An interaction with every number zero, no ordinals and all fifteen strings absent. */
    private static Body minimalBody() {
        return header(1).numbers().ordinals().mask(0);
    }

    private static TestEvent everyStringEmpty() {
        final TestEvent event = new TestEvent();
        event.sessionId = "";
        event.team = "";
        event.project = "";
        event.environment = "";
        event.customerId = "";
        event.costCenter = "";
        event.feature = "";
        event.agentId = "";
        event.name = "";
        event.conversationId = "";
        event.userId = "";
        event.model = "";
        event.provider = "";
        event.error = "";
        event.group = "";
        return event;
    }

    private static Body header(final int kind) {
        final Body body = new Body();
        body.write(RecordCodec.VERSION);
        body.write(kind);
        body.write(new byte[RecordCodec.OFFSET_VARIABLE - 2], 0, RecordCodec.OFFSET_VARIABLE - 2);
        return body;
    }

    /** A record body written byte by byte, with {@code bytes} exposed for in-place edits. */
    private static final class Body extends ByteArrayOutputStream {
        void set(final int offset, final int value) {
            buf[offset] = (byte)value;
        }

        /** The numbers of a record whose cost is not overridden, all zero. */
        Body numbers() {
            return numbers(NUMBERS);
        }

        Body numbers(final int count) {
            return zeros(count);
        }

        Body ordinals() {
            return zeros(1);
        }

        /** One byte, such as a budget's codes. */
        Body octet(final int value) {
            write(value);
            return this;
        }

        /** {@code count} zero bytes: zero numbers, no ordinals or empty strings. */
        Body zeros(final int count) {
            for (int i = 0; i < count; i++) {
                write(0);
            }
            return this;
        }

        /** The string presence mask, little-endian. */
        Body mask(final int mask) {
            write(mask & 0xFF);
            write(mask >>> 8 & 0xFF);
            return this;
        }

        Body varint(final long value) {
            long remaining = value;
            while ((remaining & ~0x7FL) != 0) {
                write((int)(remaining & 0x7F) | 0x80);
                remaining >>>= 7;
            }
            write((int)remaining);
            return this;
        }

        Body ascii(final String text) {
            for (int i = 0; i < text.length(); i++) {
                write(text.charAt(i));
            }
            return this;
        }
    }
}
