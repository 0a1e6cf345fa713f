package io.genops.core.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns UTF-8 byte ranges into {@code String}s, handing back the same instance for the same bytes,
 * so reading millions of records with a few hundred distinct teams, models and agents allocates
 * almost nothing. Open addressing over a fixed power-of-two table; when a slot's bytes differ the
 * newer string replaces the older (a cache, not a set), so memory stays bounded.
 */
final class StringInterner {
    private final byte[][] keys;
    private final String[] values;
    private final int mask;
    private int lastSlot;

    StringInterner(final int capacityPowerOfTwo) {
        this.keys = new byte[capacityPowerOfTwo][];
        this.values = new String[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
    }

    /** The string of {@code bytes[offset, offset + length)}; {@link #lastSlot()} then tells where it is kept. */
    String intern(final byte[] bytes, final int offset, final int length) {
        final int slot = hash(bytes, offset, length) & mask;
        lastSlot = slot;
        final byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
            return values[slot];
        }
        final String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        values[slot] = value;
        return value;
    }

    /**
     * The string kept in {@code slot} when its bytes are {@code bytes[offset, offset + length)}, else
     * {@code null}: a check without hashing, for a field whose value seldom changes from one record to
     * the next.
     */
    String at(final int slot, final byte[] bytes, final int offset, final int length) {
        final byte[] key = keys[slot];
        return key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length) ? values[slot] : null;
    }

    /** The slot of the string {@link #intern} returned last. */
    int lastSlot() {
        return lastSlot;
    }

    private static int hash(final byte[] bytes, final int offset, final int length) {
        int hash = 0x811C9DC5;
        for (int i = offset; i < offset + length; i++) {
            hash = (hash ^ bytes[i]) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }
}
