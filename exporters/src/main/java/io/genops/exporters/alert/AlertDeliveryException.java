package io.genops.exporters.alert;

import java.io.IOException;

/**
 * Thrown by an HTTP alert channel's {@code deliver} when it gave up on a batch. The message names the
 * channel, the endpoint with its path hidden, the number of attempts and the last failure; it never
 * holds a header value or the payload.
 */
public final class AlertDeliveryException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final int lastStatus;

    /**
     * @param message    what failed, for a person
     * @param attempts   how many HTTP requests were tried
     * @param lastStatus the HTTP status of the last answer, or {@code -1} when there was none
     * @param cause      the transport failure of the last attempt, or {@code null}
     */
    public AlertDeliveryException(final String message, final int attempts, final int lastStatus,
        final Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    /** How many HTTP requests were tried for the batch. */
    public int attempts() {
        return attempts;
    }

    /** The HTTP status of the last answer, or {@code -1} when the last attempt got none (timeout, refused). */
    public int lastStatus() {
        return lastStatus;
    }
}
