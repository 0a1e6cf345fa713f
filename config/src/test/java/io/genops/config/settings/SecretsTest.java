package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write keys, header values and webhook URLs never show: not in toString, the effective values or any message. */
class SecretsTest {
    private static final String WRITE_KEY = "rk_live_0123456789";
    private static final String HOOK = "https://hooks.slack.com/services/T000/B000/abcdefghijklmnop";
    private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9";
    private static final String HEADER_VALUES = "visible ASCII characters with spaces only between them, no tabs, "
        + "as both HTTP (RFC 9110) and gRPC metadata carry them; white space around the value is trimmed";

    @TempDir
    Path dir;

    @Test
    void secrets_areMaskedInToStringValuesAndDescribe() {
        write(dir, "genops.yaml", "alerts:", "  default-channels: [ops]", "  channels:", "    ops:",
            "      type: slack", "      headers: {X-Token: \"hidden-header\"}", "exporters:", "  otlp:",
            "    enabled: true");
        final GenOpsConfiguration config = isolated(dir).environment(Map.of("RAINDROP_WRITE_KEY", WRITE_KEY,
            "GENOPS_ALERTS_CHANNELS_OPS_URL", HOOK, "GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=" + BEARER,
            "GENOPS_EXPORTERS_RAINDROP_ENABLED", "true")).load();

        assertThat(config.exporters().raindrop().writeKey().orElseThrow().reveal()).isEqualTo(WRITE_KEY);
        assertThat(config.alerts().channels().get("ops").url().reveal()).isEqualTo(HOOK);
        assertThat(config.exporters().otlp().headers().get("Authorization").reveal()).isEqualTo(BEARER);
        for (final String shown : new String[] {config.toString(), config.describe(), config.values().toString(),
            config.exporters().toString(), config.alerts().toString()}) {
            assertThat(shown).doesNotContain(WRITE_KEY, HOOK, "T000", BEARER, "eyJ", "hidden-header");
        }
        assertThat(config.describe()).contains("genops.exporters.raindrop.write-key", "= ****",
            "genops.alerts.channels.ops.url", "= https://hooks.slack.com/****",
            "genops.exporters.otlp.headers", "= Authorization=****", "X-Token=****");
    }

    @Test
    void aSecretAsASystemProperty_isRefused_withoutShowingIt() {
        final ConfigLoader loader = isolated(dir).systemProperties(Map.of("genops.exporters.raindrop.write-key",
            WRITE_KEY, "genops.alerts.channels.ops.url", HOOK));

        final String message = Configs.message(loader);

        assertThat(message).doesNotContain(WRITE_KEY, "T000").contains(
            "system property genops.alerts.channels.ops.url: is secret, and system properties show in process "
                + "listings (allowed: the environment variable GENOPS_ALERTS_CHANNELS_OPS_URL or the file)",
            "system property genops.exporters.raindrop.write-key: is secret, and system properties show in process "
                + "listings (allowed: the environment variable RAINDROP_WRITE_KEY or the file)");
    }

    @Test
    void aBadSecret_isReported_withoutShowingIt() {
        final Path file = write(dir, "genops.yaml", "alerts.channels.ops.url: \"ftp://hooks/T000/secret\"",
            "exporters.otlp.headers: {Authorization: \"Bearer \\u0001T000\"}");
        final ConfigLoader loader = isolated(dir).environment(Map.of("RAINDROP_WRITE_KEY", "has T000 spaces",
            "GENOPS_ALERTS_CHANNELS_HOOK_HEADERS", "T000-no-equals-sign"));

        final java.util.List<String> problems = problems(loader);

        assertThat(String.join("\n", problems)).doesNotContain("T000");
        assertThat(problems).contains(
            file + ":1: genops.alerts.channels.ops.url: the value (not shown, the key is secret) is not an absolute "
                + "http or https URL with a host (allowed: an absolute http or https URL)",
            "environment variable RAINDROP_WRITE_KEY: genops.exporters.raindrop.write-key: the value (not shown, the "
                + "key is secret) is empty or holds a character other than visible ASCII, which an HTTP header cannot "
                + "carry (allowed: visible ASCII characters, no spaces)",
            "environment variable GENOPS_ALERTS_CHANNELS_HOOK_HEADERS: genops.alerts.channels.hook.headers: entry 1 "
                + "does not read name=value (allowed: name=value pairs, each name once, values " + HEADER_VALUES + ")");
    }

    @Test
    void aHeaderValue_isTrimmed_andHoldsVisibleAsciiWithSpacesBetween_butNoTab() {
        final Path file = write(dir, "genops.yaml", "exporters.otlp.headers:",
            "  Authorization: \"\\tBearer bad\\tsecret\"",
            "  X-Accent: \"caf\u00e9\"");

        assertThat(problems(isolated(dir))).containsExactly(file + ":1: genops.exporters.otlp.headers: "
            + "'Authorization': the value (not shown) holds a character other than visible ASCII and spaces, such as "
            + "a tab or a line break; 'X-Accent': the value (not shown) holds a character other than visible ASCII "
            + "and spaces, such as a tab or a line break (allowed: name=value pairs, each name once, values "
            + HEADER_VALUES + ")");
        write(dir, "genops.yaml", "exporters.otlp.headers: {Authorization: \"\\t Bearer  inner spaces \\n\"}");
        assertThat(isolated(dir).load().exporters().otlp().headers().get("Authorization").reveal())
            .isEqualTo("Bearer  inner spaces");
    }

    @Test
    void theHeaderValueReader_refusesWhatTheAllowedTextRulesOut() throws InvalidValue {
        assertThatThrownBy(() -> Parsers.secretHeaderValue(" Bearer x")).isInstanceOf(InvalidValue.class)
            .hasMessage("begins or ends with a space");
        assertThatThrownBy(() -> Parsers.secretHeaderValue("Bearer x ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Parsers.secretHeaderValue("Bearer bad\tsecret")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Parsers.secretHeaderValue("Bearer\nx")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Parsers.secretHeaderValue("")).isInstanceOf(InvalidValue.class);
        assertThat(Parsers.secretHeaderValue("Bearer a b").reveal()).isEqualTo("Bearer a b");
    }

    @Test
    void aBadSecretInALoaderCall_failsWithoutShowingIt() {
        assertThatThrownBy(() -> isolated(dir).set(ConfigKeys.RAINDROP_WRITE_KEY, Secret.of("T000 with space")))
            .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("T000")
            .startsWith("genops.exporters.raindrop.write-key: the value (not shown)");
    }

    @Test
    void aSecret_comparesByValue_andShowsOnlyItsMask() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b")).hasToString("****");
        assertThat(Secret.url(java.net.URI.create(HOOK))).hasToString("https://hooks.slack.com/****");
    }
}
