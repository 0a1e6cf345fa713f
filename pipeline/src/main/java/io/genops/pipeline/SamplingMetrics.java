package io.genops.pipeline;

/**
 * A snapshot of the sampling stage's counts. Every event it marked for export is counted under
 * exactly one reason, so the {@code kept*} figures add up to {@link PipelineMetrics#sampledIn()}.
 *
 * @param keysTracked       keys (event kind or signal name, with agent id) an adaptive policy holds statistics for
 * @param keysEvicted       keys forgotten, least recently seen first, to stay within the policy's {@code maxKeys}
 * @param keptFirstEvents   events exported as one of their key's first events
 * @param keptTrendingWorse events exported at the trending-worse rate
 * @param keptHighVariance  events exported at the high-variance rate
 * @param keptStable        events exported at the stable rate
 * @param keptMustKeep      alerts, errors, failed events and events whose policy result was not {@code ALLOWED}
 * @param keptHead          events exported because an adaptive policy's head sampling kept their conversation
 * @param keptFixedRate     events exported by a fixed-rate policy (by conversation when they have one)
 */
public record SamplingMetrics(long keysTracked, long keysEvicted, long keptFirstEvents, long keptTrendingWorse,
    long keptHighVariance, long keptStable, long keptMustKeep, long keptHead, long keptFixedRate) {

    /** Events marked for export, for every reason. */
    public long kept() {
        return keptFirstEvents + keptTrendingWorse + keptHighVariance + keptStable + keptMustKeep + keptHead
            + keptFixedRate;
    }
}
