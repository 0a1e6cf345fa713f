package io.genops.core.pricing;

import io.genops.core.money.MoneyMath;

/**
 * Prices per token in picounits of USD for each kind of token. Input tokens are priced net of the
 * cached ones and output tokens net of the reasoning ones, so that no token is priced twice.
 */
public record TokenRates(
    long inputPicos, long outputPicos, long cacheReadPicos, long cacheCreationPicos, long reasoningPicos) {

    public TokenRates {
        requireNonNegative(inputPicos, "input");
        requireNonNegative(outputPicos, "output");
        requireNonNegative(cacheReadPicos, "cache read");
        requireNonNegative(cacheCreationPicos, "cache creation");
        requireNonNegative(reasoningPicos, "reasoning");
    }

    /** Rates where cached tokens cost as much as input tokens and reasoning tokens as much as output ones. */
    public static TokenRates of(final long inputPicos, final long outputPicos) {
        return new TokenRates(inputPicos, outputPicos, inputPicos, inputPicos, outputPicos);
    }

    /**
     * The exact cost in picounits of one usage, with input including cached tokens and output
     * including reasoning tokens (the caller has checked those inclusions). Throws on overflow.
     */
    public long costPicos(final long input, final long output, final long cacheRead, final long cacheCreation,
        final long reasoning) {
        final long uncachedInput = input - cacheRead - cacheCreation;
        final long plainOutput = output - reasoning;
        long picos = MoneyMath.costPicos(uncachedInput, inputPicos);
        picos = Math.addExact(picos, MoneyMath.costPicos(cacheRead, cacheReadPicos));
        picos = Math.addExact(picos, MoneyMath.costPicos(cacheCreation, cacheCreationPicos));
        picos = Math.addExact(picos, MoneyMath.costPicos(plainOutput, outputPicos));
        return Math.addExact(picos, MoneyMath.costPicos(reasoning, reasoningPicos));
    }

    private static void requireNonNegative(final long picos, final String kind) {
        if (picos < 0) {
            throw new IllegalArgumentException(kind + " token price must not be negative: " + picos + " picos");
        }
    }
}
