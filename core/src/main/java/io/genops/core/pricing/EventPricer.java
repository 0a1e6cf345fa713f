package io.genops.core.pricing;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;

/**
 * Prices events one after another, exactly as the pipeline does: model tokens through a
 * {@link PriceCache}, the platform's fee at the volume discount the month's interactions have earned
 * before the event, or the caller's override. The live cost stage and the journal replay share it,
 * so a replay with the same tables over the same records reproduces the live costs to the nanodollar.
 *
 * <p>Results are left in fields rather than returned, so pricing allocates nothing. Not thread-safe.
 */
public final class EventPricer {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final PriceCache prices;
    private final PlatformPriceTable platform;
    private long month = Long.MIN_VALUE;
    private long monthInteractions;

    private long modelNanos;
    private long platformNanos;
    private long totalNanos;
    private boolean unpriced;

    public EventPricer(final PriceCache prices, final PlatformPriceTable platform) {
        this.prices = prices;
        this.platform = platform;
    }

    /**
     * Prices {@code event}; {@code overrideNanos} is the caller's explicit cost or
     * {@link Interaction#NO_OVERRIDE}. Interactions count towards the month's volume. A closed
     * session's record costs nothing: its operations were priced one by one.
     */
    public void price(final EventView event, final long overrideNanos) {
        final int tier = discountTier(event);
        modelNanos = 0;
        unpriced = false;
        if (event.kind() == EventKind.INTERACTION) {
            platformNanos = platform.interactionNanos(event.complexity(), event.payloadChars(), tier);
            priceModel(event);
        } else if (event.kind() == EventKind.SIGNAL) {
            platformNanos = platform.signalNanos(event.complexity(), event.frequency(), tier);
        } else if (event.kind() == EventKind.SESSION) {
            platformNanos = 0;
        } else {
            platformNanos = platform.alertNanos(event.complexity(), event.channelCount(), tier);
        }
        totalNanos = overrideNanos != Interaction.NO_OVERRIDE
            ? overrideNanos
            : Math.addExact(modelNanos, platformNanos);
    }

    private void priceModel(final EventView event) {
        final String model = event.model();
        if (model == null) {
            return;
        }
        final ModelPrice price = prices.find(model);
        if (price == null) {
            unpriced = true;
            return;
        }
        modelNanos = price.costNanos(event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
            event.cacheCreationTokens(), event.reasoningTokens());
    }

    private int discountTier(final EventView event) {
        final long eventMonth = monthIndex(event.epochMillis());
        if (eventMonth > month) {
            // Only forward: an event stamped late in the month before must not reset this month's count.
            month = eventMonth;
            monthInteractions = 0;
        }
        final int tier = platform.discountTier(monthInteractions);
        if (event.kind() == EventKind.INTERACTION) {
            monthInteractions++;
        }
        return tier;
    }

    /**
     * Counts {@code event} towards the month's volume exactly as {@link #price} would, without pricing
     * it: a restart runs the journal's records through this so the discount continues where it was.
     */
    public void countVolume(final EventView event) {
        discountTier(event);
    }

    public long monthInteractions() {
        return monthInteractions;
    }

    public long modelNanos() {
        return modelNanos;
    }

    public long platformNanos() {
        return platformNanos;
    }

    public long totalNanos() {
        return totalNanos;
    }

    public boolean unpriced() {
        return unpriced;
    }

    public PriceCache prices() {
        return prices;
    }

    /**
     * A number that rises by one each UTC calendar month, {@code year * 12 + month - 1}, by the
     * days-to-civil conversion on the proleptic Gregorian calendar; no {@code java.time} objects.
     */
    public static long monthIndex(final long epochMillis) {
        final long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY) + 719_468;
        final long era = Math.floorDiv(days, 146_097);
        final long dayOfEra = days - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 12 + month - 1;
    }
}
