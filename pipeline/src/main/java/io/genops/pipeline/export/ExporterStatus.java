package io.genops.pipeline.export;

/**
 * One exporter's progress.
 *
 * @param name           the exporter's name
 * @param exported       events delivered (each counted once per successful batch that held it)
 * @param batches        batches delivered
 * @param retries        sends answered with a retry
 * @param failedBatches  batches refused for good or given up after the configured attempts
 * @param failedEvents   events in those batches, and events the exporter could not take
 * @param damagedRecords journal records skipped because they failed their checksum
 * @param lagRecords     journal records after the settled position, counted across the journal's daily
 *                       cycles; 0 when caught up. Once the runner has stopped: the records it left in
 *                       the journal for the next start
 * @param lagMillis      the age in ms, by the pipeline's clock, of the oldest record not yet settled; 0
 *                       when caught up. Once the runner has stopped: the age of the oldest record it left
 * @param position       the journal index of the last settled record, or -1
 * @param running        whether the runner's thread is still going
 */
public record ExporterStatus(String name, long exported, long batches, long retries, long failedBatches,
    long failedEvents, long damagedRecords, long lagRecords, long lagMillis, long position, boolean running) {
}
