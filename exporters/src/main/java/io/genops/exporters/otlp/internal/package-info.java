/**
 * The event-to-OTLP mapping, the span, log and metric data, the metric accumulators, the transport
 * over the official OpenTelemetry exporters and the throttled warnings behind
 * {@link io.genops.exporters.otlp.OtlpExporter}. Not API: anything here may change without notice.
 */
package io.genops.exporters.otlp.internal;
