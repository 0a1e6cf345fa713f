package io.genops.exporters.raindrop;

/**
 * What a {@link RaindropExporter} has done since it was built; a snapshot, each figure read atomically
 * on its own.
 *
 * @param events         interactions Raindrop accepted
 * @param signals        signals Raindrop accepted
 * @param skipped        records not sent by design: alert rules (see {@link RaindropExporter})
 * @param unencodable    events that could not be written as JSON and were dropped, each with a warning
 * @param requests       HTTP requests made, first tries and retries alike
 * @param failedRequests requests that did not deliver: a retryable answer or failure, or a refusal
 * @param refusedEvents  events in requests Raindrop refused for good (4xx), or left unsent after a
 *                       refusal of the write key or the address
 * @param retries        sends that answered {@code RETRY}, the ones that waited out a Retry-After
 *                       without a request included
 * @param failedSends    sends that answered {@code FAILED}: a batch with a refused request
 */
public record RaindropStats(long events, long signals, long skipped, long unencodable, long requests,
    long failedRequests, long refusedEvents, long retries, long failedSends) {
}
