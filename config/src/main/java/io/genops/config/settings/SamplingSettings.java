package io.genops.config.settings;

import io.genops.core.event.EventKind;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Which events are exported as spans or logs: fixed rates per event kind, or adaptive sampling per key.
 * Accounting never samples; alerts, errors and refused events are always exported.
 *
 * @param mode     fixed rates or adaptive
 * @param rates    the fixed rate of each kind that has one, in [0, 1]
 * @param adaptive the adaptive policy's settings, used in {@link Mode#ADAPTIVE} only
 */
public record SamplingSettings(Mode mode, Map<EventKind, Double> rates, Adaptive adaptive) {
    public enum Mode {
        FIXED, ADAPTIVE
    }

    public SamplingSettings {
        rates = Map.copyOf(rates);
    }

    /**
     * The adaptive policy's settings; the pipeline's {@code SamplingPolicy.Builder} documents each.
     *
     * @param firstEvents       events of each new key exported before sampling starts
     * @param halfLife          half-life of the long average and variance, in events of the key
     * @param trendSensitivity  standard errors of noise a short average must lie beyond the long one
     * @param minTrendChange    the smallest gap that counts as a trend, as a fraction of the long average
     * @param varianceBound     the coefficient of variation above which a key counts as highly variable
     * @param trendingWorseRate the share of a trending-worse key's events exported
     * @param highVarianceRate  the share of a highly variable key's events exported
     * @param stableRate        the share of a stable key's events exported
     * @param lowerIsWorse      signals whose values are worse when lower
     * @param conversationRate  the share of conversations exported whole; empty for no head sampling
     * @param maxKeys           keys whose statistics are kept
     */
    public record Adaptive(int firstEvents, int halfLife, double trendSensitivity, double minTrendChange,
        double varianceBound, double trendingWorseRate, double highVarianceRate, double stableRate,
        List<String> lowerIsWorse, OptionalDouble conversationRate, int maxKeys) {
        public Adaptive {
            lowerIsWorse = List.copyOf(lowerIsWorse);
        }
    }
}
