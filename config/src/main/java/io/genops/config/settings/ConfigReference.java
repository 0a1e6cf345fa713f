package io.genops.config.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reference of every key, profile and preset as Markdown: the text of
 * {@code docs/configuration.md}, which a test keeps equal to what this class produces.
 */
public final class ConfigReference {
    /** A configuration file that shows most forms; the reference prints it, and a test loads it. */
    public static final String EXAMPLE = String.join("\n",
        "genops:",
        "  profile: prod",
        "  attribution:",
        "    team: support",
        "    project: helpdesk",
        "  budgets:",
        "    limits:",
        "      - team:support:daily=50.00",
        "      - team-project:support/helpdesk:monthly=900",
        "    thresholds: [50, 80, 100]",
        "  pipeline:",
        "    ring-size: 65536",
        "    consumer-park: 100us",
        "  alerts:",
        "    default-channels: [log, ops-pager]",
        "    channels:",
        "      ops-pager:",
        "        type: slack",
        "        # url: from GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL, as it holds a token",
        "    rules:",
        "      hourly-spend:",
        "        conditions: [\"cost_usd_per_hour > 20\"]",
        "        scope: team",
        "        window: 15m",
        "        severity: critical",
        "        channels: [ops-pager]",
        "  journal:",
        "    directory: /var/lib/genops/journal",
        "    retention-age: 400d",
        "  exporters:",
        "    otlp:",
        "      enabled: true",
        "      endpoint: http://otel-collector:4318",
        "      # headers: from GENOPS_EXPORTERS_OTLP_HEADERS=\"Authorization=Bearer ...\"",
        "");

    /** The command that rewrites {@code docs/configuration.md} from the registry. */
    public static final String REGENERATE = "mvn -pl config -am test -Dtest=ConfigurationDocsTest "
        + "-Dsurefire.failIfNoSpecifiedTests=false -Dgenops.docs.update=true";

    private static final String NL = "\n";

    private ConfigReference() {
    }

    /** The whole reference, as Markdown with {@code \n} line ends. */
    public static String markdown() {
        final StringBuilder md = new StringBuilder();
        md.append("# Configuration reference").append(NL).append(NL)
            .append("<!-- Generated from io.genops.config.settings.ConfigKeys by ConfigurationDocsTest; do not edit. ")
            .append("Regenerate with: ").append(REGENERATE).append(" -->").append(NL).append(NL);
        intro(md);
        keyTables(md);
        profiles(md);
        return md.toString();
    }

    private static void intro(final StringBuilder md) {
        md.append(String.join(NL,
            "One typed, immutable configuration, loaded and checked before anything starts:",
            "",
            "```java",
            "GenOpsConfiguration config = GenOpsConfiguration.loader().load();",
            "GenOps genops = GenOps.builder().configuration(config).build();",
            "```",
            "",
            "## Sources and precedence",
            "",
            "From highest to lowest; a higher source overrides a lower one key by key:",
            "",
            "1. calls on the loader: `set(key, value)`, `profile(...)`, `file(...)`;",
            "2. system properties named like the keys: `-Dgenops.pipeline.ring-size=4096`;",
            "3. environment variables: `GENOPS_PIPELINE_RING_SIZE=4096` (the key in capitals, `_` for `.` and `-`);",
            "4. the file: named by the loader, `genops.config` or `GENOPS_CONFIG`, or else `genops.yaml`, `genops.yml`",
            "   or `genops.json` in the working directory (more than one there is an error);",
            "5. the preset, then the profile (`genops.preset`, `genops.profile`, chosen in any source above);",
            "6. the defaults below, which equal the builder's.",
            "",
            "Setters called on `GenOps.builder()` after `configuration(...)` override it in turn.",
            "",
            "**Exporters and alert channels** that the configuration turns on are built by providers found on the",
            "class path with `ServiceLoader`; `genops-exporters` holds one for each exporter and channel type. Without",
            "it, `configuration(...)` fails and names the key that asks for one. They are built by `build()`, each",
            "named after its keys (`otlp`, `prometheus`, `raindrop`, or the channel's name); an exporter or channel",
            "added to the builder by hand under the same name replaces the configured one, before or after",
            "`configuration(...)`, and the configured one is then never built.",
            "",
            "A file nests keys (`pipeline: {ring-size: 4096}`) or dots them (`pipeline.ring-size: 4096`), with or",
            "without the leading `genops` level. Lists are YAML or JSON lists in a file and comma-separated text",
            "elsewhere; maps (headers, currency rates) are objects in a file and `name=value,name=value` elsewhere.",
            "An empty variable or property counts as unset; `null` in a file unsets an optional key.",
            "",
            "**Relative paths** (price tables, the journal directory, TLS files) written in a file are taken from that",
            "file's directory, so a file and the files it names can move together; written in a variable, a property",
            "or a loader call, they are taken from the working directory.",
            "",
            "Keys with `<name>` are templates for named entries: `genops.alerts.channels.ops-pager.url`, or",
            "`GENOPS_ALERTS_CHANNELS_OPS_PAGER_URL`. Names are lower-case letters, digits and inner hyphens, so the",
            "environment can reach every entry.",
            "",
            "**Secrets** (write keys, header values, webhook URLs) are read from the environment, the file or the",
            "loader only; a system property holding one is an error, as process listings show them. They are",
            "masked wherever a configuration is shown and never appear in error messages.",
            "",
            "**Validation.** Unknown keys (with a suggestion), values of the wrong type or out of range, and settings",
            "that contradict each other are errors naming the key, the source (file and line, variable or property)",
            "and what is allowed; all of them are reported together in one `ConfigurationException`. Under the",
            "`GENOPS_` and `genops.` prefixes, only names whose first part is a section below (or close to one) are",
            "checked, so other tools' `genops.*` properties are left alone.",
            "",
            "An example file (`ops-pager`'s URL and the OTLP headers come from the environment):",
            "",
            "```yaml",
            EXAMPLE + "```",
            "",
            ""));
    }

    private static void keyTables(final StringBuilder md) {
        final Map<String, List<ConfigKey<?>>> bySection = new LinkedHashMap<>();
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            bySection.computeIfAbsent(ConfigKeys.sections().get(key.section()), title -> new ArrayList<>()).add(key);
        }
        bySection.forEach((title, keys) -> {
            md.append("## ").append(title).append(NL).append(NL)
                .append("| key | type | default | environment variable | allowed | meaning |").append(NL)
                .append("|---|---|---|---|---|---|").append(NL);
            keys.forEach(key -> md.append(row(key)).append(NL));
            md.append(NL);
        });
    }

    private static String row(final ConfigKey<?> key) {
        final String type = key.type().name();
        final boolean literal = key.defaultValue() != null && !key.defaultText().equals("none");
        return "| `" + key.name() + "` | " + cell(type) + " | " + code(key.defaultText(), literal)
            + " | `" + key.environmentVariable() + "` | " + cell(key.type().allowed()) + " | "
            + cell(key.description()) + " |";
    }

    private static void profiles(final StringBuilder md) {
        md.append("## Profiles").append(NL).append(NL);
        for (final Profile profile : Profile.values()) {
            md.append("- `").append(profile.label()).append("`: ").append(profile.intent()).append('.').append(NL);
        }
        final List<Map<String, String>> columns = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final Profile profile : Profile.values()) {
            columns.add(profile.settings());
            names.add(profile.label());
        }
        settingsTable(md, names, columns);

        md.append("## Presets").append(NL).append(NL);
        columns.clear();
        names.clear();
        for (final Preset preset : Preset.values()) {
            md.append("- `").append(preset.label()).append("`: ").append(preset.intent()).append('.').append(NL);
            columns.add(preset.settings());
            names.add(preset.label());
        }
        settingsTable(md, names, columns);
        md.append("A preset applies over the profile: `genops.profile=prod` with `genops.preset=high-frequency` is ")
            .append("prod with the preset's changes. Anything set in a file, the environment, a property or the ")
            .append("loader overrides both.").append(NL);
    }

    private static void settingsTable(final StringBuilder md, final List<String> names,
        final List<Map<String, String>> columns) {
        md.append(NL).append("| key | ").append(String.join(" | ", names)).append(" |").append(NL)
            .append("|---|").append("---|".repeat(names.size())).append(NL);
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (columns.stream().noneMatch(column -> column.containsKey(key.name()))) {
                continue;
            }
            md.append("| `").append(key.name()).append("` |");
            for (final Map<String, String> column : columns) {
                final String value = column.get(key.name());
                md.append(' ').append(value == null ? "" : value.isEmpty() ? "(none)" : "`" + value + "`").append(" |");
            }
            md.append(NL);
        }
        md.append(NL);
    }

    private static String code(final String text, final boolean literal) {
        return literal ? "`" + text + "`" : cell(text);
    }

    private static String cell(final String text) {
        return text.replace("|", "\\|");
    }
}
