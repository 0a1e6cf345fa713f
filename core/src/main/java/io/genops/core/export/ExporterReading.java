package io.genops.core.export;

/**
 * One exporter's progress through the journal at the time it is read.
 *
 * @param name         the exporter's name
 * @param exported     events it delivered
 * @param failedEvents events in batches it gave up, or could not take
 * @param retries      sends it repeated
 * @param lagRecords   journal records it has not settled yet, of every day the journal holds
 * @param lagMillis    the age, by the pipeline's clock, of the oldest journal record it has not settled
 *                     yet; 0 when caught up
 * @param restarts     times its runner started over from the saved position after an error that escaped
 *                     a run (the journal or the position file unreadable); rising, it exports nothing
 */
public record ExporterReading(String name, long exported, long failedEvents, long retries, long lagRecords,
    long lagMillis, long restarts) {
}
