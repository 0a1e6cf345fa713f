package io.genops.exporters.config;

import io.genops.config.settings.ExportSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ExporterProvider;
import io.genops.config.spi.ExporterType;
import io.genops.exporters.raindrop.RaindropExporter;

/**
 * Builds the {@link RaindropExporter} that {@code genops.exporters.raindrop.*} describes. The write key
 * comes from the configuration, which reads {@code RAINDROP_WRITE_KEY} as the exporter itself would and
 * refuses an enabled exporter without one.
 */
public final class RaindropExporterProvider implements ExporterProvider {
    @Override
    public ExporterType type() {
        return ExporterType.RAINDROP;
    }

    @Override
    public RaindropExporter create(final GenOpsConfiguration configuration) {
        final ExportSettings.Raindrop raindrop = configuration.exporters().raindrop();
        final RaindropExporter.Builder builder = RaindropExporter.builder().name(type().label())
            .baseUrl(raindrop.url()).timeout(raindrop.timeout()).maxEventsPerRequest(raindrop.maxEventsPerRequest())
            .maxRetryAfterWait(raindrop.maxRetryAfterWait());
        raindrop.writeKey().ifPresent(key -> builder.writeKey(key.reveal()));
        return builder.build();
    }
}
