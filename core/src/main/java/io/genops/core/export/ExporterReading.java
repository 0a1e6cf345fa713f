package io.genops.core.export;

/**
 * One exporter's progress through the journal at the time it is read.
 *
 * @param name         the exporter's name
 * @param exported     events it delivered
 * @param failedEvents events in batches it gave up, or could not take
 * @param retries      sends it repeated
 * @param lagRecords   journal records it has not settled yet
 * @param lagMillis    the age of the last event it settled while newer records wait; 0 when caught up;
 *                     while it has settled nothing yet, how long it has been running
 */
public record ExporterReading(String name, long exported, long failedEvents, long retries, long lagRecords,
    long lagMillis) {
}
