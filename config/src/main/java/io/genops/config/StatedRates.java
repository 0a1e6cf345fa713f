package io.genops.config;

import io.genops.core.pricing.TokenRates;
import java.util.Arrays;

/**
 * Per-token prices as a file states them, kind by kind, before the unstated kinds are filled in.
 *
 * <p>{@link #toRates()} fills them in the one way every format shares: a side with no price costs
 * nothing, cached tokens cost what input tokens cost, and reasoning tokens what output tokens cost.
 */
final class StatedRates {
    private static final long ABSENT = -1;

    private final long[] picos = new long[TokenKind.ALL.size()];

    StatedRates() {
        Arrays.fill(picos, ABSENT);
    }

    void set(final TokenKind kind, final long value) {
        picos[kind.ordinal()] = value;
    }

    private boolean has(final TokenKind kind) {
        return picos[kind.ordinal()] != ABSENT;
    }

    /** Whether input or output is priced; an entry with neither is not a per-token price. */
    boolean pricesTokens() {
        return has(TokenKind.INPUT) || has(TokenKind.OUTPUT);
    }

    /** These rates, with each kind they leave out taken from {@code base} where {@code base} states it. */
    StatedRates over(final StatedRates base) {
        final StatedRates merged = new StatedRates();
        for (int i = 0; i < picos.length; i++) {
            merged.picos[i] = picos[i] != ABSENT ? picos[i] : base.picos[i];
        }
        return merged;
    }

    TokenRates toRates() {
        final long input = or(TokenKind.INPUT, 0);
        final long output = or(TokenKind.OUTPUT, 0);
        return new TokenRates(input, output, or(TokenKind.CACHE_READ, input), or(TokenKind.CACHE_CREATION, input),
            or(TokenKind.REASONING, output));
    }

    private long or(final TokenKind kind, final long fallback) {
        return has(kind) ? picos[kind.ordinal()] : fallback;
    }
}
