package io.genops.cli.demo;

import io.genops.core.export.Exporter;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.exporters.alert.WebhookAlertChannel;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.prometheus.BudgetReading;
import io.genops.exporters.prometheus.PrometheusExporter;
import io.genops.exporters.prometheus.SelfMetric;
import io.genops.exporters.raindrop.RaindropExporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.export.ExporterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The webhook alert channel and the exporters the demo's options ask for, added to the pipeline's
 * builder. The Prometheus endpoint also serves the pipeline's own counts, exporter lags and budgets
 * through its hooks; those read the pipeline, which exists only once the builder has built it, so the
 * hooks go through a reference set by {@link #started}.
 */
final class DemoExporters {
    static final String WEBHOOK = "webhook";
    private static final String SERVICE_NAME = "genops-demo";

    private final Destinations destinations;
    private final AtomicReference<GenOps> pipeline = new AtomicReference<>();
    private final List<Exporter> exporters = new ArrayList<>();
    private WebhookAlertChannel webhook;
    private PrometheusExporter prometheus;

    DemoExporters(final Destinations destinations) {
        this.destinations = destinations;
    }

    /** Builds what was asked for and adds it to {@code builder}; on failure closes what it had built. */
    void addTo(final GenOpsBuilder builder) {
        try {
            if (destinations.webhook() != null) {
                webhook = WebhookAlertChannel.builder(WEBHOOK, destinations.webhook()).build();
                builder.alertChannel(webhook).defaultAlertChannels("log", WEBHOOK);
            }
            if (destinations.raindrop() != null) {
                exporters.add(RaindropExporter.builder().baseUrl(destinations.raindrop()).writeKey(raindropKey())
                    .build());
            }
            if (destinations.otlp() != null) {
                exporters.add(OtlpExporter.builder().endpoint(destinations.otlp()).serviceName(SERVICE_NAME).build());
            }
            if (destinations.prometheusPort() != null) {
                prometheus = PrometheusExporter.builder().port(destinations.prometheusPort()).build();
                exporters.add(prometheus);
            }
        } catch (final RuntimeException e) {
            exporters.forEach(Exporter::close);
            throw e;
        }
        exporters.forEach(builder::exporter);
        if (prometheus != null) {
            registerHooks(prometheus);
        }
    }

    private String raindropKey() {
        return raindropKey(destinations);
    }

    /**
     * The write key from the environment variable {@code --raindrop-key-env} names; it is never printed.
     * The command calls this before it makes the run's journal directory, so a missing key leaves nothing.
     */
    static String raindropKey(final Destinations destinations) {
        final String name = destinations.raindropKeyEnv();
        final String key = System.getenv(name);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("--raindrop-url needs a Raindrop write key in the environment variable "
                + name + ", which is unset or empty" + (name.equals(RaindropExporter.WRITE_KEY_ENVIRONMENT_VARIABLE)
                ? "" : " (named by --raindrop-key-env)"));
        }
        return key.strip();
    }

    void started(final GenOps genops) {
        pipeline.set(genops);
    }

    /** The Prometheus endpoint's address, or {@code null} without one. */
    String prometheusUrl() {
        return prometheus == null ? null : "http://" + prometheus.host() + ":" + prometheus.port() + "/metrics";
    }

    /** What the webhook channel did, or {@code null} without one. */
    DeliveryStats webhookStats() {
        return webhook == null ? null : webhook.stats();
    }

    boolean any() {
        return !exporters.isEmpty();
    }

    private void registerHooks(final PrometheusExporter endpoint) {
        endpoint.selfMetric(SelfMetric.ACCEPTED, metric(PipelineMetrics::accepted))
            .selfMetric(SelfMetric.PROCESSED, metric(PipelineMetrics::processed))
            .selfMetric(SelfMetric.DROPPED, metric(PipelineMetrics::dropped))
            .selfMetric(SelfMetric.REJECTED_BUDGET, metric(PipelineMetrics::rejectedBudget))
            .selfMetric(SelfMetric.REJECTED_INVALID, metric(PipelineMetrics::rejectedInvalid))
            .selfMetric(SelfMetric.FAILED, metric(PipelineMetrics::failedEvents))
            .selfMetric(SelfMetric.STAGE_FAILURES, metric(PipelineMetrics::stageFailures))
            .selfMetric(SelfMetric.RING_REMAINING, metric(PipelineMetrics::ringRemaining))
            .selfMetric(SelfMetric.RING_CAPACITY, metric(PipelineMetrics::ringCapacity))
            .selfMetric(SelfMetric.ALERTS_FIRED, metric(PipelineMetrics::alertsFired))
            .selfMetric(SelfMetric.ALERTS_FAILED, metric(PipelineMetrics::alertsFailed))
            .selfMetric(SelfMetric.ALERTS_DROPPED, metric(PipelineMetrics::alertsDropped));
        for (final Exporter exporter : exporters) {
            final String name = exporter.name();
            endpoint.selfMetric(SelfMetric.EXPORTER_EXPORTED, name, status(name, ExporterStatus::exported))
                .selfMetric(SelfMetric.EXPORTER_FAILED, name, status(name, ExporterStatus::failedEvents))
                .selfMetric(SelfMetric.EXPORTER_RETRIES, name, status(name, ExporterStatus::retries))
                .selfMetric(SelfMetric.EXPORTER_LAG_RECORDS, name, status(name, ExporterStatus::lagRecords))
                .selfMetric(SelfMetric.EXPORTER_LAG_SECONDS, name, status(name, ExporterStatus::lagMillis));
        }
        endpoint.budgets(() -> {
            final GenOps genops = pipeline.get();
            return genops == null ? List.<BudgetReading>of() : genops.budgetStatuses().stream()
                .map(s -> new BudgetReading(s.scope(), s.window(), s.consumed().nanos(), s.allocated().nanos()))
                .collect(Collectors.toList());
        });
    }

    /** A pipeline count read at scrape time; 0 before the pipeline exists. */
    private LongSupplier metric(final ToLongFunction<PipelineMetrics> count) {
        return () -> {
            final GenOps genops = pipeline.get();
            return genops == null ? 0 : count.applyAsLong(genops.metrics());
        };
    }

    private LongSupplier status(final String name, final ToLongFunction<ExporterStatus> field) {
        return () -> {
            final GenOps genops = pipeline.get();
            if (genops == null) {
                return 0;
            }
            return genops.exporterStatuses().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(field::applyAsLong).orElse(0L);
        };
    }
}
