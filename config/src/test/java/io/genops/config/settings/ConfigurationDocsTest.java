package io.genops.config.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/configuration.md} equal to what the registry produces. Run with
 * {@code -Dgenops.docs.update=true} to rewrite the file instead of failing; the failure says so.
 */
class ConfigurationDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    private static final Path PACKAGE_DOCS = Path.of("src", "main", "java", "io", "genops", "config", "settings",
        "package-info.java");
    /** A key as prose names it: not part of a longer dotted name such as a Java package. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])genops(\\.[a-z0-9<>-]+)+");

    @Test
    void theReference_isInStepWithTheRegistry() throws IOException {
        final String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("genops.docs.update")) {
            Files.createDirectories(DOCS.getParent());
            Files.writeString(DOCS, generated);
        }

        assertThat(Files.exists(DOCS)).as("docs/configuration.md is missing; create it with:%n  %s",
            ConfigReference.REGENERATE).isTrue();
        assertThat(Files.readString(DOCS)).as("docs/configuration.md differs from what ConfigKeys produces; "
            + "rewrite it with:%n  %s", ConfigReference.REGENERATE).isEqualTo(generated);
    }

    @Test
    void theReference_listsEveryKeyWithItsVariable() {
        final String reference = ConfigReference.markdown();

        assertThat(ConfigKeys.all()).allSatisfy(key -> assertThat(reference)
            .contains("| `" + key.name() + "` |").contains("`" + key.environmentVariable() + "`"));
    }

    @Test
    void theExampleInTheReference_loads(@TempDir final Path dir) {
        final Path file = Configs.write(dir, "genops.yaml", ConfigReference.EXAMPLE);

        final GenOpsConfiguration config = Configs.isolated(dir).file(file).environment(Map.of(
            "GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL", "https://hooks.slack.com/services/T0/B0/x",
            "GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=Bearer abc")).load();

        assertThat(config.profile()).contains(Profile.PROD);
        assertThat(config.alerts().rules().get("hourly-spend").toAlertRule().windowNanos())
            .isEqualTo(15L * 60 * 1_000_000_000);
        assertThat(config.exporters().otlp().headers().get("Authorization").reveal()).isEqualTo("Bearer abc");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void everyKey_hasAMeaningAndADefaultInWords() {
        assertThat(ConfigKeys.all()).allSatisfy(key -> {
            assertThat(key.description()).as(key.name()).isNotBlank().endsWith(".");
            assertThat(key.defaultText()).as(key.name()).isNotBlank();
            assertThat(key.name()).as(key.name()).matches("genops(\\.[a-z0-9<>-]+)+");
        });
    }

    @Test
    void everyKeyTheDocumentationNames_isAKeyOrASectionOfKeys() throws IOException {
        final List<String> texts = new ArrayList<>(List.of(Files.readString(PACKAGE_DOCS), ConfigReference.markdown()));
        ConfigKeys.all().forEach(key -> texts.add(key.description()));

        final List<String> unknown = new ArrayList<>();
        for (final String text : texts) {
            final Matcher mention = MENTION.matcher(text);
            while (mention.find()) {
                if (!named(mention.group())) {
                    unknown.add(mention.group());
                }
            }
        }

        assertThat(unknown).as("names in the package documentation, the reference or key descriptions that are no "
            + "key, entry or section of keys").isEmpty();
    }

    /** A key, an entry's key, a configuration file's name, or the start of some key's name. */
    private static boolean named(final String name) {
        return KeyIndex.match(name) != null || ConfigFile.NAMES.contains(name)
            || ConfigKeys.all().stream().anyMatch(key -> key.name().startsWith(name + "."));
    }
}
