package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.source;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML and JSON, nested and dotted, with or without the genops level; lists, maps, sizes and durations. */
class FileFormatsTest {
    @TempDir
    Path dir;

    @Test
    void nestedDottedAndRootedKeys_meanTheSame() {
        write(dir, "genops.yaml", "genops:", "  pipeline:", "    ring-size: 1024", "genops.journal.sync-on-flush: true",
            "alerts.batch-size: 7", "limits:", "  max-tracked-keys: 99");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.pipeline().ringSize()).isEqualTo(1024);
        assertThat(config.journal().syncOnFlush()).isTrue();
        assertThat(config.alerts().batchSize()).isEqualTo(7);
        assertThat(config.limits().maxTrackedKeys()).isEqualTo(99);
    }

    @Test
    void json_isReadWithLineNumbers() {
        final Path file = write(dir, "genops.json", "{", "  \"pipeline\": {", "    \"ring-size\": 1024,",
            "    \"backpressure\": \"sometimes\"", "  },", "  \"budgets\": {\"thresholds\": [50, 2000]}", "}");

        assertThat(problems(isolated(dir))).containsExactly(
            file + ":4: genops.pipeline.backpressure: 'sometimes' is not one of the allowed values (allowed: one of "
                + "block, drop, fail)",
            file + ":6: genops.budgets.thresholds: item 2: '2000' lies outside 1 to 1000 (allowed: 1 to 31 of a whole "
                + "number from 1 to 1000)");
    }

    @Test
    void malformedJson_isReportedAtItsLine() {
        final Path file = write(dir, "genops.json", "{", "  \"pipeline\": {\"ring-size\": 1024,}", "}");

        assertThat(problems(isolated(dir))).singleElement().asString().startsWith(file + ":2: genops.config: is "
            + "malformed JSON: ").endsWith("(allowed: well-formed JSON holding one object of keys, such as "
            + "{\"pipeline\": {\"ring-size\": 4096}})");
    }

    @Test
    void listsAndMaps_readAsFileStructuresOrAsText() {
        write(dir, "genops.yaml", "budgets:", "  thresholds: [25, 75]", "pricing:", "  currencies:",
            "    EUR: \"0.9\"", "    JPY: 150");
        final Map<String, String> env = Map.of("GENOPS_SAMPLING_ADAPTIVE_LOWER_IS_WORSE", "quality, accuracy",
            "GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=Bearer a=b, X-Tenant=acme");

        final GenOpsConfiguration config = isolated(dir).environment(env).load();

        assertThat(config.budgets().thresholds()).containsExactly(25, 75);
        assertThat(config.pricing().currencies().rates()).containsOnlyKeys("EUR", "JPY")
            .containsEntry("EUR", new BigDecimal("0.900000"));
        assertThat(config.sampling().adaptive().lowerIsWorse()).containsExactly("quality", "accuracy");
        assertThat(config.exporters().otlp().headers()).containsOnlyKeys("Authorization", "X-Tenant");
        assertThat(config.exporters().otlp().headers().get("Authorization").reveal()).isEqualTo("Bearer a=b");
    }

    @Test
    void relativePathsInAFile_areTakenFromItsDirectory_andElsewhereFromTheWorkingDirectory() throws IOException {
        final Path sub = Files.createDirectories(dir.resolve("some").resolve("dir"));
        write(sub, "prices.json", "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\",",
            "  \"unit\": \"per_million_tokens\",",
            "  \"models\": {\"beside-the-file\": {\"input\": \"1\", \"output\": \"2\"}}}");
        final Path file = write(sub, "genops.yaml", "pricing.model-file: prices.json", "journal.directory: journal",
            "exporters.otlp.trusted-certificates: ../ca.pem", "exporters.otlp.client-key: " + dir.resolve("key.pem"),
            "exporters.otlp.client-certificate: client.pem");

        final GenOpsConfiguration config = isolated(dir).file(file).environment(Map.of(
            "GENOPS_EXPORTERS_OTLP_CLIENT_CERTIFICATE", "certs/client.pem")).load();

        assertThat(config.pricing().modelFile()).contains(sub.resolve("prices.json"));
        assertThat(config.pricing().modelPrices().find("beside-the-file")).isNotNull();
        assertThat(config.journal().directory()).isEqualTo(sub.resolve("journal"));
        assertThat(config.exporters().otlp().trustedCertificates()).contains(sub.resolve("../ca.pem"));
        assertThat(config.exporters().otlp().clientKey()).contains(dir.resolve("key.pem"));
        assertThat(config.exporters().otlp().clientCertificate()).contains(Path.of("certs", "client.pem"));
        assertThat(source(config, "genops.journal.directory")).isEqualTo(file + ":2");
    }

    @Test
    void durationsAndSizes_takeUnitsOrIso() {
        write(dir, "genops.yaml", "pipeline.consumer-park: 250us", "pipeline.close-timeout: PT1M30S",
            "journal.retention-age: 400d", "journal.retention-bytes: 512MiB", "alerts.batch-age: 1500ms");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.pipeline().consumerPark()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(config.pipeline().closeTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.journal().retentionAge()).contains(Duration.ofDays(400));
        assertThat(config.journal().retentionBytes()).hasValue(512L << 20);
        assertThat(config.alerts().batchAge()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.describe()).contains("genops.journal.retention-bytes", "= 512MiB",
            "genops.pipeline.close-timeout", "= 90s");
    }

    @Test
    void nullInTheFile_unsetsAnOptionalKey_butNotOneWithADefault() {
        final Path file = write(dir, "genops.yaml", "profile: prod", "attribution.environment: null",
            "pipeline.ring-size: ~");

        assertThat(problems(isolated(dir))).containsExactly(file + ":3: genops.pipeline.ring-size: has no value, "
            + "and the key cannot be unset (allowed: a power of two from 2 to 1073741824)");
        write(dir, "genops.yaml", "profile: prod", "attribution.environment: null");
        final GenOpsConfiguration config = isolated(dir).load();
        assertThat(config.attribution().environment()).isNull();
        assertThat(source(config, "genops.attribution.environment")).endsWith("genops.yaml:2");
    }

    @Test
    void anEmptyFile_isNoConfiguration_andAScalarFileIsAProblem() {
        write(dir, "genops.yaml", "");
        assertThat(isolated(dir).load().pipeline().ringSize()).isEqualTo(65_536);

        final Path file = write(dir, "genops.yaml", "just text");
        assertThat(problems(isolated(dir))).containsExactly(file + ":1: genops.config: does not hold an object of "
            + "keys (allowed: well-formed YAML holding one object of keys, such as pipeline: {ring-size: 4096})");
    }
}
