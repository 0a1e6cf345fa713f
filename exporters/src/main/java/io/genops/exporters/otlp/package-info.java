/**
 * OTLP export of journaled events: {@link io.genops.exporters.otlp.OtlpExporter} implements the core
 * exporter SPI with the official OpenTelemetry exporters, over HTTP/protobuf or gRPC. Interactions
 * become spans following the OpenTelemetry GenAI conventions with {@code genops.*} attributes, signals
 * and alerts become log records, and every event is counted in cumulative metrics. Drive it with the
 * pipeline's export runner. The {@code internal} package below is not API.
 */
package io.genops.exporters.otlp;
