package io.genops.core.export;

/** What became of a batch an {@link Exporter} sent. */
public enum ExportResult {
    /** Delivered: the runner moves past the batch. */
    SUCCESS,
    /** Not delivered but worth retrying (the receiver was down, slow, or asked to back off). */
    RETRY,
    /** Refused for good (a malformed batch, a rejected key): retrying cannot help; the runner counts it. */
    FAILED
}
