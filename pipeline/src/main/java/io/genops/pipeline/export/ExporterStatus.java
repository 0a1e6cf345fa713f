package io.genops.pipeline.export;

/**
 * One exporter's progress.
 *
 * @param name           the exporter's name
 * @param exported       events delivered (each counted once per settled batch that held it): those of
 *                       delivered batches, and of batches refused or given up in part, less the ones their
 *                       exporter counted as not delivered ({@link io.genops.core.export.Exporter#undelivered})
 * @param batches        batches whose send answered success
 * @param retries        sends answered with a retry
 * @param failedBatches  batches refused for good, in whole or in part, or given up after the configured
 *                       attempts
 * @param failedEvents   events of settled batches that did not get through (all of a refused or given-up
 *                       batch unless its exporter counts them), and events the exporter could not take
 * @param damagedRecords journal records skipped because they failed their checksum
 * @param restarts       times the runner started again from the saved position after an unexpected error
 *                       (the journal or the position file unreadable, an exporter throwing where it must not)
 * @param lagRecords     journal records after the settled position, counted across the journal's cycle
 *                       files; 0 when caught up. Once the runner has stopped: the records it left in
 *                       the journal for the next start
 * @param lagMillis      the age in ms, by the pipeline's clock, of the oldest record not yet settled; 0
 *                       when caught up. Once the runner has stopped: the age of the oldest record it left
 * @param position       the journal index of the last settled record, or -1
 * @param running        whether the runner's thread is still going: until the pipeline closes
 */
public record ExporterStatus(String name, long exported, long batches, long retries, long failedBatches,
    long failedEvents, long damagedRecords, long restarts, long lagRecords, long lagMillis, long position,
    boolean running) {
}
