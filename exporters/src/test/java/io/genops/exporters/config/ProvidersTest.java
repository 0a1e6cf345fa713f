package io.genops.exporters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.AlertChannelProvider;
import io.genops.config.spi.ConfiguredComponents;
import io.genops.config.spi.ExporterProvider;
import io.genops.config.spi.ExporterType;
import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import io.genops.core.export.Exporter;
import io.genops.exporters.alert.AlertDeliveryException;
import io.genops.exporters.alert.CapturedLogs;
import io.genops.exporters.alert.SlackAlertChannel;
import io.genops.exporters.alert.WebhookAlertChannel;
import io.genops.exporters.prometheus.PrometheusExporter;
import io.genops.exporters.raindrop.RaindropExporter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each provider maps its keys onto the exporter's or channel's builder; secrets reach the wire and nothing else. */
class ProvidersTest {
    private static final String WRITE_KEY = "rk-cfg-5d1e88";
    private static final String HOOK_TOKEN = "T0CFG/B0CFG/hook-secret-31";
    private static final String HEADER = "hdr-secret-77";

    @TempDir
    Path dir;

    @Test
    void everyTypeHasAProvider_listedInMetaInfServices() {
        assertThat(ServiceLoader.load(ExporterProvider.class).stream().map(p -> p.get().type()))
            .containsExactlyInAnyOrder(ExporterType.values());
        assertThat(ServiceLoader.load(AlertChannelProvider.class).stream().map(p -> p.get().type()))
            .containsExactlyInAnyOrder(AlertChannelSettings.Type.values());
    }

    @Test
    void prometheus_listensWhereConfigured_andServesWithoutJvmSeriesWhenTurnedOff() throws Exception {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true",
            "GENOPS_EXPORTERS_PROMETHEUS_PORT", "0", "GENOPS_EXPORTERS_PROMETHEUS_JVM_METRICS", "false")).load();

        try (Exporter exporter = only(config)) {
            final PrometheusExporter prometheus = (PrometheusExporter)exporter;
            assertThat(prometheus.name()).isEqualTo("prometheus");
            assertThat(prometheus.host()).isEqualTo("127.0.0.1");
            assertThat(prometheus.port()).isPositive();
            final HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + prometheus.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("genops_").doesNotContain("jvm_memory");
        }
    }

    @Test
    void raindrop_takesTheWriteKeyFromItsVariable_andEveryLimit_withoutShowingTheKey() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_RAINDROP_ENABLED", "true",
            "RAINDROP_WRITE_KEY", WRITE_KEY, "GENOPS_EXPORTERS_RAINDROP_URL", "http://127.0.0.1:9/v1",
            "GENOPS_EXPORTERS_RAINDROP_TIMEOUT", "3s", "GENOPS_EXPORTERS_RAINDROP_MAX_EVENTS_PER_REQUEST", "20",
            "GENOPS_EXPORTERS_RAINDROP_MAX_RETRY_AFTER_WAIT", "0s")).load();

        try (Exporter exporter = only(config)) {
            assertThat(exporter).isInstanceOf(RaindropExporter.class);
            assertThat(exporter.toString()).contains("name=raindrop", "baseUrl=http://127.0.0.1:9", "timeout=PT3S",
                "maxEventsPerRequest=20", "maxRetryAfterWait=PT0S").doesNotContain(WRITE_KEY);
        }
    }

    @Test
    void webhook_postsToTheConfiguredUrl_withItsHeaders_andShowsNeither() throws Exception {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("X-Token"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            final String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + HOOK_TOKEN;
            final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_ALERTS_CHANNELS_OPS_URL", url,
                "GENOPS_ALERTS_CHANNELS_OPS_HEADERS", "X-Token=" + HEADER, "GENOPS_ALERTS_CHANNELS_OPS_MAX_ATTEMPTS",
                "1", "GENOPS_ALERTS_CHANNELS_OPS_TIMEOUT", "2s")).load();

            final AlertChannel channel = onlyChannel(config);
            channel.deliver(List.of(alert()));

            assertThat(channel).isInstanceOf(WebhookAlertChannel.class);
            assertThat(requests).containsExactly("/hooks/" + HOOK_TOKEN + " " + HEADER);
            assertThat(channel.toString()).contains("name=ops", "X-Token=***", "timeout=PT2S", "maxAttempts=1")
                .doesNotContain(HOOK_TOKEN, "hook-secret", HEADER);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void slack_givenUpOn_logsNeitherTheUrlsTokenNorTheHeader() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_ALERTS_CHANNELS_PAGER_TYPE", "slack",
            "GENOPS_ALERTS_CHANNELS_PAGER_URL", "http://127.0.0.1:9/services/" + HOOK_TOKEN,
            "GENOPS_ALERTS_CHANNELS_PAGER_HEADERS", "X-Token=" + HEADER, "GENOPS_ALERTS_CHANNELS_PAGER_MAX_ATTEMPTS",
            "2", "GENOPS_ALERTS_CHANNELS_PAGER_BACKOFF_INITIAL", "10ms", "GENOPS_ALERTS_CHANNELS_PAGER_BACKOFF_MAX",
            "20ms")).load();
        final AlertChannel channel = onlyChannel(config);

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThatThrownBy(() -> channel.deliver(List.of(alert()))).isInstanceOf(AlertDeliveryException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HOOK_TOKEN, HEADER));
            assertThat(logs.text()).isNotEmpty().doesNotContain(HOOK_TOKEN, "hook-secret", HEADER);
        }
        assertThat(channel).isInstanceOf(SlackAlertChannel.class);
        assertThat(((SlackAlertChannel)channel).stats().attempts()).isEqualTo(2);
    }

    private static FiredAlert alert() {
        return new FiredAlert("hourly-spend", Severity.CRITICAL, "team=support", "cost_usd_per_hour", 25, 20,
            List.of("ops"), System.currentTimeMillis(), "Team support spends 25 USD an hour");
    }

    private static Exporter only(final GenOpsConfiguration config) {
        final List<Exporter> exporters = ConfiguredComponents.resolve(config).buildExporters(Set.of());
        assertThat(exporters).hasSize(1);
        return exporters.get(0);
    }

    private static AlertChannel onlyChannel(final GenOpsConfiguration config) {
        final List<AlertChannel> channels = ConfiguredComponents.resolve(config).buildChannels(Set.of());
        assertThat(channels).hasSize(1);
        return channels.get(0);
    }

    private ConfigLoader loader() {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of()).workingDirectory(dir);
    }
}
