package io.genops.exporters.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What a test receiver has accepted, decoded with the official OTLP protobuf classes, plus the header
 * values and content encodings the requests came with.
 */
final class Received {
    final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    /** The {@code authorization} header (or gRPC metadata) of each accepted request, "" when absent. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The content encoding of each accepted request ("identity" when none was declared). */
    final List<String> encodings = new CopyOnWriteArrayList<>();

    List<Span> spans() {
        return traces.stream().flatMap(r -> r.getResourceSpansList().stream())
            .flatMap(r -> r.getScopeSpansList().stream()).flatMap(s -> s.getSpansList().stream())
            .collect(Collectors.toList());
    }

    List<LogRecord> logRecords() {
        return logs.stream().flatMap(r -> r.getResourceLogsList().stream())
            .flatMap(r -> r.getScopeLogsList().stream()).flatMap(s -> s.getLogRecordsList().stream())
            .collect(Collectors.toList());
    }

    Resource spanResource() {
        return traces.get(0).getResourceSpans(0).getResource();
    }

    String spanScopeName() {
        return traces.get(0).getResourceSpans(0).getScopeSpans(0).getScope().getName();
    }

    /** The metric {@code name} of the last metric request that holds it. */
    Optional<Metric> lastMetric(final String name) {
        for (int i = metrics.size() - 1; i >= 0; i--) {
            final Optional<Metric> found = metrics.get(i).getResourceMetricsList().stream()
                .flatMap(r -> r.getScopeMetricsList().stream()).flatMap(s -> s.getMetricsList().stream())
                .filter(m -> m.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Attributes as plain Java values: String, Long, Double or Boolean. */
    static Map<String, Object> attributes(final List<KeyValue> keyValues) {
        final Map<String, Object> attributes = new LinkedHashMap<>();
        for (final KeyValue keyValue : keyValues) {
            attributes.put(keyValue.getKey(), plain(keyValue.getValue()));
        }
        return attributes;
    }

    static Object plain(final AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            default:
                return value.toString();
        }
    }

    static String hex(final com.google.protobuf.ByteString bytes) {
        final StringBuilder text = new StringBuilder();
        for (final byte b : bytes.toByteArray()) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
