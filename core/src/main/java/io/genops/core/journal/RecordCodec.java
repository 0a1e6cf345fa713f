package io.genops.core.journal;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Writes one journal record per event into a reusable byte array: compact, versioned, checksummed,
 * and linked to the record before it.
 *
 * <pre>
 *  offset  size  field
 *  ──────  ────  ─────────────────────────────────────────────────────────────────────────────
 *       0     1  version (1)
 *       1     1  event kind code (1 interaction, 2 signal, 3 alert rule or firing, 4 closed session)
 *       2     1  flags: bit 0 sampled, 1 failed, 2 unpriced, 3 content present, 4 cost overridden,
 *                5 session totals partial (sessions) or rule fired (alerts), 6 budget present,
 *                7 output present
 *       3     1  policy: result code in the low four bits, reason code in the high four
 *       4     8  epoch milliseconds                                          (little-endian)
 *      12     8  link of the previous record in this cycle, 0 for a cycle's first  (little-endian)
 *      20   var  sequence; cost (only when overridden; otherwise model + platform cost);
 *                model cost, platform cost (nanodollars); latency (microseconds); input, output,
 *                cache-read, cache-creation, reasoning tokens; payload characters; alert channels
 *                                                                    (unsigned LEB128 each)
 *     var     1  complexity ordinal + 1 (low four bits), frequency ordinal + 1 (high four; 0 none)
 *     var    16  value and threshold as IEEE 754 doubles        (signals and alert firings only)
 *     var   var  session operations, session total cost (nanodollars)
 *                                                    (unsigned LEB128 each; sessions only)
 *     var     1  budget scope (low two bits: 0 team, 1 project, 2 customer, 3 team and project),
 *                window (next two: 0 daily, 1 weekly, 2 monthly), the limit's decimal exponent e
 *                (high four)                                            (budget flag only)
 *     var   var  budget limit ÷ 10^e, consumed once this event was charged (nanodollars)
 *                                              (unsigned LEB128 each; budget flag only)
 *     var     2  presence mask of the 15 strings below, bit i for string i; bit 15 is never set
 *                                                                            (little-endian)
 *     var   var  each present string of: session id, team, project, environment, customer id,
 *                cost center, feature, agent id, name, conversation id, user id, model, provider,
 *                error, agent group                                   (LEB128 length + UTF-8)
 *     var   var  content                  (LEB128 length + UTF-8, only when the content flag is set)
 *     var   var  output                    (LEB128 length + UTF-8, only when the output flag is set)
 *     n-4     4  CRC-32C of bytes [0, n-4)                                   (little-endian)
 * </pre>
 *
 * <p>A closed session (kind 4) maps onto the common fields: epoch milliseconds is when it closed,
 * latency how long it was open (so it opened at the close time minus the latency), the name is the
 * session's name, the session id its id, and the attribution and agent group are the session's.
 * Its own costs and token counts are zero, so a sum of record costs never counts a session's spend
 * twice; the session's totals have their own two numbers, and flag bit 5 says they were taken before
 * every operation of the session had been counted (its close timed out). The kind was added within
 * version 1: a reader that predates it reports such a record as malformed and reads every other.
 *
 * <p>An alert record (kind 3) is a rule's creation, or with flag bit 5 a rule's firing, which also
 * carries the observed value and the rule's threshold as a signal does. The bit was given this second
 * meaning within version 1: a reader that predates it reports a firing as malformed, and one written
 * before it reads as a creation without value and threshold, which is all such a record held.
 *
 * <p>The agent group (bit 14) is written only for an event of a declared group: an event of the
 * default group carries no group string, so it costs nothing, and a record written before groups
 * existed reads as one of the default group, which is what it was. The bit was added within version
 * 1 too: a reader that predates it reports a record of a declared group as malformed. A declared group
 * costs its name plus one length byte, so short group names keep records near the size below.
 *
 * <p>The budget (bit 6) is the one of the budgets the event was charged to that is closest to its limit
 * ({@link EventView#budgetName()}), written only for an event charged to one, so an event without
 * budgets costs nothing for it and a record written before the bit existed reads as one charged to
 * none. Its name {@code scope:key:window} is stored as the two codes alone: the key is always the
 * event's own team, project, customer id, or team and project, whose strings the record carries
 * anyway. Limits are round amounts, so the limit is stored as a mantissa and a power of ten: 50 USD
 * (5 × 10^10 nanodollars) takes one byte. With such a limit the whole budget takes 7 bytes while the
 * spend is under 34 USD, 8 under 4,398 USD. The bit was added within version 1: a reader that predates
 * it reports a record carrying a budget as malformed, as it does for a record of a declared group.
 *
 * <p>The output (bit 7) is the model's answer, kept apart from the content (the prompt) and written after
 * it, only when content capture kept one: a record without an answer costs nothing for it, and a record
 * written before the bit existed reads as one without an answer, which is what it was. The bit was added
 * within version 1: a reader that predates it reports a record carrying an answer as malformed, as it does
 * for a record carrying a budget. It was the last free bit of the flags byte, so a further flag needs
 * a new version of the layout.
 *
 * <p>An interaction with ordinary ids takes 110 to 160 bytes, two thirds of it strings, and a budget
 * adds 3 to 8: RecordCodecTest measures a support-desk interaction with long ids at 158 bytes, 165 with
 * its team's daily budget; the benchmarks' mix journals 142.6 bytes an interaction on disk, 151.3 with a
 * budget (bench/README.md). Latency keeps
 * microseconds, which is finer than any model call needs; the total cost is stored only when it is not
 * the sum of its parts.
 *
 * <p>The link is a 64-bit mix of the previous link and this record's checksum, so removing,
 * reordering or editing a record breaks the chain at the next one. It shows accidents and naive
 * edits; it is not a cryptographic seal, since anyone able to rewrite the files can recompute it.
 *
 * <p>Not thread-safe: one codec per writing thread. Encoding allocates only when a record outgrows
 * the buffer.
 */
public final class RecordCodec {
    public static final byte VERSION = 1;
    static final int FLAG_SAMPLED = 1;
    static final int FLAG_FAILED = 1 << 1;
    static final int FLAG_UNPRICED = 1 << 2;
    static final int FLAG_CONTENT = 1 << 3;
    static final int FLAG_COST_OVERRIDE = 1 << 4;
    static final int FLAG_TOTALS_PARTIAL = 1 << 5;
    /** The same bit as {@link #FLAG_TOTALS_PARTIAL}, read by kind: on an alert record, a rule firing. */
    static final int FLAG_FIRED = 1 << 5;
    static final int FLAG_BUDGET = 1 << 6;
    static final int FLAG_OUTPUT = 1 << 7;
    /**
     * Every flag version 1 writes; a record with any other bit set was not written by this version. With the
     * output flag all eight bits are in use, so this build refuses no flags byte; a reader built before the
     * output flag, whose set lacks it, refuses a record that carries an answer.
     */
    static final int FLAGS_KNOWN = FLAG_SAMPLED | FLAG_FAILED | FLAG_UNPRICED | FLAG_CONTENT | FLAG_COST_OVERRIDE
        | FLAG_TOTALS_PARTIAL | FLAG_BUDGET | FLAG_OUTPUT;
    static final int OFFSET_EPOCH_MILLIS = 4;
    static final int OFFSET_PREVIOUS_LINK = 12;
    static final int OFFSET_VARIABLE = 20;
    static final int CHECKSUM_BYTES = 4;
    static final long NANOS_PER_MICRO = 1_000;
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code values()} copies its array at every call, and every record read decodes these. */
    private static final Complexity[] COMPLEXITIES = Complexity.values();
    private static final Frequency[] FREQUENCIES = Frequency.values();
    /** The greatest decimal exponent of a stored budget limit: what the high four bits of its byte hold. */
    static final int MAX_LIMIT_EXPONENT = 15;
    static final long[] POWERS_OF_TEN = new long[MAX_LIMIT_EXPONENT + 1];
    /** What {@link #budgetCode} answers for an event charged to no budget. */
    private static final int NO_BUDGET = -1;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Budgets whose names were parsed lately, direct-mapped by the name's identity. */
    private static final int BUDGET_CACHE_MASK = 63;

    private final CRC32C crc = new CRC32C();
    private final String[] cachedNames = new String[BUDGET_CACHE_MASK + 1];
    private final long[] cachedLimits = new long[BUDGET_CACHE_MASK + 1];
    private final int[] cachedFirstBytes = new int[BUDGET_CACHE_MASK + 1];
    private final long[] cachedMantissas = new long[BUDGET_CACHE_MASK + 1];
    private int budgetSlot;
    private byte[] buffer = new byte[512];
    /** A string's characters, copied out in one call so that the loop over them checks no bounds or coder. */
    private char[] chars = new char[256];
    private int position;

    /** The encoded bytes; valid up to the length the last {@link #encode} returned. */
    public byte[] buffer() {
        return buffer;
    }

    /**
     * Encodes {@code event} linked to {@code previousLink}; returns the record's length.
     *
     * @throws IllegalArgumentException when the event's budget name is not one a record can hold (see
     *     {@link EventView#budgetName()}), before anything is written
     */
    public int encode(final EventView event, final long previousLink) {
        position = 0;
        final int budget = budgetCode(event);
        writeHeader(event, previousLink, budget != NO_BUDGET);
        writeNumbers(event);
        writeBudget(event, budget);
        writeStrings(event);
        return seal();
    }

    /** The link value of the record just encoded: what the next record in the cycle carries. */
    public long link(final int length) {
        return link(buffer, length);
    }

    /** The link of a sealed record held in {@code bytes[0, length)}. */
    public static long link(final byte[] bytes, final int length) {
        final long previous = (long)LONGS.get(bytes, OFFSET_PREVIOUS_LINK);
        final long checksum = Integer.toUnsignedLong((int)INTS.get(bytes, length - CHECKSUM_BYTES));
        return mix(previous * 0x9E3779B97F4A7C15L + checksum + 1);
    }

    private void writeHeader(final EventView event, final long previousLink, final boolean budget) {
        ensure(OFFSET_VARIABLE);
        buffer[0] = VERSION;
        buffer[1] = (byte)event.kind().code();
        buffer[2] = (byte)(flags(event) | (budget ? FLAG_BUDGET : 0));
        buffer[3] = (byte)(event.policyResult().code() | event.policyReason().code() << 4);
        LONGS.set(buffer, OFFSET_EPOCH_MILLIS, event.epochMillis());
        LONGS.set(buffer, OFFSET_PREVIOUS_LINK, previousLink);
        position = OFFSET_VARIABLE;
    }

    private static int flags(final EventView event) {
        int flags = event.sampled() ? FLAG_SAMPLED : 0;
        flags |= event.failed() ? FLAG_FAILED : 0;
        flags |= event.unpriced() ? FLAG_UNPRICED : 0;
        flags |= event.costOverridden() ? FLAG_COST_OVERRIDE : 0;
        flags |= event.kind() == EventKind.SESSION && !event.sessionTotalsExact() ? FLAG_TOTALS_PARTIAL : 0;
        flags |= event.kind() == EventKind.ALERT && event.alertFired() ? FLAG_FIRED : 0;
        flags |= event.output() != null ? FLAG_OUTPUT : 0;
        return flags | (event.content() != null ? FLAG_CONTENT : 0);
    }

    private void writeNumbers(final EventView event) {
        writeVarLong(event.sequence());
        if (event.costOverridden()) {
            writeVarLong(event.costNanos());
        }
        writeVarLong(event.modelCostNanos());
        writeVarLong(event.platformCostNanos());
        writeVarLong(event.latencyNanos() / NANOS_PER_MICRO);
        writeVarLong(event.inputTokens());
        writeVarLong(event.outputTokens());
        writeVarLong(event.cacheReadTokens());
        writeVarLong(event.cacheCreationTokens());
        writeVarLong(event.reasoningTokens());
        writeVarLong(event.payloadChars());
        writeVarLong(event.channelCount());
        ensure(1 + 16);
        buffer[position++] = (byte)(ordinalCode(event.complexity()) | ordinalCode(event.frequency()) << 4);
        if (event.kind() == EventKind.SIGNAL || event.kind() == EventKind.ALERT && event.alertFired()) {
            LONGS.set(buffer, position, Double.doubleToRawLongBits(event.value()));
            LONGS.set(buffer, position + 8, Double.doubleToRawLongBits(event.threshold()));
            position += 16;
        } else if (event.kind() == EventKind.SESSION) {
            writeVarLong(event.sessionOperations());
            writeVarLong(event.sessionCostNanos());
        }
    }

    /**
     * The budget's first byte (codes and the limit's exponent), or {@link #NO_BUDGET}. A budget's name is
     * one instance for as long as the budget lives, so a name found again by identity with the same limit
     * skips parsing it and dividing the limit: the name was checked against the event's own key when it
     * was first seen, and the pipeline charges an event only to budgets of its own attribution.
     */
    private int budgetCode(final EventView event) {
        final String name = event.budgetName();
        if (name == null) {
            return NO_BUDGET;
        }
        final long limit = event.budgetLimitNanos();
        final int slot = System.identityHashCode(name) & BUDGET_CACHE_MASK;
        if (cachedNames[slot] != name || cachedLimits[slot] != limit) {
            long mantissa = limit;
            int exponent = 0;
            while (exponent < MAX_LIMIT_EXPONENT && mantissa != 0 && mantissa % 10 == 0) {
                mantissa /= 10;
                exponent++;
            }
            cachedFirstBytes[slot] = BudgetNames.code(name, event) | exponent << 4;
            cachedMantissas[slot] = mantissa;
            cachedLimits[slot] = limit;
            cachedNames[slot] = name;
        }
        budgetSlot = slot;
        return cachedFirstBytes[slot];
    }

    /** The budget's codes and limit exponent in one byte, the limit's mantissa, the consumed amount. */
    private void writeBudget(final EventView event, final int firstByte) {
        if (firstByte == NO_BUDGET) {
            return;
        }
        ensure(1);
        buffer[position++] = (byte)firstByte;
        writeVarLong(cachedMantissas[budgetSlot]);
        writeVarLong(event.budgetConsumedNanos());
    }

    private static int ordinalCode(final Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    private void writeStrings(final EventView event) {
        ensure(2);
        final int maskPosition = position;
        position += 2;
        int mask = 0;
        mask |= writeString(event.sessionId(), 0);
        mask |= writeString(event.team(), 1);
        mask |= writeString(event.project(), 2);
        mask |= writeString(event.environment(), 3);
        mask |= writeString(event.customerId(), 4);
        mask |= writeString(event.costCenter(), 5);
        mask |= writeString(event.feature(), 6);
        mask |= writeString(event.agentId(), 7);
        mask |= writeString(event.name(), 8);
        mask |= writeString(event.conversationId(), 9);
        mask |= writeString(event.userId(), 10);
        mask |= writeString(event.model(), 11);
        mask |= writeString(event.provider(), 12);
        mask |= writeString(event.error(), 13);
        mask |= writeString(declaredGroup(event.group()), 14);
        SHORTS.set(buffer, maskPosition, (short)mask);
        writeText(event.content());
        writeText(event.output());
    }

    /** Content or output, after the strings: its flag, not the presence mask, says whether it is there. */
    private void writeText(final String text) {
        if (text != null) {
            writeString(text, 0);
        }
    }

    /** The group to store: {@code null} for the default group, which a record shows by carrying none. */
    private static String declaredGroup(final String group) {
        return EventView.DEFAULT_GROUP.equals(group) ? null : group;
    }

    private int seal() {
        ensure(CHECKSUM_BYTES);
        crc.reset();
        crc.update(buffer, 0, position);
        INTS.set(buffer, position, (int)crc.getValue());
        position += CHECKSUM_BYTES;
        return position;
    }

    private void writeVarLong(final long value) {
        ensure(10);
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            buffer[position++] = (byte)((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        buffer[position++] = (byte)remaining;
    }

    /**
     * Writes the UTF-8 length, then the UTF-8 bytes, without allocating; nothing for {@code null}.
     *
     * @return the presence bit of string {@code index}, or 0 when absent
     */
    private int writeString(final String value, final int index) {
        if (value == null) {
            return 0;
        }
        // Names, ids and models are nearly always ASCII, whose UTF-8 length is the string's length: one
        // pass without a branch writes them and gathers their bits, and a character past ASCII among them
        // sends the string back to the general encoder.
        final int start = position;
        final int length = value.length();
        writeVarLong(length);
        ensure(length);
        if (chars.length < length) {
            chars = new char[Math.max(chars.length * 2, length)];
        }
        value.getChars(0, length, chars, 0);
        final char[] from = chars;
        final byte[] to = buffer;
        final int at = position;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            final char c = from[i];
            bits |= c;
            to[at + i] = (byte)c;
        }
        if (bits >= 0x80) {
            position = start;
            writeUtf8(value);
        } else {
            position = at + length;
        }
        return 1 << index;
    }

    /** Writes the UTF-8 length, then the UTF-8 bytes, of any string. */
    private void writeUtf8(final String value) {
        final int utf8Length = utf8Length(value);
        writeVarLong(utf8Length);
        ensure(utf8Length);
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x80) {
                buffer[position++] = (byte)c;
            } else if (c < 0x800) {
                buffer[position++] = (byte)(0xC0 | c >> 6);
                buffer[position++] = (byte)(0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer[position++] = (byte)(0xF0 | codePoint >> 18);
                buffer[position++] = (byte)(0x80 | codePoint >> 12 & 0x3F);
                buffer[position++] = (byte)(0x80 | codePoint >> 6 & 0x3F);
                buffer[position++] = (byte)(0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buffer[position++] = '?';
            } else {
                buffer[position++] = (byte)(0xE0 | c >> 12);
                buffer[position++] = (byte)(0x80 | c >> 6 & 0x3F);
                buffer[position++] = (byte)(0x80 | c & 0x3F);
            }
        }
    }

    /** Bytes {@link #writeString} will write; a lone surrogate becomes '?', one byte. */
    static int utf8Length(final String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return length;
    }

    private void ensure(final int bytes) {
        if (position + bytes > buffer.length) {
            final byte[] larger = new byte[Math.max(buffer.length * 2, position + bytes)];
            System.arraycopy(buffer, 0, larger, 0, position);
            buffer = larger;
        }
    }

    /** A 64-bit finalizer (from the SplitMix family) that spreads every input bit over the output. */
    static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static Complexity complexityOf(final int code) {
        return code == 0 ? null : COMPLEXITIES[code - 1];
    }

    static Frequency frequencyOf(final int code) {
        return code == 0 ? null : FREQUENCIES[code - 1];
    }
}
