package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.PriceCache;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices each event exactly: model tokens through the {@link PriceCache}, the monitoring platform's
 * fee from the {@link PlatformPriceTable} at the volume discount the month has earned so far, or the
 * caller's explicit override. Adds the cost to the totals per team, agent and model.
 *
 * <p>A model without a price is priced at zero and counted, with one warning per model name (at most
 * {@value #MAX_WARNED_MODELS} names): never a silent zero. Under the failing policy such a model never
 * gets here, since the caller's thread refuses it.
 */
final class CostStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(CostStage.class);
    private static final int MAX_WARNED_MODELS = 100;

    private final PriceCache prices;
    private final PlatformPriceTable platform;
    private final PipelineCounters counters;
    private final CostTotals byTeam;
    private final CostTotals byAgent;
    private final CostTotals byModel;
    private final Set<String> warnedModels = new HashSet<>();

    private long month = Long.MIN_VALUE;
    private long monthInteractions;

    CostStage(final PriceCache prices, final PlatformPriceTable platform, final PipelineCounters counters,
        final CostTotals byTeam, final CostTotals byAgent, final CostTotals byModel) {
        this.prices = prices;
        this.platform = platform;
        this.counters = counters;
        this.byTeam = byTeam;
        this.byAgent = byAgent;
        this.byModel = byModel;
    }

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        final int discountTier = discountTier(event);
        if (event.kind == EventKind.INTERACTION) {
            priceInteraction(event, discountTier);
        } else if (event.kind == EventKind.SIGNAL) {
            event.platformCostNanos = platform.signalNanos(event.complexity, event.frequency, discountTier);
        } else {
            event.platformCostNanos = platform.alertNanos(event.complexity, event.rule.channels().size(), discountTier);
        }
        event.costNanos = event.costOverrideNanos != Interaction.NO_OVERRIDE
            ? event.costOverrideNanos
            : Math.addExact(event.modelCostNanos, event.platformCostNanos);
        record(event);
    }

    /** The month's discount tier before this event; interactions count towards the month's volume. */
    private int discountTier(final EventSlot event) {
        final long eventMonth = UtcCalendar.monthIndex(event.epochMillis);
        if (eventMonth != month) {
            month = eventMonth;
            monthInteractions = 0;
        }
        final int tier = platform.discountTier(monthInteractions);
        if (event.kind == EventKind.INTERACTION) {
            monthInteractions++;
            counters.monthInteractions.lazySet(monthInteractions);
        }
        return tier;
    }

    private void priceInteraction(final EventSlot event, final int discountTier) {
        event.platformCostNanos = platform.interactionNanos(event.complexity, event.payloadChars, discountTier);
        if (event.model == null) {
            return;
        }
        final ModelPrice price = prices.find(event.model);
        if (price == null) {
            event.unpriced = true;
            PipelineCounters.increment(counters.unpricedEvents);
            warnOnce(event.model);
            return;
        }
        event.modelCostNanos = price.costNanos(event.inputTokens, event.outputTokens, event.cacheReadTokens,
            event.cacheCreationTokens, event.reasoningTokens);
    }

    private void record(final EventSlot event) {
        PipelineCounters.add(counters.totalCostNanos, event.costNanos);
        byTeam.add(event.team, event.costNanos);
        if (event.agentId != null) {
            byAgent.add(event.agentId, event.costNanos);
        }
        if (event.model != null) {
            byModel.add(event.model, event.costNanos);
        }
    }

    private void warnOnce(final String model) {
        if (warnedModels.size() < MAX_WARNED_MODELS && warnedModels.add(model)) {
            LOG.warn("Model '{}' has no price in {}; its tokens are priced at zero and counted as unpriced. "
                + "Add it to the price table.", model, prices.table().source());
        }
    }
}
