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
 * @param lagRecords     records of the current journal day not yet settled; 0 when caught up
 * @param lagMillis      how long ago the last settled event happened, in ms, while records wait; 0 when
 *                       caught up; while nothing has been settled yet, how long ago the runner started
 * @param position       the journal index of the last settled record, or -1
 * @param running        whether the runner's thread is still going; lag is meaningful only while it is
 */
public record ExporterStatus(String name, long exported, long batches, long retries, long failedBatches,
    long failedEvents, long damagedRecords, long lagRecords, long lagMillis, long position, boolean running) {
}
