package io.genops.cli.demo;

import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.BackpressurePolicy;

/**
 * A demo run as the options asked for it, already checked.
 *
 * @param agents       agents, spread over the teams in turn
 * @param threads      producer threads
 * @param events       calls to make in all, interactions and signals
 * @param rate         calls per second over all threads; 0 for as fast as they go
 * @param policy       advisory or enforced budgets
 * @param backpressure what a producer does when the ring is full
 * @param budget       each team's daily budget
 * @param sampling     adaptive or fixed-rate sampling
 * @param sampleRate   with fixed-rate sampling, the share of interactions and signals marked for export
 * @param journal      where the audit journal goes
 * @param seed         the seed the scripts are drawn from
 * @param destinations the webhook and exporters to send to
 * @param configuration the configuration the pipeline starts from: its exporters and channels always; its policy,
 *                      budgets, backpressure and sampling only where the command took them over into this plan
 * @param configuredSampling whether sampling is the configuration's, no sampling option being given
 */
record DemoPlan(int agents, int threads, long events, long rate, GovernancePolicy policy,
    BackpressurePolicy backpressure, BudgetOption budget, SamplingMode sampling, double sampleRate,
    JournalChoice journal, long seed, Destinations destinations, GenOpsConfiguration configuration,
    boolean configuredSampling) {

    /** The calls producer {@code thread} makes: an even share, the first threads taking the remainder. */
    long eventsOf(final int thread) {
        return events / threads + (thread < events % threads ? 1 : 0);
    }

    /**
     * Whether the pipeline refuses a call on {@code model} at the call: the configuration's unknown-model
     * policy is fail and its prices have none for the model, as for the workload's self-hosted fine-tune.
     */
    boolean refusesUnpriced(final String model) {
        return configuration.pricing().unknownModel() == UnknownModelPolicy.FAIL
            && configuration.pricing().modelPrices().find(model) == null;
    }

    /** Nanoseconds between two calls of one producer, or 0 when unpaced. */
    double intervalNanos() {
        return rate == 0 ? 0 : 1e9 * threads / rate;
    }
}
