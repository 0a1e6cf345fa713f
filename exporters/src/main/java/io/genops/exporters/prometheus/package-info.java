/**
 * The Prometheus endpoint: {@link io.genops.exporters.prometheus.PrometheusExporter} counts every
 * journaled event into series named in {@link io.genops.exporters.prometheus.MetricNames}, and exposes
 * the pipeline's own counts under the names of {@link io.genops.exporters.prometheus.SelfMetric}. The
 * dashboard and autoscaler examples in the repository's {@code deploy/} directory use these names.
 */
package io.genops.exporters.prometheus;
