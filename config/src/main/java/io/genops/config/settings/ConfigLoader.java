package io.genops.config.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link GenOpsConfiguration} from its sources, highest precedence first:
 * <ol>
 *   <li>calls on this loader ({@link #set}, {@link #profile}, {@link #file});</li>
 *   <li>system properties named like the keys, {@code -Dgenops.pipeline.ring-size=4096};</li>
 *   <li>environment variables, {@code GENOPS_PIPELINE_RING_SIZE=4096};</li>
 *   <li>the file: {@code genops.yaml} or {@code genops.json}, named by {@link #file}, {@code genops.config} or
 *       {@code GENOPS_CONFIG}, or else found in the working directory;</li>
 *   <li>the preset, then the profile ({@code genops.preset}, {@code genops.profile}, set in any source above);</li>
 *   <li>the defaults in {@link ConfigKeys}.</li>
 * </ol>
 * Secrets are read from the environment, the file or calls on this loader only; a system property
 * holding one is refused, as process listings show them.
 *
 * <p>Calls on the loader fail fast: a value its key refuses, or a name that is no key, throws at the
 * call. Everything else is checked by {@link #load()}, which reports every problem of every source in
 * one {@link ConfigurationException}. The environment, the system properties and the working directory
 * can be replaced, so tests do not depend on the machine they run on.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Map<String, RawEntry> calls = new LinkedHashMap<>();
    private Map<String, String> environment;
    private Map<String, String> systemProperties;
    private Path workingDirectory = Path.of("");
    private Consumer<String> warnings = warning -> LOG.warn("GenOps configuration: {}", warning);

    ConfigLoader() {
    }

    /** The configuration file, YAML or JSON by its extension; a missing file is a problem at load. */
    public ConfigLoader file(final Path file) {
        return set(ConfigKeys.CONFIG_FILE, Objects.requireNonNull(file, "file"));
    }

    public ConfigLoader profile(final Profile profile) {
        return set(ConfigKeys.PROFILE, Objects.requireNonNull(profile, "profile"));
    }

    public ConfigLoader preset(final Preset preset) {
        return set(ConfigKeys.PRESET, Objects.requireNonNull(preset, "preset"));
    }

    /** Sets {@code key}, over every other source; {@code null} unsets an optional key. */
    public <T> ConfigLoader set(final ConfigKey<T> key, final T value) {
        if (key.isTemplate()) {
            throw new IllegalArgumentException(key.name() + " is a template: name the entry, set(key, entry, value)");
        }
        return put(key, key.name(), value);
    }

    /** Sets the key of entry {@code entry} under template {@code template}, such as a channel's URL. */
    public <T> ConfigLoader set(final ConfigKey<T> template, final String entry, final T value) {
        if (!template.isTemplate()) {
            throw new IllegalArgumentException(template.name() + " is not a template: use set(key, value)");
        }
        try {
            Parsers.entryName(Objects.requireNonNull(entry, "entry"));
        } catch (final InvalidValue e) {
            throw new IllegalArgumentException(template.name() + ": " + e.about("the name '" + entry + "'"), e);
        }
        return put(template, template.nameFor(entry), value);
    }

    /** Sets a key by name from text, read as a file's value: {@code set("genops.pipeline.ring-size", "4096")}. */
    public ConfigLoader set(final String key, final String value) {
        return set(key, value, Source.builder());
    }

    /**
     * Sets a key by name from text as {@link #set(String, String)} does, for a caller that took the text from
     * somewhere a user knows, such as a command's {@code option --profile}: problems and the effective values name
     * {@code origin} as the source instead of a builder call.
     */
    public ConfigLoader set(final String key, final String value, final String origin) {
        return set(key, value, Source.builder(Objects.requireNonNull(origin, "origin")));
    }

    private ConfigLoader set(final String key, final String value, final Source source) {
        Objects.requireNonNull(key, "key");
        final KeyIndex.Match match = KeyIndex.match(key);
        if (match == null) {
            final String closest = KeyIndex.suggest(key);
            throw new IllegalArgumentException(key + " is not a configuration key"
                + (closest == null ? "" : "; did you mean " + closest + "?"));
        }
        final RawValue raw = value == null ? new RawValue.Null() : new RawValue.Text(value);
        check(match.key(), key, raw);
        calls.put(key, new RawEntry(key, raw, source));
        return this;
    }

    /**
     * Where {@link #load()} reports each warning: the log by default. A caller that shows
     * {@link GenOpsConfiguration#warnings()} itself passes one that does nothing, so each warning is told once.
     */
    public ConfigLoader warnings(final Consumer<String> handler) {
        this.warnings = Objects.requireNonNull(handler, "warnings");
        return this;
    }

    /** The environment to read instead of the process's; for tests and embedding. */
    public ConfigLoader environment(final Map<String, String> variables) {
        this.environment = Map.copyOf(Objects.requireNonNull(variables, "environment"));
        return this;
    }

    /** The system properties to read instead of the JVM's; for tests and embedding. */
    public ConfigLoader systemProperties(final Map<String, String> properties) {
        this.systemProperties = Map.copyOf(Objects.requireNonNull(properties, "systemProperties"));
        return this;
    }

    /** Where {@code genops.yaml}, {@code genops.yml} or {@code genops.json} is looked for when no file is named. */
    public ConfigLoader workingDirectory(final Path directory) {
        this.workingDirectory = Objects.requireNonNull(directory, "workingDirectory");
        return this;
    }

    /**
     * Reads every source, checks everything, and returns the configuration; each warning goes once to the
     * handler given to {@link #warnings}, the log unless another was given.
     *
     * @throws ConfigurationException listing every problem found, when there is any
     */
    public GenOpsConfiguration load() {
        final Problems problems = new Problems();
        final List<RawEntry> properties = Outside.systemProperties(systemProperties(), problems);
        final List<RawEntry> variables = Outside.environment(environment == null ? System.getenv() : environment,
            problems);
        final List<RawEntry> overFile = new ArrayList<>(variables);
        overFile.addAll(properties);
        overFile.addAll(calls.values());

        final List<RawEntry> file = readFile(overFile, problems);
        final List<RawEntry> all = new ArrayList<>(file);
        all.addAll(overFile);
        final List<RawEntry> entries = new ArrayList<>(defaults(all));
        entries.addAll(all);

        final GenOpsConfiguration config = GenOpsConfiguration.assemble(Resolver.resolve(entries, problems), problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.problems());
        }
        config.warnings().forEach(warnings);
        return config;
    }

    private <T> ConfigLoader put(final ConfigKey<T> key, final String name, final T value) {
        final RawValue raw = value == null ? new RawValue.Null() : key.type().write(value);
        check(key, name, raw);
        calls.put(name, new RawEntry(name, raw, Source.builder()));
        return this;
    }

    /** Fails fast on a value the key refuses, without quoting a secret. */
    private static void check(final ConfigKey<?> key, final String name, final RawValue raw) {
        if (raw instanceof RawValue.Null) {
            if (key.defaultValue() != null || key.required()) {
                throw new IllegalArgumentException(name + " cannot be unset");
            }
            return;
        }
        try {
            key.type().read(raw);
        } catch (final InvalidValue e) {
            final String subject = key.secret() ? "the value (not shown)" : raw instanceof RawValue.Text
                ? "'" + ((RawValue.Text)raw).text() + "'" : raw.shape();
            throw new IllegalArgumentException(name + ": " + e.about(subject) + " (allowed: " + key.type().allowed()
                + ")", e);
        }
    }

    private Map<String, String> systemProperties() {
        if (systemProperties != null) {
            return systemProperties;
        }
        final Properties properties = System.getProperties();
        final Map<String, String> copy = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> copy.put(name, properties.getProperty(name)));
        return copy;
    }

    /** The file's entries: the file named by the highest source that names one, or the one in the working directory. */
    private List<RawEntry> readFile(final List<RawEntry> overFile, final Problems problems) {
        final RawEntry named = highest(overFile, ConfigKeys.CONFIG_FILE);
        if (named != null) {
            final Path path = quietly(ConfigKeys.CONFIG_FILE, named);
            return path == null ? List.of() : ConfigFile.read(path, named.source(), problems);
        }
        final List<Path> found = new ArrayList<>();
        for (final String name : ConfigFile.NAMES) {
            final Path candidate = workingDirectory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() > 1) {
            problems.add(ConfigKeys.CONFIG_FILE.name(), Source.workingDirectory(), "holds more than one "
                + "configuration file, " + found + "; keep one, or name one with GENOPS_CONFIG", "one of "
                + ConfigFile.NAMES);
            return List.of();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        final List<RawEntry> entries = new ArrayList<>();
        entries.add(new RawEntry(ConfigKeys.CONFIG_FILE.name(), new RawValue.Text(found.get(0).toString()),
            Source.workingDirectory()));
        entries.addAll(ConfigFile.read(found.get(0), Source.workingDirectory(), problems));
        return entries;
    }

    /** The preset's entries over the profile's, for the profile and preset the other sources chose. */
    private static List<RawEntry> defaults(final List<RawEntry> entries) {
        final List<RawEntry> defaults = new ArrayList<>();
        final RawEntry profileEntry = highest(entries, ConfigKeys.PROFILE);
        final Profile profile = profileEntry == null ? null : quietly(ConfigKeys.PROFILE, profileEntry);
        if (profile != null) {
            profile.settings().forEach((key, value) -> defaults.add(new RawEntry(key, new RawValue.Text(value),
                Source.profile(profile))));
        }
        final RawEntry presetEntry = highest(entries, ConfigKeys.PRESET);
        final Preset preset = presetEntry == null ? null : quietly(ConfigKeys.PRESET, presetEntry);
        if (preset != null) {
            preset.settings().forEach((key, value) -> defaults.add(new RawEntry(key, new RawValue.Text(value),
                Source.preset(preset))));
        }
        return defaults;
    }

    private static RawEntry highest(final List<RawEntry> entries, final ConfigKey<?> key) {
        RawEntry highest = null;
        for (final RawEntry entry : entries) {
            if (entry.name().equals(key.name())
                && (highest == null || entry.source().layer().compareTo(highest.source().layer()) >= 0)) {
                highest = entry;
            }
        }
        return highest;
    }

    /** The value, or {@code null} when it is unreadable; the resolver reports that with everything else. */
    private static <T> T quietly(final ConfigKey<T> key, final RawEntry entry) {
        try {
            return entry.value() instanceof RawValue.Null ? null : key.type().read(entry.value());
        } catch (final InvalidValue e) {
            return null;
        }
    }
}
