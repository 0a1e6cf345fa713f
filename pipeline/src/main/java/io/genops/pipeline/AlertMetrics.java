package io.genops.pipeline;

/**
 * The alert stage's own counts, beside {@link PipelineMetrics#alertsFired()} and
 * {@link PipelineMetrics#alertsSuppressed()}.
 *
 * @param stateKeys    states of (rule, scope key) held now: windows and cooldowns, capped by
 *                     {@code maxAlertStateKeys} (plus one per global rule)
 * @param keysEvicted  states dropped, least recently seen first, to stay under the cap
 * @param rulesRejected rules ignored because {@code maxAlertRules} were already registered
 * @param journaled    fired rule alerts put back into the pipeline, where they are priced and journaled
 * @param unjournaled  fired rule alerts that could not be put back (queue or ring full, or closing);
 *                     they were still delivered
 */
public record AlertMetrics(long stateKeys, long keysEvicted, long rulesRejected, long journaled, long unjournaled) {
}
