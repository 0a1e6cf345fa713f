package io.genops.pipeline.journal;

import io.genops.core.money.Money;
import io.genops.core.policy.PolicyResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay found: per team, project, customer, model, agent group and day, the cost the journal recorded
 * beside the cost recomputed with the replay's price tables, and counts by policy result. Built by
 * {@link Replayer}; immutable once returned.
 */
public final class AuditReport {
    /** The dimensions a report breaks totals down by. */
    public enum Dimension {
        TEAM, PROJECT, CUSTOMER, MODEL, GROUP, DAY
    }

    /** One row: how many records, what they recorded, what they cost when priced again. */
    public static final class Line {
        private long records;
        private long recordedNanos;
        private long recomputedNanos;

        void add(final long recorded, final long recomputed) {
            records++;
            recordedNanos = Math.addExact(recordedNanos, recorded);
            recomputedNanos = Math.addExact(recomputedNanos, recomputed);
        }

        void addAll(final Line other) {
            records += other.records;
            recordedNanos = Math.addExact(recordedNanos, other.recordedNanos);
            recomputedNanos = Math.addExact(recomputedNanos, other.recomputedNanos);
        }

        public long records() {
            return records;
        }

        public Money recorded() {
            return Money.usdNanos(recordedNanos);
        }

        public Money recomputed() {
            return Money.usdNanos(recomputedNanos);
        }

        /** Recomputed minus recorded. */
        public Money difference() {
            return Money.usdNanos(Math.subtractExact(recomputedNanos, recordedNanos));
        }
    }

    private final Line total = new Line();
    private final Map<Dimension, Map<String, Line>> lines = new EnumMap<>(Dimension.class);
    private final Map<PolicyResult, Long> policyCounts = new EnumMap<>(PolicyResult.class);
    private final Map<String, Long> missingPrices = new TreeMap<>();
    private long damaged;
    private long unreachable;
    private long sessions;
    private long unpriceable;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    AuditReport() {
        for (final Dimension dimension : Dimension.values()) {
            lines.put(dimension, new TreeMap<>());
        }
    }

    Line line(final Dimension dimension, final String key) {
        return lines.get(dimension).computeIfAbsent(key == null ? "(none)" : key, k -> new Line());
    }

    Line total() {
        return total;
    }

    void countPolicy(final PolicyResult result) {
        policyCounts.merge(result, 1L, Long::sum);
    }

    void countUnreachable(final long records) {
        unreachable += records;
    }

    void countMissingPrice(final String model) {
        missingPrices.merge(model, 1L, Long::sum);
    }

    void countSession() {
        sessions++;
    }

    void countDamaged() {
        damaged++;
    }

    void countUnpriceable() {
        unpriceable++;
    }

    void seen(final long epochMillis) {
        firstMillis = Math.min(firstMillis, epochMillis);
        lastMillis = Math.max(lastMillis, epochMillis);
    }

    /** Adds another report's figures, as when merging the journals of several pods. */
    void merge(final AuditReport other) {
        total.addAll(other.total);
        other.lines.forEach((dimension, rows) -> rows.forEach((key, line) -> line(dimension, key).addAll(line)));
        other.policyCounts.forEach((result, count) -> policyCounts.merge(result, count, Long::sum));
        other.missingPrices.forEach((model, count) -> missingPrices.merge(model, count, Long::sum));
        damaged += other.damaged;
        unreachable += other.unreachable;
        sessions += other.sessions;
        unpriceable += other.unpriceable;
        firstMillis = Math.min(firstMillis, other.firstMillis);
        lastMillis = Math.max(lastMillis, other.lastMillis);
    }

    /** Records that matched the filter. */
    public long records() {
        return total.records;
    }

    public Money recordedTotal() {
        return total.recorded();
    }

    public Money recomputedTotal() {
        return total.recomputed();
    }

    public Money difference() {
        return total.difference();
    }

    /** Rows of one dimension by key, sorted; days read as {@code 2026-12-03}. */
    public Map<String, Line> by(final Dimension dimension) {
        return Collections.unmodifiableMap(lines.get(dimension));
    }

    public Map<PolicyResult, Long> policyCounts() {
        return Collections.unmodifiableMap(policyCounts);
    }

    /** Damaged and out-of-chain records met while reading. */
    public long damaged() {
        return damaged;
    }

    /**
     * Records the journals' indexes list that the replay could not reach, as a cycle file cut short or
     * overwritten leaves them; they are in no total.
     */
    public long unreachable() {
        return unreachable;
    }

    /**
     * Records of closed sessions the filter matched: they cost nothing, and are counted here rather than
     * in {@link #records()}, whose records are the operations that carry the costs.
     */
    public long sessions() {
        return sessions;
    }

    /**
     * Matching records the journal priced but the replay's model table has no price for, by model: their
     * recomputed model cost is zero, so a difference in the totals says nothing about prices. A record whose
     * cost the caller overrode is not counted, as the replay takes the override as it is.
     */
    public Map<String, Long> missingPrices() {
        return Collections.unmodifiableMap(missingPrices);
    }

    /** How many records {@link #missingPrices()} counts, over all models. */
    public long missingPriceRecords() {
        return missingPrices.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records whose tokens the replay's price table cannot price without overflowing; left out of totals. */
    public long unpriceable() {
        return unpriceable;
    }

    /** Time of the earliest matching record, or {@code Long.MAX_VALUE} when none matched. */
    public long firstMillis() {
        return firstMillis;
    }

    public long lastMillis() {
        return lastMillis;
    }
}
