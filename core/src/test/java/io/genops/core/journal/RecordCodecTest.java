package io.genops.core.journal;

import static io.genops.core.journal.TestEvent.fields;
import static io.genops.core.journal.TestEvent.journaled;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Samples;
import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCodecTest {
    private final RecordCodec codec = new RecordCodec();
    private final RecordView view = new RecordView();

    @Test
    void shouldRoundTripEveryFieldOfAnInteraction() {
        final TestEvent event = TestEvent.supportInteraction();
        event.costCenter = "cc-4410";
        event.feature = "ticket-triage";
        event.userId = "agent_77";
        event.error = "RateLimitError";
        event.content = "Where is my parcel?";
        event.output = "It left the depot this morning and arrives tomorrow.";
        event.cacheReadTokens = 1_024;
        event.cacheCreationTokens = 512;
        event.reasoningTokens = 64;
        event.complexity = Complexity.COMPLEX;
        event.policyResult = PolicyResult.WARNING;
        event.policyReason = PolicyReason.BUDGET_THRESHOLD;
        event.failed = true;

        assertThat(roundTrip(event)).isEqualTo(fields(event));
    }

    @ParameterizedTest(name = "value {0}, threshold {1}")
    @CsvSource({"0.93, 0.9", "0.93, NaN", "-0.0, 0.0", "-1e300, 4.9e-324", "Infinity, -Infinity", "NaN, NaN"})
    void shouldRoundTripASignalsValueAndThresholdBitForBit(final double value, final double threshold) {
        final TestEvent event = TestEvent.signal("escalation_rate", value, threshold);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(Double.doubleToRawLongBits(view.value())).isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(Double.doubleToRawLongBits(view.threshold())).isEqualTo(Double.doubleToRawLongBits(threshold));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 127, 128, Integer.MAX_VALUE, -1})
    void shouldRoundTripAnAlertRulesChannelCount(final int channelCount) {
        final TestEvent event = TestEvent.alertRule("p95 latency", channelCount);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.channelCount()).isEqualTo(channelCount);
    }

    @Test
    void shouldRoundTripAnAlertFiring_withItsValueAndThreshold_apartFromTheRulesCreation() {
        final TestEvent created = TestEvent.alertRule("p95 latency", 2);
        final TestEvent fired = TestEvent.alertRule("p95 latency", 2);
        fired.alertFired = true;
        fired.value = 3_100.5;
        fired.threshold = 2_500;

        final int createdLength = codec.encode(created, 0);
        assertThat(view.wrap(codec.buffer(), createdLength)).isEqualTo(RecordView.OK);
        assertThat(view.alertFired()).isFalse();
        assertThat(view.threshold()).isNaN();

        assertThat(roundTrip(fired)).isEqualTo(fields(fired));
        assertThat(view.alertFired()).isTrue();
        assertThat(view.value()).isEqualTo(3_100.5);
        assertThat(view.threshold()).isEqualTo(2_500);
        assertThat(view.sessionTotalsExact()).as("the bit means a firing on an alert record").isTrue();
        assertThat(codec.buffer()[2] & RecordCodec.FLAG_FIRED).isEqualTo(RecordCodec.FLAG_FIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERACTION", "SIGNAL", "SESSION"})
    void encode_kindOtherThanAlert_isNeverAFiring(final EventKind kind) {
        final TestEvent event = TestEvent.alertRule("rule", 1);
        event.kind = kind;
        event.alertFired = true;

        assertThat(view.wrap(codec.buffer(), codec.encode(event, 0))).isEqualTo(RecordView.OK);

        assertThat(view.alertFired()).isFalse();
    }

    @ParameterizedTest(name = "totals exact {0}")
    @ValueSource(booleans = {true, false})
    void shouldRoundTripAClosedSessionsDurationNameAndTotals(final boolean exact) {
        final TestEvent event = TestEvent.closedSession("customer_support_shift", 1_234, 98_765_432_100L);
        event.sessionTotalsExact = exact;

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.kind()).isEqualTo(EventKind.SESSION);
        assertThat(view.latencyNanos()).isEqualTo(32_500_000_000L);
        assertThat(view.sessionOperations()).isEqualTo(1_234);
        assertThat(view.sessionCostNanos()).isEqualTo(98_765_432_100L);
        assertThat(view.costNanos()).as("the record itself costs nothing").isZero();
        assertThat(codec.buffer()[2] & RecordCodec.FLAG_TOTALS_PARTIAL)
            .isEqualTo(exact ? 0 : RecordCodec.FLAG_TOTALS_PARTIAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERACTION", "SIGNAL", "ALERT"})
    void encode_kindOtherThanSession_writesNoSessionTotals(final EventKind kind) {
        final TestEvent event = TestEvent.closedSession("shift", 7, 9);
        event.kind = kind;
        event.sessionTotalsExact = false;

        assertThat(view.wrap(codec.buffer(), codec.encode(event, 0))).isEqualTo(RecordView.OK);

        assertThat(view.sessionOperations()).isZero();
        assertThat(view.sessionCostNanos()).isZero();
        assertThat(view.sessionTotalsExact()).isTrue();
    }

    @Test
    void decode_partialTotalsFlagOnAnInteraction_isMalformed() {
        final byte[] record = Records.encode(TestEvent.supportInteraction(), 0);
        record[2] |= RecordCodec.FLAG_TOTALS_PARTIAL;

        assertThat(view.wrap(Records.reseal(record), record.length)).isEqualTo(RecordView.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERACTION", "ALERT"})
    void decode_kindWithoutSignal_readsValueZeroAndThresholdNaN(final EventKind kind) {
        final TestEvent event = TestEvent.signal("ignored", 0.5, 0.25);
        event.kind = kind;

        assertThat(view.wrap(codec.buffer(), codec.encode(event, 0))).isEqualTo(RecordView.OK);

        assertThat(view.value()).isZero();
        assertThat(view.threshold()).isNaN();
    }

    @Test
    void shouldRoundTripTheGroupOfAnEventOfADeclaredGroup() {
        final TestEvent event = TestEvent.supportInteraction();
        event.group = "critical-agents";

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.group()).isEqualTo("critical-agents");
        assertThat(view.groupEquals("critical-agents".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(view.groupEquals(TestEvent.DEFAULT_GROUP.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    /** The default group is the absence of a group: it costs no byte, and reads back as the default group. */
    @Test
    void encode_defaultGroup_writesNoGroupAndReadsBackAsTheDefault() {
        final TestEvent event = TestEvent.supportInteraction();
        final int withDefault = codec.encode(event, 0);
        event.group = "critical";
        final int withGroup = codec.encode(event, 0);
        event.group = TestEvent.DEFAULT_GROUP;

        assertThat(withGroup - withDefault).isEqualTo(1 + "critical".length());
        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.group()).isEqualTo(TestEvent.DEFAULT_GROUP);
        assertThat(view.groupEquals(TestEvent.DEFAULT_GROUP.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void shouldKeepAbsentStringsAbsent() {
        final TestEvent event = new TestEvent();

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.team()).isNull();
        assertThat(view.content()).isNull();
        assertThat(view.teamEquals(new byte[0])).as("absent is not empty").isFalse();
    }

    @Test
    void encode_emptyString_readsBackAsEmptyNotAbsent() {
        final TestEvent event = everyStringSetTo("");

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.team()).isEmpty();
        assertThat(view.error()).isEmpty();
        assertThat(view.content()).isEmpty();
        assertThat(view.teamEquals(new byte[0])).isTrue();
    }

    @Test
    void encode_emptyString_costsOneLengthByteMoreThanAbsent() {
        final TestEvent event = TestEvent.supportInteraction();
        final int absent = codec.encode(event, 0);
        event.costCenter = "";

        assertThat(codec.encode(event, 0) - absent).isEqualTo(1);
        assertThat(view.wrap(codec.buffer(), absent + 1)).isEqualTo(RecordView.OK);
        assertThat(view.costCenter()).isEmpty();
        assertThat(view.feature()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "équipe-santé", "漢字", "チーム_東京", "🚀", "bot-🤖-v2", "a€b😀c߿ࠀ\uFFFF", "\u0000"})
    void shouldRoundTripNonAsciiTextInEveryStringField(final String text) {
        final TestEvent event = everyStringSetTo(text);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.teamEquals(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(view.modelEquals(text.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aLongAsciiRun_thenOtherCharacters_isWrittenWholeEvenAfterTheBufferGrew() {
        final String text = "a".repeat(700) + "é" + "b".repeat(300) + "🚀";
        final TestEvent event = everyStringSetTo(text);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.team()).isEqualTo(text);
        assertThat(view.teamEquals(text.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"a\uD800b, a?b", "\uDC00, ?", "x\uD83D, x?", "\uDE80\uD83D, ??", "\uD83D\uD83D\uDE80, ?🚀"})
    void encode_loneSurrogate_becomesQuestionMark(final String written, final String read) {
        final TestEvent event = everyStringSetTo(written);

        roundTrip(event);

        assertThat(fields(view)).isEqualTo(fields(everyStringSetTo(read)));
        assertThat(RecordCodec.utf8Length(written)).isEqualTo(read.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void shouldSetTheContentFlagAndWriteContentOnlyWhenContentIsPresent() {
        final TestEvent event = TestEvent.supportInteraction();
        final byte[] without = Records.encode(event, 0);
        event.content = "hi";
        final byte[] with = Records.encode(event, 0);

        assertThat(without[2] & RecordCodec.FLAG_CONTENT).isZero();
        assertThat(with[2] & RecordCodec.FLAG_CONTENT).isEqualTo(RecordCodec.FLAG_CONTENT);
        assertThat(with.length - without.length).as("one length byte and two characters").isEqualTo(3);
        assertThat(view.wrap(without, without.length)).isEqualTo(RecordView.OK);
        assertThat(view.content()).isNull();
        assertThat(view.wrap(with, with.length)).isEqualTo(RecordView.OK);
        assertThat(view.content()).isEqualTo("hi");
    }

    /** The answer goes after the content, with a length byte of its own, under flag bit 7. */
    @Test
    void shouldSetTheOutputFlagAndWriteTheOutputAfterTheContentOnlyWhenPresent() {
        final TestEvent event = TestEvent.supportInteraction();
        event.content = "hi";
        final byte[] without = Records.encode(event, 0);
        event.output = "Hello! 👋";
        final byte[] with = Records.encode(event, 0);
        final byte[] answer = "Hello! 👋".getBytes(StandardCharsets.UTF_8);

        assertThat(without[2] & RecordCodec.FLAG_OUTPUT).isZero();
        assertThat(with[2] & RecordCodec.FLAG_OUTPUT).isEqualTo(RecordCodec.FLAG_OUTPUT);
        assertThat(with.length - without.length).as("one length byte and the answer's UTF-8")
            .isEqualTo(1 + answer.length);
        final int answerAt = without.length - RecordCodec.CHECKSUM_BYTES;
        assertThat(with[answerAt]).isEqualTo((byte)answer.length);
        assertThat(Arrays.copyOfRange(with, answerAt + 1, answerAt + 1 + answer.length)).isEqualTo(answer);
        assertThat(view.wrap(without, without.length)).isEqualTo(RecordView.OK);
        assertThat(view.output()).isNull();
        assertThat(view.wrap(with, with.length)).isEqualTo(RecordView.OK);
        assertThat(view.content()).isEqualTo("hi");
        assertThat(view.output()).isEqualTo("Hello! 👋");
    }

    @Test
    void shouldRoundTripAnOutputWithoutContent_andAnEmptyOutputAsEmptyNotAbsent() {
        final TestEvent event = TestEvent.supportInteraction();
        event.output = "Your parcel arrives tomorrow.";

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.content()).isNull();
        assertThat(view.output()).isEqualTo("Your parcel arrives tomorrow.");
        assertThat(codec.buffer()[2] & RecordCodec.FLAG_CONTENT).isZero();

        event.output = "";

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.output()).isEmpty();
    }

    @Test
    void encode_100kCharacterContentAndOutput_roundTrip() {
        final TestEvent event = TestEvent.supportInteraction();
        event.content = "q".repeat(100_000);
        event.output = "漢".repeat(60_000) + "🚀";

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.output()).hasSize(60_002);
    }

    @Test
    void encode_emptyContent_readsAsEmptyNotAbsent() {
        final TestEvent event = TestEvent.supportInteraction();
        event.content = "";

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.content()).isEmpty();
    }

    @Test
    void shouldRoundTripEveryCombinationOfTheFourFlags() {
        for (int bits = 0; bits < 16; bits++) {
            final TestEvent event = TestEvent.supportInteraction();
            event.costOverridden = (bits & 1) != 0;
            event.sampled = (bits & 2) != 0;
            event.failed = (bits & 4) != 0;
            event.unpriced = (bits & 8) != 0;

            assertThat(roundTrip(event)).as("flags %s", Integer.toBinaryString(bits)).isEqualTo(fields(event));
        }
    }

    @Test
    void shouldRoundTripEveryPolicyResultWithEveryReason() {
        for (final PolicyResult result : PolicyResult.values()) {
            for (final PolicyReason reason : PolicyReason.values()) {
                final TestEvent event = TestEvent.supportInteraction();
                event.policyResult = result;
                event.policyReason = reason;

                assertThat(roundTrip(event)).as("%s / %s", result, reason).isEqualTo(fields(event));
            }
        }
    }

    @Test
    void shouldRoundTripEveryComplexityWithEveryFrequencyOrNone() {
        final Complexity[] complexities = {null, Complexity.SIMPLE, Complexity.MODERATE, Complexity.COMPLEX,
            Complexity.ENTERPRISE};
        final Frequency[] frequencies = {null, Frequency.LOW, Frequency.STANDARD, Frequency.HIGH, Frequency.REALTIME};
        for (final Complexity complexity : complexities) {
            for (final Frequency frequency : frequencies) {
                final TestEvent event = TestEvent.signal("accuracy", 0.97, 0.95);
                event.complexity = complexity;
                event.frequency = frequency;

                assertThat(roundTrip(event)).as("%s / %s", complexity, frequency).isEqualTo(fields(event));
            }
        }
    }

    /** The override stores all three costs, so each can be as large as a varint holds. */
    @Test
    void shouldRoundTripTheLargestNumbersInTheirVarints() {
        final TestEvent event = TestEvent.supportInteraction();
        event.costOverridden = true;
        event.costNanos = Long.MAX_VALUE;
        event.modelCostNanos = Long.MAX_VALUE;
        event.platformCostNanos = Long.MAX_VALUE - 1;
        event.inputTokens = 2_000_000_000_000L;
        event.outputTokens = 1L << 56;
        event.cacheReadTokens = (1L << 63) - 2;
        event.cacheCreationTokens = Integer.MAX_VALUE + 1L;
        event.reasoningTokens = Long.MIN_VALUE;
        event.latencyNanos = -1_000;
        event.sequence = Long.MAX_VALUE;
        event.epochMillis = Long.MIN_VALUE;

        assertThat(roundTrip(event)).isEqualTo(fields(event));
    }

    @Test
    void encode_costOverridden_storesTheCostAsGiven() {
        final TestEvent event = TestEvent.supportInteraction();
        final int derived = codec.encode(event, 0);
        event.costOverridden = true;
        event.costNanos = 5_000_000;

        final int length = codec.encode(event, 0);

        assertThat(codec.buffer()[2] & RecordCodec.FLAG_COST_OVERRIDE).isEqualTo(RecordCodec.FLAG_COST_OVERRIDE);
        assertThat(length - derived).as("5,000,000 takes a four-byte varint").isEqualTo(4);
        assertThat(view.wrap(codec.buffer(), length)).isEqualTo(RecordView.OK);
        assertThat(view.costNanos()).as("not the 6,425,000 of model plus platform").isEqualTo(5_000_000);
        assertThat(fields(view)).isEqualTo(fields(event));
    }

    /**
     * Without the override the cost is not written at all: two events that differ only in it make the
     * same bytes, and both read back the sum of model and platform cost.
     */
    @ParameterizedTest(name = "model {0} + platform {1}")
    @CsvSource({"6325000, 100000", "0, 0", "0, 2000", "-5, 3", "9223372036854775806, 1",
        "4611686018427387903, 4611686018427387904", "-9223372036854775807, -1"})
    void decode_costNotOverridden_isModelPlusPlatformCost(final long model, final long platform) {
        final TestEvent event = TestEvent.supportInteraction();
        event.modelCostNanos = model;
        event.platformCostNanos = platform;
        event.costNanos = model + platform;
        final byte[] sum = Records.encode(event, 0);
        event.costNanos = 1;
        final byte[] other = Records.encode(event, 0);

        assertThat(other).isEqualTo(sum);
        assertThat(sum[2] & RecordCodec.FLAG_COST_OVERRIDE).isZero();
        assertThat(view.wrap(sum, sum.length)).isEqualTo(RecordView.OK);
        assertThat(view.costNanos()).isEqualTo(model + platform);
        assertThat(view.costOverridden()).isFalse();
    }

    @ParameterizedTest(name = "{0} ns reads as {1} ns")
    @CsvSource({"0, 0", "1, 0", "999, 0", "1000, 1000", "1999, 1000", "1200000999, 1200000000", "-1, 0",
        "-999, 0", "-1000, -1000", "-1999, -1000", "9223372036854775807, 9223372036854775000",
        "-9223372036854775808, -9223372036854775000"})
    void encode_latency_keepsWholeMicrosecondsTruncatedTowardZero(final long written, final long read) {
        final TestEvent event = TestEvent.supportInteraction();
        event.latencyNanos = written;

        final Map<String, Object> fields = roundTrip(event);

        assertThat(view.latencyNanos()).isEqualTo(read);
        assertThat(fields).isEqualTo(journaled(event));
    }

    @Test
    void encode_latency_storesMicrosecondsNotNanoseconds() {
        final TestEvent event = new TestEvent();
        final int zero = codec.encode(event, 0);
        event.latencyNanos = 127_999;
        final int oneByte = codec.encode(event, 0);
        event.latencyNanos = 128_000;

        assertThat(oneByte).as("127 microseconds fit the zero's one byte").isEqualTo(zero);
        assertThat(codec.encode(event, 0) - zero).as("128 microseconds need a second byte").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} takes {1} bytes")
    @CsvSource({"0, 1", "127, 1", "128, 2", "16383, 2", "16384, 3", "9223372036854775807, 9", "-1, 10"})
    void encode_number_takesUnsignedLeb128Bytes(final long number, final int bytes) {
        final TestEvent event = new TestEvent();
        final int zero = codec.encode(event, 0);
        event.inputTokens = number;

        assertThat(codec.encode(event, 0) - zero).isEqualTo(bytes - 1);
    }

    @Test
    void shouldWriteTheFixedHeaderAsDrawnInTheLayout() {
        final TestEvent event = TestEvent.supportInteraction();
        event.kind = EventKind.ALERT;
        event.policyResult = PolicyResult.BLOCKED;
        event.policyReason = PolicyReason.BUDGET_EXCEEDED;
        event.unpriced = true;
        final ByteBuffer record = ByteBuffer.wrap(Records.encode(event, 0x0102030405060708L))
            .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(record.get(0)).isEqualTo(RecordCodec.VERSION);
        assertThat(record.get(1)).isEqualTo((byte)3);
        assertThat(record.get(2)).isEqualTo((byte)(RecordCodec.FLAG_SAMPLED | RecordCodec.FLAG_UNPRICED));
        assertThat(record.get(3)).isEqualTo((byte)0x22);
        assertThat(record.getLong(4)).isEqualTo(event.epochMillis);
        assertThat(record.getLong(12)).isEqualTo(0x0102030405060708L);
    }

    @Test
    void shouldRoundTripRandomEvents() {
        final RandomEvents events = new RandomEvents();
        for (int run = 0; run < Samples.RUNS; run++) {
            final TestEvent event = events.next();
            final int length = codec.encode(event, run);

            assertThat(view.wrap(codec.buffer(), length)).as(Samples.run(run)).isEqualTo(RecordView.OK);
            assertThat(fields(view)).as(Samples.run(run)).isEqualTo(journaled(event));
            assertThat(view.previousLink()).as(Samples.run(run)).isEqualTo(run);
        }
    }

    /**
     * The support-desk interaction costs 158 bytes, within the 160 the layout aims at: header 20, the
     * eleven stored numbers 23 (the total cost is derived, latency in microseconds takes 3), ordinals 1,
     * presence mask 2, the nine present strings 108 (the 35-character session id 36 of them) and the
     * checksum 4. The previous layout took 167.
     */
    @Test
    void encode_typicalSupportInteraction_takes158Bytes() {
        assertThat(codec.encode(TestEvent.supportInteraction(), 0x5DEECE66DL)).isLessThanOrEqualTo(160)
            .isEqualTo(158);
    }

    /**
     * Charged to its team's daily budget of 50 USD with 12.35 USD spent, the same interaction takes 7
     * bytes more: the budget's codes and the limit's exponent 1, the limit's mantissa 1, the spend 5. The
     * name costs no string: its key is the team the record carries anyway.
     */
    @Test
    void encode_supportInteractionChargedToItsTeamsDailyBudget_takes165Bytes() {
        final TestEvent event = TestEvent.supportInteraction().budget("team:support:daily", 50_000_000_000L,
            12_345_678_901L);

        assertThat(codec.encode(event, 0x5DEECE66DL)).isEqualTo(165);
    }

    @Test
    void encode_100kCharacterContent_growsTheBufferAndRoundTrips() {
        final TestEvent event = TestEvent.supportInteraction();
        final byte[] initial = codec.buffer();
        event.content = "漢".repeat(50_000) + "x".repeat(50_000);

        final int length = codec.encode(event, 0);

        assertThat(length).isGreaterThan(200_000);
        assertThat(codec.buffer()).isNotSameAs(initial).hasSizeGreaterThanOrEqualTo(length);
        assertThat(view.wrap(codec.buffer(), length)).isEqualTo(RecordView.OK);
        assertThat(fields(view)).isEqualTo(fields(event));
    }

    @Test
    void encode_afterGrowing_keepsTheLargerBufferForSmallRecords() {
        final TestEvent huge = TestEvent.supportInteraction();
        huge.content = "y".repeat(100_000);
        codec.encode(huge, 0);
        final byte[] grown = codec.buffer();
        final TestEvent small = TestEvent.signal("tone", 0.2, 0.5);

        final int length = codec.encode(small, 0);

        assertThat(codec.buffer()).isSameAs(grown);
        assertThat(view.wrap(codec.buffer(), length)).isEqualTo(RecordView.OK);
        assertThat(fields(view)).isEqualTo(fields(small));
    }

    @Test
    void link_ofTheRecordJustEncoded_equalsTheLinkOfItsCopyAndItsView() {
        final int length = codec.encode(TestEvent.supportInteraction(), 42);
        final byte[] copy = Records.encode(TestEvent.supportInteraction(), 42);

        assertThat(view.wrap(copy, copy.length)).isEqualTo(RecordView.OK);
        assertThat(codec.link(length)).isEqualTo(RecordCodec.link(copy, copy.length)).isEqualTo(view.link());
    }

    private Map<String, Object> roundTrip(final TestEvent event) {
        final int length = codec.encode(event, 0);
        assertThat(view.wrap(codec.buffer(), length)).as("wrap").isEqualTo(RecordView.OK);
        assertThat(view.length()).isEqualTo(length);
        return fields(view);
    }

    private static TestEvent everyStringSetTo(final String text) {
        final TestEvent event = new TestEvent();
        event.sessionId = text;
        event.team = text;
        event.project = text;
        event.environment = text;
        event.customerId = text;
        event.costCenter = text;
        event.feature = text;
        event.agentId = text;
        event.group = text;
        event.name = text;
        event.conversationId = text;
        event.userId = text;
        event.model = text;
        event.provider = text;
        event.error = text;
        event.content = text;
        event.output = text;
        return event;
    }
}
