package io.genops.exporters.config;

import io.genops.config.settings.ExportSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ExporterProvider;
import io.genops.config.spi.ExporterType;
import io.genops.exporters.prometheus.PrometheusExporter;

/**
 * Builds the {@link PrometheusExporter} that {@code genops.exporters.prometheus.*} describes, which starts
 * listening at once. The pipeline's own counts, exporter lags and budgets join it when the pipeline
 * starts and {@linkplain PrometheusExporter#attach attaches} its figures.
 */
public final class PrometheusExporterProvider implements ExporterProvider {
    @Override
    public ExporterType type() {
        return ExporterType.PROMETHEUS;
    }

    /**
     * Registers the metrics and listens on the configured address.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    @Override
    public PrometheusExporter create(final GenOpsConfiguration configuration) {
        final ExportSettings.Prometheus prometheus = configuration.exporters().prometheus();
        return PrometheusExporter.builder().name(type().label()).host(prometheus.host()).port(prometheus.port())
            .maxTeams(prometheus.maxTeams()).maxProjects(prometheus.maxProjects())
            .maxAgentTypes(prometheus.maxAgentTypes()).maxModels(prometheus.maxModels())
            .maxCostSeries(prometheus.maxCostSeries()).maxTrackedAgents(prometheus.maxTrackedAgents())
            .concurrentAgentsWindow(prometheus.concurrentAgentsWindow()).jvmMetrics(prometheus.jvmMetrics())
            .build();
    }
}
