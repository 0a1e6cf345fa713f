package io.genops.pipeline;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.AlertChannelProvider;
import io.genops.config.spi.ExporterProvider;
import io.genops.config.spi.ExporterType;
import io.genops.core.alert.AlertChannel;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Providers the pipeline's tests list in {@code META-INF/services}: one for the {@code prometheus} exporter
 * type and one for {@code slack} channels, both in memory. The other types have no provider here, as in an
 * application without {@code genops-exporters}.
 */
public final class TestProviders {
    /** Every exporter and channel the providers built, in order. */
    static final List<Object> BUILT = new CopyOnWriteArrayList<>();

    private TestProviders() {
    }

    /** Builds a {@link CountingExporter} named {@code prometheus}. */
    public static final class Prometheus implements ExporterProvider {
        @Override
        public ExporterType type() {
            return ExporterType.PROMETHEUS;
        }

        @Override
        public Exporter create(final GenOpsConfiguration configuration) {
            final CountingExporter exporter = new CountingExporter(type().label());
            BUILT.add(exporter);
            return exporter;
        }
    }

    /** Builds a {@link CapturingChannel} under the configured name. */
    public static final class Slack implements AlertChannelProvider {
        @Override
        public AlertChannelSettings.Type type() {
            return AlertChannelSettings.Type.SLACK;
        }

        @Override
        public AlertChannel create(final AlertChannelSettings settings) {
            final CapturingChannel channel = new CapturingChannel(settings.name());
            BUILT.add(channel);
            return channel;
        }
    }

    /** Counts the events it is given and whether it was closed; every send succeeds. */
    static final class CountingExporter implements Exporter {
        final AtomicLong delivered = new AtomicLong();
        volatile boolean closed;
        private final String name;
        private long batch;

        CountingExporter(final String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void add(final EventView event) {
            batch++;
        }

        @Override
        public ExportResult send() {
            delivered.addAndGet(batch);
            batch = 0;
            return ExportResult.SUCCESS;
        }

        @Override
        public void discard() {
            batch = 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
