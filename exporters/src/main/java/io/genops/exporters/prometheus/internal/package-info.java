/**
 * The moving parts behind {@link io.genops.exporters.prometheus.PrometheusExporter}: label caps, the
 * agent-type rule, the exact cost counters, the recent-agents table and the callback registry. Not
 * API: anything here may change without notice.
 */
package io.genops.exporters.prometheus.internal;
