package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.pricing.EventPricer;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices each event exactly with the shared {@link EventPricer} and adds the cost to the totals per
 * team, agent and model.
 *
 * <p>An interaction whose caller charged a fixed estimate is priced exactly here like any other; the
 * difference from the estimate is summed, so the estimate's accuracy can be watched.
 *
 * <p>A closed session's record is not priced: it costs nothing and adds nothing to the totals.
 *
 * <p>A model without a price is priced at zero and counted, with one warning per model name (at most
 * {@value #MAX_WARNED_MODELS} names): never a silent zero. Under the failing policy such a model never
 * gets here, since the caller's thread refuses it.
 */
final class CostStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(CostStage.class);
    private static final int MAX_WARNED_MODELS = 100;

    private final EventPricer pricer;
    private final PipelineCounters counters;
    private final CostTotals byTeam;
    private final CostTotals byAgent;
    private final CostTotals byModel;
    private final Set<String> warnedModels = new HashSet<>();

    CostStage(final EventPricer pricer, final PipelineCounters counters, final CostTotals byTeam,
        final CostTotals byAgent, final CostTotals byModel) {
        this.pricer = pricer;
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
        if (event.kind == EventKind.SESSION) {
            return;
        }
        pricer.price(event, event.costOverrideNanos);
        counters.monthInteractions.lazySet(pricer.monthInteractions());
        event.modelCostNanos = pricer.modelNanos();
        event.platformCostNanos = pricer.platformNanos();
        event.costNanos = pricer.totalNanos();
        if (event.costEstimated) {
            PipelineCounters.increment(counters.estimatedInteractions);
            PipelineCounters.add(counters.estimateDriftNanos, event.costNanos - event.reservationNanos);
        }
        if (pricer.unpriced()) {
            event.unpriced = true;
            PipelineCounters.increment(counters.unpricedEvents);
            warnOnce(event.model);
        }
        record(event);
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
                + "Add it to the price table.", model, pricer.prices().table().source());
        }
    }
}
