package io.genops.exporters.config;

import io.genops.config.settings.ExportSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ExporterProvider;
import io.genops.config.spi.ExporterType;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.otlp.OtlpProtocol;

/** Builds the {@link OtlpExporter} that {@code genops.exporters.otlp.*} describes. */
public final class OtlpExporterProvider implements ExporterProvider {
    @Override
    public ExporterType type() {
        return ExporterType.OTLP;
    }

    /** Reads the TLS files, if any; connections open on the first send. */
    @Override
    public OtlpExporter create(final GenOpsConfiguration configuration) {
        final ExportSettings.Otlp otlp = configuration.exporters().otlp();
        final OtlpExporter.Builder builder = OtlpExporter.builder().name(type().label())
            .protocol(otlp.protocol() == ExportSettings.Otlp.Protocol.GRPC ? OtlpProtocol.GRPC
                : OtlpProtocol.HTTP_PROTOBUF)
            .gzip(otlp.gzip()).timeout(otlp.timeout()).serviceName(otlp.serviceName())
            .metricInterval(otlp.metricInterval()).maxMetricSeries(otlp.maxMetricSeries())
            .requestSize(otlp.requestSize()).maxConcurrentRequests(otlp.maxConcurrentRequests());
        otlp.endpoint().ifPresent(builder::endpoint);
        otlp.headers().forEach((name, value) -> builder.header(name, value.reveal()));
        otlp.resourceAttributes().forEach(builder::resourceAttribute);
        otlp.trustedCertificates().ifPresent(builder::trustedCertificates);
        if (otlp.clientKey().isPresent() && otlp.clientCertificate().isPresent()) {
            builder.clientTls(otlp.clientKey().get(), otlp.clientCertificate().get());
        }
        return builder.build();
    }
}
