package io.genops.config.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding providers through {@code META-INF/services}: the config module has none of its own, so each
 * test lists the providers it wants in a services directory of its own, read by a class loader of its own.
 */
class ConfiguredComponentsTest {
    private static final String HOOK = "https://hooks.example.com/services/T0/B0/hook-token-9f8e";
    private static final String BEARER = "Bearer otlp-token-1234";
    /** Every exporter the test providers built, and whether it was closed. */
    static final List<TestExporter> BUILT = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Test
    void resolve_withoutAProvider_namesTheKeyItsSourceAndTheModule() throws IOException {
        final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  exporters:\n    otlp:\n"
            + "      enabled: true\n");
        final GenOpsConfiguration config = loader().file(file).load();

        assertThatThrownBy(() -> ConfiguredComponents.resolve(config, services()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("genops.exporters.otlp.enabled is true (")
            .hasMessageContaining("genops.yaml:4")
            .hasMessageContaining("no provider of the otlp exporter is on the class path")
            .hasMessageContaining("genops-exporters (io.genops:genops-exporters)");
    }

    @Test
    void resolve_aChannelWithoutAProvider_namesTheChannelsTypeKey() throws IOException {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_ALERTS_CHANNELS_OPS_URL", HOOK,
            "GENOPS_ALERTS_CHANNELS_OPS_TYPE", "slack")).load();

        assertThatThrownBy(() -> ConfiguredComponents.resolve(config, services(TestProviders.Otlp.class)))
            .hasMessageContaining("genops.alerts.channels.ops.type is slack (environment variable "
                + "GENOPS_ALERTS_CHANNELS_OPS_TYPE), but no provider of a slack alert channel")
            .hasMessageNotContaining("hook-token");
    }

    @Test
    void resolve_withNothingTurnedOn_needsNoProvider() throws IOException {
        final ConfiguredComponents none = ConfiguredComponents.resolve(GenOpsConfiguration.defaults(), services());

        assertThat(none.exporterNames()).isEmpty();
        assertThat(none.channelNames()).isEmpty();
        assertThat(none.buildExporters(Set.of())).isEmpty();
    }

    @Test
    void build_leavesOutWhatWasBuiltByHand_andNamesEachByItsKeys() throws IOException {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_OTLP_ENABLED", "true",
            "GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true", "GENOPS_ALERTS_CHANNELS_OPS_URL", HOOK)).load();
        final ConfiguredComponents components = ConfiguredComponents.resolve(config,
            services(TestProviders.Otlp.class, TestProviders.Prometheus.class, TestProviders.Webhook.class));

        assertThat(components.exporterNames()).containsExactly("otlp", "prometheus");
        assertThat(components.channelNames()).containsExactly("ops");
        assertThat(components.buildExporters(Set.of("prometheus"))).extracting(Exporter::name)
            .containsExactly("otlp");
        final List<AlertChannel> channels = components.buildChannels(Set.of());
        assertThat(channels).extracting(AlertChannel::name).containsExactly("ops");
        assertThat(((TestProviders.TestChannel)channels.get(0)).settings.url().reveal()).isEqualTo(HOOK);
        assertThat(components.buildChannels(Set.of("ops"))).isEmpty();
    }

    @Test
    void build_aFailingProvider_closesWhatWasBuilt_andNamesTheKeys() throws IOException {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_OTLP_ENABLED", "true",
            "GENOPS_EXPORTERS_RAINDROP_ENABLED", "true", "RAINDROP_WRITE_KEY", "rk-secret")).load();
        final ConfiguredComponents components = ConfiguredComponents.resolve(config,
            services(TestProviders.Otlp.class, TestProviders.FailingRaindrop.class));
        BUILT.clear();

        assertThatThrownBy(() -> components.buildExporters(Set.of()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("the raindrop exporter configured under genops.exporters.raindrop.* could not be built: "
                + "no route to the API")
            .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(BUILT).hasSize(1).allSatisfy(exporter -> assertThat(exporter.closed).isTrue());
    }

    @Test
    void resolve_twoProvidersOfOneType_areRefused() throws IOException {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_OTLP_ENABLED", "true"))
            .load();

        assertThatThrownBy(() -> ConfiguredComponents.resolve(config, services(TestProviders.Otlp.class,
            TestProviders.OtherOtlp.class))).hasMessageContaining("two exporter providers of type OTLP")
            .hasMessageContaining(TestProviders.OtherOtlp.class.getName());
    }

    @Test
    void describe_showsWhatWasSetAndWhere_secretsMasked() throws IOException {
        final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  exporters:\n    otlp:\n"
            + "      enabled: true\n      endpoint: http://127.0.0.1:4318\n");
        final GenOpsConfiguration config = loader().file(file).environment(Map.of("GENOPS_EXPORTERS_OTLP_HEADERS",
            "Authorization=" + BEARER, "GENOPS_ALERTS_CHANNELS_OPS_URL", HOOK)).load();

        final List<String> lines = ConfiguredComponents.resolve(config, services(TestProviders.Otlp.class,
            TestProviders.Webhook.class)).describe();

        assertThat(lines).containsExactly("otlp: endpoint=http://127.0.0.1:4318 (" + file + ":5), headers="
            + "Authorization=**** (environment variable GENOPS_EXPORTERS_OTLP_HEADERS)",
            "ops: url=https://hooks.example.com/**** (environment variable GENOPS_ALERTS_CHANNELS_OPS_URL)");
        assertThat(String.join("\n", lines)).doesNotContain("otlp-token", "hook-token", "T0/B0");
    }

    private static io.genops.config.settings.ConfigLoader loader() {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of())
            .workingDirectory(Path.of("no-such-directory"));
    }

    /** A class loader that sees the test's classes and only the providers given, through its own services files. */
    private ClassLoader services(final Class<?>... providers) throws IOException {
        final Path services = Files.createDirectories(dir.resolve("services-" + System.nanoTime())
            .resolve("META-INF/services"));
        final StringBuilder exporters = new StringBuilder();
        final StringBuilder channels = new StringBuilder();
        for (final Class<?> provider : providers) {
            (ExporterProvider.class.isAssignableFrom(provider) ? exporters : channels).append(provider.getName())
                .append('\n');
        }
        Files.writeString(services.resolve(ExporterProvider.class.getName()), exporters);
        Files.writeString(services.resolve(AlertChannelProvider.class.getName()), channels);
        return new URLClassLoader(new URL[] {services.getParent().getParent().toUri().toURL()},
            getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(final String name) throws IOException {
                // Only this loader's own services files, not those of the parent's class path.
                return findResources(name);
            }
        };
    }

    /** An exporter that sends nothing and remembers whether it was closed. */
    static final class TestExporter implements Exporter {
        final String name;
        volatile boolean closed;

        TestExporter(final String name) {
            this.name = name;
            BUILT.add(this);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void add(final EventView event) {
        }

        @Override
        public ExportResult send() {
            return ExportResult.SUCCESS;
        }

        @Override
        public void discard() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Providers the tests list one by one. */
    public static final class TestProviders {
        private TestProviders() {
        }

        public static class Otlp implements ExporterProvider {
            @Override
            public ExporterType type() {
                return ExporterType.OTLP;
            }

            @Override
            public Exporter create(final GenOpsConfiguration configuration) {
                return new TestExporter("otlp");
            }
        }

        public static final class OtherOtlp extends Otlp {
        }

        public static final class Prometheus implements ExporterProvider {
            @Override
            public ExporterType type() {
                return ExporterType.PROMETHEUS;
            }

            @Override
            public Exporter create(final GenOpsConfiguration configuration) {
                return new TestExporter("prometheus");
            }
        }

        public static final class FailingRaindrop implements ExporterProvider {
            @Override
            public ExporterType type() {
                return ExporterType.RAINDROP;
            }

            @Override
            public Exporter create(final GenOpsConfiguration configuration) {
                throw new IllegalArgumentException("no route to the API");
            }
        }

        public static final class Webhook implements AlertChannelProvider {
            @Override
            public AlertChannelSettings.Type type() {
                return AlertChannelSettings.Type.WEBHOOK;
            }

            @Override
            public AlertChannel create(final AlertChannelSettings settings) {
                return new TestChannel(settings);
            }
        }

        static final class TestChannel implements AlertChannel {
            final AlertChannelSettings settings;

            TestChannel(final AlertChannelSettings settings) {
                this.settings = settings;
            }

            @Override
            public String name() {
                return settings.name();
            }

            @Override
            public void deliver(final List<FiredAlert> alerts) {
            }
        }
    }
}
