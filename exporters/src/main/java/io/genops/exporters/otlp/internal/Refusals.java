package io.genops.exporters.otlp.internal;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;

/**
 * Tells a collector's refusal of the data itself from a failure that may pass. The OTLP specification
 * has an HTTP 400 ({@code Bad Request}) and a gRPC {@code INVALID_ARGUMENT} mean that the request cannot
 * be processed as sent; sending it again gets the same answer. Everything else (a refused connection, a
 * timeout, 429, 5xx, and also 401, 403 and 404, which a corrected configuration ends) may pass, and is
 * retried, so an outage or a misconfiguration never costs data.
 *
 * <p>The answer's status comes from the official exporter's {@code FailedExportException}, which lives
 * in one of its internal packages: the version is pinned, and a failure of any other shape is taken for
 * one that may pass.
 */
public final class Refusals {
    private static final int BAD_REQUEST = 400;

    private Refusals() {
    }

    /** Whether {@code failure}, the throwable a failed export ended with, refuses its items for good. */
    public static boolean forGood(final Throwable failure) {
        if (failure instanceof FailedExportException.HttpExportException http && http.failedWithResponse()) {
            final HttpResponse response = http.getResponse();
            return response != null && response.getStatusCode() == BAD_REQUEST;
        }
        if (failure instanceof FailedExportException.GrpcExportException grpc && grpc.failedWithResponse()) {
            final GrpcResponse response = grpc.getResponse();
            return response != null && response.getStatusCode() == GrpcStatusCode.INVALID_ARGUMENT;
        }
        return false;
    }
}
