package io.genops.core.journal;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A reusable, read-only view of one journal record in the layout of {@link RecordCodec}.
 * {@link #wrap} checks the record and decodes its numbers; strings are decoded when asked for,
 * through a cache that returns the same instance for the same bytes. Reading a record allocates
 * nothing once the strings it names have been seen, save its content and output: those are decoded
 * apart from the cache, once per record and only when asked for.
 *
 * <p>Not thread-safe, and valid only until the next {@link #wrap}.
 */
public final class RecordView implements EventView {
    /** {@link #wrap} results. */
    public static final int OK = 0;
    public static final int TRUNCATED = 1;
    public static final int BAD_CHECKSUM = 2;
    public static final int NEWER_VERSION = 3;
    public static final int MALFORMED = 4;

    private static final int STRING_FIELDS = 17;
    private static final int SESSION_ID = 0;
    private static final int TEAM = 1;
    private static final int PROJECT = 2;
    private static final int ENVIRONMENT = 3;
    private static final int CUSTOMER_ID = 4;
    private static final int COST_CENTER = 5;
    private static final int FEATURE = 6;
    private static final int AGENT_ID = 7;
    private static final int NAME = 8;
    private static final int CONVERSATION_ID = 9;
    private static final int USER_ID = 10;
    private static final int MODEL = 11;
    private static final int PROVIDER = 12;
    private static final int ERROR = 13;
    private static final int GROUP = 14;
    /** Content is not in the presence mask: the content flag says whether it is there. */
    private static final int CONTENT = 15;
    /** Nor is the output: the output flag says whether it is there. */
    private static final int OUTPUT = 16;
    /** Mask bits no version 1 writer sets. */
    private static final int MASK_UNKNOWN = ~((1 << CONTENT) - 1) & 0xFFFF;
    private static final byte[] DEFAULT_GROUP_UTF8 = DEFAULT_GROUP.getBytes(StandardCharsets.UTF_8);
    /** The length of a string the record does not carry. */
    private static final int ABSENT = -1;
    /** The budget code of a record charged to no budget. */
    private static final int NO_BUDGET = -1;
    /** Recent budget names kept for reuse, a power of two. */
    private static final int BUDGET_NAME_SLOTS = 64;

    private final CRC32C crc = new CRC32C();
    private final StringInterner strings = new StringInterner(4096);
    private final int[] stringOffsets = new int[STRING_FIELDS];
    private final int[] stringLengths = new int[STRING_FIELDS];
    /** Per string field, the interner's slot of the value it held last: teams and models repeat. */
    private final int[] lastSlots = new int[STRING_FIELDS];
    private final long[] numbers = new long[12];
    /**
     * The content and output of the record wrapped, once decoded. They bypass the interner: texts seldom
     * repeat, and up to 4,096 kept copies of texts of any length would hold memory without bound.
     */
    private String contentText;
    private String outputText;

    private byte[] bytes;
    private int length;
    private int position;
    private EventKind kind;
    private int flags;
    private PolicyResult policyResult;
    private PolicyReason policyReason;
    private Complexity complexity;
    private Frequency frequency;
    private double value;
    private double threshold;
    private long sessionOperations;
    private long sessionCostNanos;
    private int budgetCode = NO_BUDGET;
    private long budgetLimitNanos;
    private long budgetConsumedNanos;
    /**
     * Names made lately, direct-mapped by code and key identity, with the codes and key strings each was
     * made of: names repeat as keys do, and alternating teams find their own.
     */
    private final String[] budgetNames = new String[BUDGET_NAME_SLOTS];
    private final int[] budgetNameCodes = new int[BUDGET_NAME_SLOTS];
    private final String[] budgetFirstKeys = new String[BUDGET_NAME_SLOTS];
    private final String[] budgetSecondKeys = new String[BUDGET_NAME_SLOTS];

    /**
     * Points the view at {@code bytes[0, length)} and checks it.
     *
     * @return {@link #OK}, or why the record cannot be read
     */
    public int wrap(final byte[] bytes, final int length) {
        this.bytes = bytes;
        this.length = length;
        contentText = null;
        outputText = null;
        if (length < RecordCodec.OFFSET_VARIABLE + RecordCodec.CHECKSUM_BYTES) {
            return TRUNCATED;
        }
        crc.reset();
        crc.update(bytes, 0, length - RecordCodec.CHECKSUM_BYTES);
        if ((int)crc.getValue() != (int)RecordCodec.INTS.get(bytes, length - RecordCodec.CHECKSUM_BYTES)) {
            return BAD_CHECKSUM;
        }
        final int version = bytes[0] & 0xFF;
        if (version > RecordCodec.VERSION) {
            return NEWER_VERSION;
        }
        if (version < RecordCodec.VERSION) {
            return MALFORMED;
        }
        try {
            decode();
            return position == length - RecordCodec.CHECKSUM_BYTES ? OK : MALFORMED;
        } catch (final ArrayIndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            return MALFORMED;
        }
    }

    /** A word for a {@link #wrap} result, for reports. */
    public static String describe(final int result) {
        switch (result) {
            case OK:
                return "ok";
            case TRUNCATED:
                return "truncated record";
            case BAD_CHECKSUM:
                return "checksum mismatch";
            case NEWER_VERSION:
                return "record of a newer version";
            default:
                return "malformed record";
        }
    }

    private void decode() {
        final int end = length - RecordCodec.CHECKSUM_BYTES;
        kind = EventKind.ofCode(bytes[1]);
        flags = bytes[2] & 0xFF;
        if ((flags & ~RecordCodec.FLAGS_KNOWN) != 0) {
            throw new IllegalArgumentException("flag bits " + flags + " include some version 1 never sets");
        }
        policyResult = PolicyResult.ofCode(bytes[3] & 0x0F);
        policyReason = PolicyReason.ofCode((bytes[3] >>> 4) & 0x0F);
        position = RecordCodec.OFFSET_VARIABLE;
        decodeNumbers();
        final int ordinals = bytes[position++];
        complexity = RecordCodec.complexityOf(ordinals & 0x0F);
        frequency = RecordCodec.frequencyOf((ordinals >>> 4) & 0x0F);
        value = 0;
        threshold = Double.NaN;
        if (kind == EventKind.SIGNAL || alertFired()) {
            requireWithin(position + 16, end);
            value = Double.longBitsToDouble((long)RecordCodec.LONGS.get(bytes, position));
            threshold = Double.longBitsToDouble((long)RecordCodec.LONGS.get(bytes, position + 8));
            position += 16;
        }
        sessionOperations = 0;
        sessionCostNanos = 0;
        if (kind == EventKind.SESSION) {
            sessionOperations = readVarLong();
            sessionCostNanos = readVarLong();
        }
        if ((flags & RecordCodec.FLAG_TOTALS_PARTIAL) != 0 && kind != EventKind.SESSION
            && kind != EventKind.ALERT) {
            throw new IllegalArgumentException("only a session record marks its totals partial, and only an alert "
                + "record a firing");
        }
        decodeBudget();
        decodeStrings(end);
        if (budgetCode != NO_BUDGET) {
            requireBudgetKey();
        }
    }

    /** The budget's codes, limit (mantissa times a power of ten) and consumed amount, when the flag says so. */
    private void decodeBudget() {
        budgetCode = NO_BUDGET;
        budgetLimitNanos = 0;
        budgetConsumedNanos = 0;
        if ((flags & RecordCodec.FLAG_BUDGET) == 0) {
            return;
        }
        final int code = bytes[position++] & 0xFF;
        if (!BudgetNames.valid(code)) {
            throw new IllegalArgumentException("budget window code " + (code >>> 2 & 3) + " is unknown");
        }
        budgetLimitNanos = Math.multiplyExact(readVarLong(), RecordCodec.POWERS_OF_TEN[code >>> 4]);
        budgetConsumedNanos = readVarLong();
        budgetCode = code & 0x0F;
    }

    /** A budget's key is the record's own attribution: a record that lacks it cannot name its budget. */
    private void requireBudgetKey() {
        final int scope = budgetCode & 3;
        final boolean present = scope == BudgetNames.PROJECT ? stringLengths[PROJECT] != ABSENT
            : scope == BudgetNames.CUSTOMER ? stringLengths[CUSTOMER_ID] != ABSENT
            : stringLengths[TEAM] != ABSENT && (scope != BudgetNames.TEAM_PROJECT || stringLengths[PROJECT] != ABSENT);
        if (!present) {
            throw new IllegalArgumentException("a budget of scope code " + scope + " without its key string");
        }
    }

    /** Numbers in layout order; the total cost is stored only when overridden, else it is the sum. */
    private void decodeNumbers() {
        numbers[0] = readVarLong();
        final boolean overridden = (flags & RecordCodec.FLAG_COST_OVERRIDE) != 0;
        numbers[1] = overridden ? readVarLong() : 0;
        for (int i = 2; i < numbers.length; i++) {
            numbers[i] = readVarLong();
        }
        numbers[4] = Math.multiplyExact(numbers[4], RecordCodec.NANOS_PER_MICRO);
        if (!overridden) {
            numbers[1] = Math.addExact(numbers[2], numbers[3]);
        }
    }

    private void decodeStrings(final int end) {
        requireWithin(position + 2, end);
        final int mask = (short)RecordCodec.SHORTS.get(bytes, position) & 0xFFFF;
        position += 2;
        if ((mask & MASK_UNKNOWN) != 0) {
            throw new IllegalArgumentException("string presence mask " + mask + " names strings version 1 lacks");
        }
        for (int i = 0; i < CONTENT; i++) {
            stringLengths[i] = (mask & 1 << i) != 0 ? readString(i, end) : ABSENT;
        }
        stringLengths[CONTENT] = (flags & RecordCodec.FLAG_CONTENT) != 0 ? readString(CONTENT, end) : ABSENT;
        stringLengths[OUTPUT] = (flags & RecordCodec.FLAG_OUTPUT) != 0 ? readString(OUTPUT, end) : ABSENT;
    }

    private int readString(final int field, final int end) {
        final long stringLength = readVarLong();
        requireWithin(position + stringLength, end);
        stringOffsets[field] = position;
        position += (int)stringLength;
        return (int)stringLength;
    }

    /**
     * Refuses a length read from the record that would step back or run past its end: without
     * this, a length of -1 can add up to the record's length and pass as OK, then fail on reading.
     */
    private void requireWithin(final long next, final int end) {
        if (next < position || next > end) {
            throw new IllegalArgumentException("field runs from " + position + " to " + next + ", outside the record");
        }
    }

    private long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            final byte b = bytes[position++];
            result |= (long)(b & 0x7F) << shift;
            if (b >= 0 && (shift < 63 || b <= 1)) {
                return result;
            }
        }
        throw new IllegalArgumentException("variable-length number longer than 64 bits");
    }

    private String string(final int field) {
        final int stringLength = stringLengths[field];
        if (stringLength == ABSENT) {
            return null;
        }
        if (stringLength == 0) {
            return "";
        }
        final int offset = stringOffsets[field];
        final String same = strings.at(lastSlots[field], bytes, offset, stringLength);
        if (same != null) {
            return same;
        }
        final String value = strings.intern(bytes, offset, stringLength);
        lastSlots[field] = strings.lastSlot();
        return value;
    }

    /** Whether the string {@code field} equals {@code expected}'s UTF-8 bytes, without decoding it. */
    private boolean stringEquals(final int field, final byte[] expected) {
        return stringLengths[field] == expected.length && Arrays.equals(bytes, stringOffsets[field],
            stringOffsets[field] + expected.length, expected, 0, expected.length);
    }

    public boolean teamEquals(final byte[] utf8) {
        return stringEquals(TEAM, utf8);
    }

    public boolean projectEquals(final byte[] utf8) {
        return stringEquals(PROJECT, utf8);
    }

    public boolean customerIdEquals(final byte[] utf8) {
        return stringEquals(CUSTOMER_ID, utf8);
    }

    public boolean modelEquals(final byte[] utf8) {
        return stringEquals(MODEL, utf8);
    }

    /** Whether the record's agent group is the one named by {@code utf8}, the default group included. */
    public boolean groupEquals(final byte[] utf8) {
        if (stringLengths[GROUP] == ABSENT) {
            return Arrays.equals(utf8, DEFAULT_GROUP_UTF8);
        }
        return stringEquals(GROUP, utf8);
    }

    /** The link of the previous record in the cycle, as stored. */
    public long previousLink() {
        return (long)RecordCodec.LONGS.get(bytes, RecordCodec.OFFSET_PREVIOUS_LINK);
    }

    /** This record's link, which the next record in the cycle must carry. */
    public long link() {
        return RecordCodec.link(bytes, length);
    }

    public int version() {
        return bytes[0] & 0xFF;
    }

    /** The record's length in bytes, checksum included. */
    public int length() {
        return length;
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public long sequence() {
        return numbers[0];
    }

    @Override
    public long epochMillis() {
        return (long)RecordCodec.LONGS.get(bytes, RecordCodec.OFFSET_EPOCH_MILLIS);
    }

    @Override
    public String sessionId() {
        return string(SESSION_ID);
    }

    @Override
    public String team() {
        return string(TEAM);
    }

    @Override
    public String project() {
        return string(PROJECT);
    }

    @Override
    public String environment() {
        return string(ENVIRONMENT);
    }

    @Override
    public String customerId() {
        return string(CUSTOMER_ID);
    }

    @Override
    public String costCenter() {
        return string(COST_CENTER);
    }

    @Override
    public String feature() {
        return string(FEATURE);
    }

    @Override
    public String agentId() {
        return string(AGENT_ID);
    }

    /** The group the record carries; {@link EventView#DEFAULT_GROUP} when it carries none. */
    @Override
    public String group() {
        final String group = string(GROUP);
        return group == null ? DEFAULT_GROUP : group;
    }

    @Override
    public String name() {
        return string(NAME);
    }

    @Override
    public String conversationId() {
        return string(CONVERSATION_ID);
    }

    @Override
    public String userId() {
        return string(USER_ID);
    }

    @Override
    public String model() {
        return string(MODEL);
    }

    @Override
    public String provider() {
        return string(PROVIDER);
    }

    @Override
    public long costNanos() {
        return numbers[1];
    }

    @Override
    public long modelCostNanos() {
        return numbers[2];
    }

    @Override
    public long platformCostNanos() {
        return numbers[3];
    }

    @Override
    public long latencyNanos() {
        return numbers[4];
    }

    @Override
    public long sessionOperations() {
        return sessionOperations;
    }

    @Override
    public long sessionCostNanos() {
        return sessionCostNanos;
    }

    @Override
    public boolean sessionTotalsExact() {
        return kind != EventKind.SESSION || (flags & RecordCodec.FLAG_TOTALS_PARTIAL) == 0;
    }

    @Override
    public boolean alertFired() {
        return kind == EventKind.ALERT && (flags & RecordCodec.FLAG_FIRED) != 0;
    }

    @Override
    public long inputTokens() {
        return numbers[5];
    }

    @Override
    public long outputTokens() {
        return numbers[6];
    }

    @Override
    public long cacheReadTokens() {
        return numbers[7];
    }

    @Override
    public long cacheCreationTokens() {
        return numbers[8];
    }

    @Override
    public long reasoningTokens() {
        return numbers[9];
    }

    @Override
    public long payloadChars() {
        return numbers[10];
    }

    @Override
    public int channelCount() {
        return (int)numbers[11];
    }

    @Override
    public Complexity complexity() {
        return complexity;
    }

    @Override
    public Frequency frequency() {
        return frequency;
    }

    @Override
    public String error() {
        return string(ERROR);
    }

    /** The content, {@code ""} when content was captured but empty, {@code null} when not captured. */
    @Override
    public String content() {
        if (contentText == null) {
            contentText = text(CONTENT);
        }
        return contentText;
    }

    /**
     * The model's answer, {@code ""} when captured but empty, {@code null} when not captured or when the record
     * was written before answers were journaled.
     */
    @Override
    public String output() {
        if (outputText == null) {
            outputText = text(OUTPUT);
        }
        return outputText;
    }

    /** A content or output string, decoded afresh: {@code null} when the record lacks it. */
    private String text(final int field) {
        final int stringLength = stringLengths[field];
        return stringLength == ABSENT ? null
            : new String(bytes, stringOffsets[field], stringLength, StandardCharsets.UTF_8);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public boolean costOverridden() {
        return (flags & RecordCodec.FLAG_COST_OVERRIDE) != 0;
    }

    @Override
    public boolean unpriced() {
        return (flags & RecordCodec.FLAG_UNPRICED) != 0;
    }

    @Override
    public PolicyResult policyResult() {
        return policyResult;
    }

    @Override
    public PolicyReason policyReason() {
        return policyReason;
    }

    @Override
    public boolean sampled() {
        return (flags & RecordCodec.FLAG_SAMPLED) != 0;
    }

    /**
     * The budget's name, {@code scope:key:window}, made from its codes and the record's attribution; the
     * same instance as long as the key strings are and the name stays in the small cache of recent names,
     * so reading a stream of records allocates a name about when a budget first appears.
     */
    @Override
    public String budgetName() {
        if (budgetCode == NO_BUDGET) {
            return null;
        }
        final int scope = budgetCode & 3;
        final String first = scope == BudgetNames.PROJECT ? project()
            : scope == BudgetNames.CUSTOMER ? customerId() : team();
        final String second = scope == BudgetNames.TEAM_PROJECT ? project() : null;
        // Identity, not equality: the interner hands out one instance per distinct string.
        final int slot = (System.identityHashCode(first) * 31 + budgetCode) & (BUDGET_NAME_SLOTS - 1);
        if (budgetNames[slot] == null || budgetNameCodes[slot] != budgetCode || budgetFirstKeys[slot] != first
            || budgetSecondKeys[slot] != second) {
            budgetNames[slot] = BudgetNames.name(budgetCode, first, second);
            budgetNameCodes[slot] = budgetCode;
            budgetFirstKeys[slot] = first;
            budgetSecondKeys[slot] = second;
        }
        return budgetNames[slot];
    }

    @Override
    public long budgetLimitNanos() {
        return budgetLimitNanos;
    }

    @Override
    public long budgetConsumedNanos() {
        return budgetConsumedNanos;
    }

    @Override
    public boolean failed() {
        return (flags & RecordCodec.FLAG_FAILED) != 0;
    }
}
