package io.genops.core.export;

/** What became of a batch an {@link Exporter} sent. */
public enum ExportResult {
    /** Delivered: the runner moves past the batch. */
    SUCCESS,
    /** Not delivered but worth retrying (the receiver was down, slow, or asked to back off). */
    RETRY,
    /**
     * Refused for good, in whole or in part (a malformed request, a rejected key): retrying cannot help.
     * The runner counts the batch as failed, and its events as {@link Exporter#undelivered} tells.
     */
    FAILED
}
