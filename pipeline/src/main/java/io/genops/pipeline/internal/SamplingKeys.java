package io.genops.pipeline.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bounded table of sampling keys, each a (kind, name, agent id) triple, that hands out a small
 * entry number per key so per-key statistics can live in parallel primitive arrays. Past
 * {@code maxKeys} the least recently used key is evicted and its entry number handed to the new
 * key, so a stream of distinct keys neither grows memory nor allocates.
 *
 * <p>Layout: entries hold the key (kind, the two strings by reference, a cached hash) and two links
 * of a doubly linked recency list, newest to oldest. The index is an open-addressing table of
 * {@code entry + 1} (0 is empty) with linear probing, at most half full; a removal shifts later
 * entries of the probe run back, so there are no tombstones. The strings are compared by identity
 * first and then by {@code equals}, and their hash codes are cached by {@link String} itself, so a
 * lookup of a key seen before allocates nothing and concatenates nothing.
 *
 * <p>Arrays start small and double up to {@code maxKeys}; that growth, when new keys arrive, is the
 * only allocation. Single-threaded.
 */
final class SamplingKeys {
    static final int NONE = -1;
    private static final int INITIAL_ENTRIES = 256;

    private final int maxKeys;
    private int[] kinds;
    private String[] names;
    private String[] agents;
    private int[] hashes;
    private int[] older;
    private int[] newer;
    private int[] index;
    private int mask;
    private int size;
    private int newest = NONE;
    private int oldest = NONE;
    private long evicted;

    SamplingKeys(final int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.maxKeys = maxKeys;
        allocate(Math.min(maxKeys, INITIAL_ENTRIES));
    }

    /** Whether {@link #acquire}'s result names a key that was not in the table. */
    static boolean isNew(final int acquired) {
        return acquired < 0;
    }

    /** The entry number in {@link #acquire}'s result. */
    static int entry(final int acquired) {
        return acquired < 0 ? -acquired - 1 : acquired;
    }

    /**
     * Finds the key, inserting it (and evicting the least recently used key when full) if absent, and
     * marks it most recently used.
     *
     * @return the key's entry number, or {@code -(entry + 1)} when the key is new and its entry's
     *     statistics must be reset
     */
    int acquire(final int kind, final String name, final String agent) {
        final int hash = hash(kind, name, agent);
        for (int slot = hash & mask; index[slot] != 0; slot = (slot + 1) & mask) {
            final int entry = index[slot] - 1;
            if (hashes[entry] == hash && kinds[entry] == kind && same(names[entry], name)
                && same(agents[entry], agent)) {
                touch(entry);
                return entry;
            }
        }
        return -insert(kind, name, agent, hash) - 1;
    }

    int size() {
        return size;
    }

    long evicted() {
        return evicted;
    }

    /** Entries the arrays can hold before they next grow; never more than {@code maxKeys}. */
    int capacity() {
        return kinds.length;
    }

    /** Slots in the index; never more than four times {@code maxKeys}. */
    int indexLength() {
        return index.length;
    }

    private int insert(final int kind, final String name, final String agent, final int hash) {
        final int entry;
        if (size < kinds.length) {
            entry = size++;
        } else if (size < maxKeys) {
            allocate(Math.min(maxKeys, kinds.length * 2));
            entry = size++;
        } else {
            entry = oldest;
            unindex(entry);
            unlink(entry);
            evicted++;
        }
        kinds[entry] = kind;
        names[entry] = name;
        agents[entry] = agent;
        hashes[entry] = hash;
        linkNewest(entry);
        indexInto(index, mask, entry, hash);
        return entry;
    }

    private void touch(final int entry) {
        if (entry != newest) {
            unlink(entry);
            linkNewest(entry);
        }
    }

    private void linkNewest(final int entry) {
        older[entry] = newest;
        newer[entry] = NONE;
        if (newest != NONE) {
            newer[newest] = entry;
        }
        newest = entry;
        if (oldest == NONE) {
            oldest = entry;
        }
    }

    private void unlink(final int entry) {
        final int before = older[entry];
        final int after = newer[entry];
        if (before != NONE) {
            newer[before] = after;
        } else {
            oldest = after;
        }
        if (after != NONE) {
            older[after] = before;
        } else {
            newest = before;
        }
    }

    /** Removes {@code entry} from the index, shifting later members of its probe run back into the gap. */
    private void unindex(final int entry) {
        int hole = hashes[entry] & mask;
        while (index[hole] - 1 != entry) {
            hole = (hole + 1) & mask;
        }
        for (int slot = (hole + 1) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
            final int home = hashes[index[slot] - 1] & mask;
            // The member may fill the hole unless its home lies cyclically in (hole, slot].
            if (((slot - home) & mask) >= ((slot - hole) & mask)) {
                index[hole] = index[slot];
                hole = slot;
            }
        }
        index[hole] = 0;
        names[entry] = null;
        agents[entry] = null;
    }

    private void allocate(final int entries) {
        kinds = grow(kinds, entries);
        names = names == null ? new String[entries] : Arrays.copyOf(names, entries);
        agents = agents == null ? new String[entries] : Arrays.copyOf(agents, entries);
        hashes = grow(hashes, entries);
        older = grow(older, entries);
        newer = grow(newer, entries);
        final int slots = Integer.highestOneBit(Math.max(2, entries) * 2 - 1) * 2;
        index = new int[slots];
        mask = slots - 1;
        for (int entry = 0; entry < size; entry++) {
            indexInto(index, mask, entry, hashes[entry]);
        }
    }

    private static int[] grow(final int[] array, final int length) {
        return array == null ? new int[length] : Arrays.copyOf(array, length);
    }

    private static void indexInto(final int[] index, final int mask, final int entry, final int hash) {
        int slot = hash & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = entry + 1;
    }

    private static boolean same(final String stored, final String probe) {
        return stored == probe || stored != null && stored.equals(probe);
    }

    private static int hash(final int kind, final String name, final String agent) {
        final long mixed = SamplingStage.mix((31L * kind + Objects.hashCode(name)) * 31 + Objects.hashCode(agent));
        return (int)(mixed ^ (mixed >>> 32));
    }
}
