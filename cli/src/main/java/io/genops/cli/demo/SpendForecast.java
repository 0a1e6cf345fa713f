package io.genops.cli.demo;

import io.genops.config.PriceTables;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each team will spend over a run at list prices, worked out from the scripts before the run,
 * with the bundled tables the pipeline prices with. It leaves out the volume discount and the
 * signals conversations emit by themselves, so it is close to the real spend but not equal to it;
 * it only serves to choose a budget that the run will cross.
 */
final class SpendForecast {
    private final ModelPriceTable models = PriceTables.bundledModels();
    private final PlatformPriceTable platform = PriceTables.bundledPlatform();

    /** The spend per team, in USD nanos, of running {@code scripts} under {@code plan}. */
    Map<Team, Long> byTeam(final List<Step[]> scripts, final DemoPlan plan) {
        final Map<Team, Long> spend = new EnumMap<>(Team.class);
        for (int thread = 0; thread < scripts.size(); thread++) {
            final Step[] script = scripts.get(thread);
            final long calls = plan.eventsOf(thread);
            for (int i = 0; i < script.length; i++) {
                final long times = calls / script.length + (i < calls % script.length ? 1 : 0);
                spend.merge(script[i].agent().team(), Math.multiplyExact(times, costNanos(script[i])), Math::addExact);
            }
        }
        return spend;
    }

    private long costNanos(final Step step) {
        if (step.isSignal()) {
            final PerformanceSignal signal = step.signal();
            return platform.signalNanos(signal.complexity(), signal.frequency(), 0);
        }
        final Interaction interaction = step.interaction();
        final ModelPrice price = models.find(interaction.model());
        final long model = price == null ? 0 : price.costNanos(interaction.inputTokens(), interaction.outputTokens(),
            interaction.cacheReadTokens(), interaction.cacheCreationTokens(), interaction.reasoningTokens());
        return Math.addExact(model, platform.interactionNanos(interaction.complexity(), interaction.payloadChars(), 0));
    }
}
