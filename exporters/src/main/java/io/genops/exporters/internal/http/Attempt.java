package io.genops.exporters.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * What one HTTP attempt came to, as a value: the caller's retry logic decides on it and nothing is
 * thrown between attempts.
 *
 * @param outcome         success, worth another attempt, or refused for good
 * @param status          the HTTP status, or {@code -1} when no answer came
 * @param retryAfterNanos the server's Retry-After on a status worth retrying, or {@code -1}
 * @param failure         what went wrong, for a person; empty on success; never a header value or the payload
 * @param cause           the transport exception, or {@code null}
 */
public record Attempt(Outcome outcome, int status, long retryAfterNanos, String failure, Throwable cause) {
    /** Delivered, worth another attempt, or refused for good. */
    public enum Outcome {
        SUCCESS, RETRY, PERMANENT
    }

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_TIMEOUT = 408;

    /**
     * Classifies an answer: 2xx is success; 408, 429 and 5xx are worth retrying, after the server's
     * Retry-After when it sent one; anything else, other 4xx above all, is a refusal that retrying cannot
     * change. Redirects are not followed, so 3xx is a refusal too.
     */
    public static Attempt answered(final int status, final String retryAfter, final long nowMillis) {
        if (status >= 200 && status < 300) {
            return new Attempt(Outcome.SUCCESS, status, -1, "", null);
        }
        if (status == REQUEST_TIMEOUT || status == TOO_MANY_REQUESTS || status >= 500 && status < 600) {
            final long retryAfterNanos = Backoff.parseRetryAfterNanos(retryAfter, nowMillis);
            return new Attempt(Outcome.RETRY, status, retryAfterNanos, "HTTP " + status, null);
        }
        return new Attempt(Outcome.PERMANENT, status, -1, "HTTP " + status + ", a refusal that is not retried", null);
    }

    /** Classifies a transport failure: timeouts and I/O failures are worth retrying, anything else is not. */
    public static Attempt failed(final Throwable error, final Duration timeout) {
        if (error instanceof HttpConnectTimeoutException) {
            return new Attempt(Outcome.RETRY, -1, -1, "could not connect within " + timeout, error);
        }
        if (error instanceof HttpTimeoutException) {
            return timedOut(timeout, error);
        }
        if (error instanceof ConnectException) {
            return new Attempt(Outcome.RETRY, -1, -1, "connection refused or unreachable", error);
        }
        if (error instanceof IOException) {
            return new Attempt(Outcome.RETRY, -1, -1, "I/O failure, " + describe(error), error);
        }
        return new Attempt(Outcome.PERMANENT, -1, -1, "unexpected failure, " + describe(error), error);
    }

    public static Attempt unencodable(final IOException error) {
        return new Attempt(Outcome.PERMANENT, -1, -1, "could not write the JSON body, " + describe(error), error);
    }

    public static Attempt timedOut(final Duration timeout, final Throwable cause) {
        return new Attempt(Outcome.RETRY, -1, -1, "no answer within " + timeout, cause);
    }

    private static String describe(final Throwable error) {
        final String message = error.getMessage();
        final String type = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
