package io.genops.cli.demo;

import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;

/**
 * One scripted call, built before the run starts: either an agent's interaction, in its team's
 * session or in the producer's current customer conversation, or a performance signal about an agent.
 *
 * @param agent          who made the call, or whom the signal is about
 * @param interaction    the interaction, or {@code null} for a signal
 * @param signalName     the signal's name, or {@code null} for an interaction
 * @param signal         the signal, or {@code null} for an interaction
 * @param conversational whether the interaction belongs to the current conversation
 */
record Step(Agent agent, Interaction interaction, String signalName, PerformanceSignal signal,
    boolean conversational) {

    static Step interaction(final Agent agent, final Interaction interaction, final boolean conversational) {
        return new Step(agent, interaction, null, null, conversational);
    }

    static Step signal(final Agent agent, final String name, final PerformanceSignal signal) {
        return new Step(agent, null, name, signal, false);
    }

    boolean isSignal() {
        return signal != null;
    }
}
