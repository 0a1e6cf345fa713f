package io.genops.cli.demo;

import io.genops.core.event.Complexity;

/**
 * One kind of model call an agent makes, with the ranges its figures are drawn from.
 *
 * @param model            the model name as the provider reports it
 * @param provider         who serves it
 * @param weight           how often it is chosen relative to the team's other calls
 * @param minInput         fewest prompt tokens
 * @param maxInput         most prompt tokens
 * @param minOutput        fewest completion tokens
 * @param maxOutput        most completion tokens
 * @param cachedPercent    share of the prompt read from the provider's cache, on the calls that hit it
 * @param reasoningPercent share of the completion spent on reasoning
 * @param complexity       how the monitoring platform rates the call
 * @param minLatencyMs     fastest response
 * @param maxLatencyMs     slowest response, before the occasional straggler
 */
record CallProfile(String model, String provider, int weight, int minInput, int maxInput, int minOutput,
    int maxOutput, int cachedPercent, int reasoningPercent, Complexity complexity, int minLatencyMs,
    int maxLatencyMs) {
}
