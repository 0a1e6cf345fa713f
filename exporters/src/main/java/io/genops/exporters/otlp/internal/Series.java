package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.opentelemetry.api.common.Attributes;

/**
 * The cumulative figures of one metric series, that is of one combination of the dimensions
 * {@link SeriesKey} names: events, cost, tokens by type, and for interactions the duration and token
 * histograms. The attribute sets are built once, when the series is first seen.
 */
final class Series {
    /** Token types in the order of {@link #tokens}, as {@code genops.token.type} names them. */
    static final String[] TOKEN_TYPES = {"input", "output", "cache_read", "cache_creation", "reasoning"};
    static final int INPUT = 0;
    static final int OUTPUT = 1;
    private static final double NANOS_PER_SECOND = 1e9;

    final Attributes attributes;
    final Attributes[] tokenAttributes = new Attributes[TOKEN_TYPES.length];
    final Attributes inputUsageAttributes;
    final Attributes outputUsageAttributes;
    final long[] tokens = new long[TOKEN_TYPES.length];
    final Buckets duration = new Buckets(Buckets.DURATION_SECONDS);
    final Buckets inputUsage = new Buckets(Buckets.TOKENS);
    final Buckets outputUsage = new Buckets(Buckets.TOKENS);
    long events;
    long costNanos;

    Series(final Attributes attributes) {
        this.attributes = attributes;
        for (int i = 0; i < TOKEN_TYPES.length; i++) {
            tokenAttributes[i] = attributes.toBuilder().put(Keys.GENOPS_TOKEN_TYPE, TOKEN_TYPES[i]).build();
        }
        this.inputUsageAttributes = attributes.toBuilder().put(Keys.TOKEN_TYPE, "input").build();
        this.outputUsageAttributes = attributes.toBuilder().put(Keys.TOKEN_TYPE, "output").build();
    }

    void record(final EventView event) {
        events++;
        costNanos = saturatedAdd(costNanos, event.costNanos());
        if (event.kind() != EventKind.INTERACTION) {
            return;
        }
        tokens[INPUT] = saturatedAdd(tokens[INPUT], event.inputTokens());
        tokens[OUTPUT] = saturatedAdd(tokens[OUTPUT], event.outputTokens());
        tokens[2] = saturatedAdd(tokens[2], event.cacheReadTokens());
        tokens[3] = saturatedAdd(tokens[3], event.cacheCreationTokens());
        tokens[4] = saturatedAdd(tokens[4], event.reasoningTokens());
        // An interaction without a latency was not timed; a zero would pull every percentile down.
        if (event.latencyNanos() > 0) {
            duration.record(event.latencyNanos() / NANOS_PER_SECOND);
        }
        if (event.inputTokens() > 0) {
            inputUsage.record(event.inputTokens());
        }
        if (event.outputTokens() > 0) {
            outputUsage.record(event.outputTokens());
        }
    }

    /**
     * A sum that sticks at {@code Long.MAX_VALUE} rather than wrapping; a cumulative counter that
     * reaches 9.2e18 (9.2 billion USD in nanos) has a bigger problem than its last digit.
     */
    static long saturatedAdd(final long total, final long value) {
        final long sum = total + value;
        return ((total ^ sum) & (value ^ sum)) < 0 ? (total < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
