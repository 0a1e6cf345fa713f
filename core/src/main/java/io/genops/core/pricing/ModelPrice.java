package io.genops.core.pricing;

import io.genops.core.Checks;
import io.genops.core.money.MoneyMath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one model costs per token, with optional tiers: when a request's input tokens exceed a
 * tier's threshold, every token of that request is priced at the tier's rates (the long-context
 * pricing of several providers). Tiers are held sorted by threshold; the highest exceeded one wins.
 */
public final class ModelPrice {
    private final String model;
    private final String provider;
    private final TokenRates base;
    private final long[] tierThresholds;
    private final TokenRates[] tierRates;

    private ModelPrice(final String model, final String provider, final TokenRates base, final List<Tier> tiers) {
        this.model = Checks.nonBlank(model, "model");
        this.provider = provider;
        this.base = Objects.requireNonNull(base, "base rates");
        final List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingLong(Tier::aboveInputTokens));
        this.tierThresholds = sorted.stream().mapToLong(Tier::aboveInputTokens).toArray();
        this.tierRates = sorted.stream().map(Tier::rates).toArray(TokenRates[]::new);
        for (int i = 1; i < tierThresholds.length; i++) {
            if (tierThresholds[i] == tierThresholds[i - 1]) {
                throw new IllegalArgumentException(model + " has two tiers above " + tierThresholds[i] + " tokens");
            }
        }
    }

    public static ModelPrice of(final String model, final String provider, final TokenRates base) {
        return new ModelPrice(model, provider, base, List.of());
    }

    public static ModelPrice of(final String model, final String provider, final TokenRates base,
        final List<Tier> tiers) {
        return new ModelPrice(model, provider, base, Objects.requireNonNull(tiers, "tiers"));
    }

    public String model() {
        return model;
    }

    /** The provider, such as {@code "openai"}, or {@code null} when the table does not say. */
    public String provider() {
        return provider;
    }

    public TokenRates base() {
        return base;
    }

    public List<Tier> tiers() {
        final List<Tier> tiers = new ArrayList<>(tierThresholds.length);
        for (int i = 0; i < tierThresholds.length; i++) {
            tiers.add(new Tier(tierThresholds[i], tierRates[i]));
        }
        return tiers;
    }

    /** Index of the tier that prices a request of {@code inputTokens}: -1 for the base rates. */
    public int tierFor(final long inputTokens) {
        int tier = -1;
        for (int i = 0; i < tierThresholds.length && inputTokens > tierThresholds[i]; i++) {
            tier = i;
        }
        return tier;
    }

    public TokenRates rates(final int tier) {
        return tier < 0 ? base : tierRates[tier];
    }

    /** The exact cost in USD nanos of one request, rounded once, half to even. */
    public long costNanos(final long input, final long output, final long cacheRead, final long cacheCreation,
        final long reasoning) {
        final TokenRates rates = rates(tierFor(input));
        return MoneyMath.picosToNanos(rates.costPicos(input, output, cacheRead, cacheCreation, reasoning));
    }

    @Override
    public String toString() {
        return "ModelPrice{" + model + ", provider=" + provider + ", base=" + base + ", tiers=" + tiers() + '}';
    }

    /** Rates that apply to a request whose input exceeds {@code aboveInputTokens}. */
    public record Tier(long aboveInputTokens, TokenRates rates) {
        public Tier {
            Checks.nonNegative(aboveInputTokens, "tier threshold");
            Objects.requireNonNull(rates, "tier rates");
        }
    }
}
