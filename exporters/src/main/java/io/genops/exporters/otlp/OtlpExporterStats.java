package io.genops.exporters.otlp;

/**
 * What an {@link OtlpExporter} has done since it was built; a snapshot, each figure read atomically on
 * its own.
 *
 * @param eventsCounted        events folded into the metrics: every event the exporter was given,
 *                             sampled or not
 * @param spansExported        interaction spans the collector accepted
 * @param logsExported         signal and alert log records the collector accepted
 * @param sends                calls of {@code send()}
 * @param failedSends          sends that did not deliver the whole batch: answered with a retry (some part
 *                             not accepted in time), or failed (some part refused for good)
 * @param discardedBatches     batches the runner let go: given up, refused in part for good, or delivered
 *                             elsewhere
 * @param metricExports        metric exports the collector accepted
 * @param failedMetricExports  metric exports that failed; the next one carries the same cumulative totals
 * @param overflowEvents       events counted in the overflow series because the metric series limit was
 *                             reached
 * @param unmappedEvents       events that could not be turned into a span or log record (counted in the
 *                             metrics all the same); expected to stay 0
 */
public record OtlpExporterStats(long eventsCounted, long spansExported, long logsExported, long sends,
    long failedSends, long discardedBatches, long metricExports, long failedMetricExports, long overflowEvents,
    long unmappedEvents) {
}
