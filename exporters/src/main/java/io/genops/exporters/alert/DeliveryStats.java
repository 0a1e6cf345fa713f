package io.genops.exporters.alert;

/**
 * What an HTTP alert channel has done since it was built; a snapshot, each figure read atomically on
 * its own.
 *
 * @param attempts  HTTP requests tried, the first of each batch and every retry
 * @param retries   attempts after the first of a batch
 * @param successes batches the endpoint accepted with a 2xx answer
 * @param failures  batches given up on: refused for good, out of attempts, interrupted, or not encodable
 */
public record DeliveryStats(long attempts, long retries, long successes, long failures) {
}
