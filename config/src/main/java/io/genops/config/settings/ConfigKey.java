package io.genops.config.settings;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key: its name, type, default and meaning, and the names it goes by in the
 * environment and among system properties. Every key lives in {@link ConfigKeys}; loading, validation,
 * masking and the reference table all read them from there.
 *
 * <p>A key whose name holds {@value #ENTRY} is a template for named entries, such as
 * {@code genops.alerts.channels.<name>.url}: {@code genops.alerts.channels.pager.url} is its key for the
 * channel {@code pager}, and {@code GENOPS_ALERTS_CHANNELS_PAGER_URL} its variable. In a variable the
 * name is written in capitals with underscores for hyphens.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {
    /** The placeholder for an entry's name in a template key. */
    public static final String ENTRY = "<name>";

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final String environmentVariable;
    private final boolean required;
    private final boolean inFile;

    private ConfigKey(final String name, final ValueType<T> type, final T defaultValue, final String defaultText,
        final String description, final String environmentVariable, final boolean required, final boolean inFile) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.environmentVariable = environmentVariable;
        this.required = required;
        this.inFile = inFile;
    }

    /** A key with a default value. */
    static <T> ConfigKey<T> of(final String name, final ValueType<T> type, final T defaultValue,
        final String description) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        final String shown = type.show(defaultValue);
        return new ConfigKey<>(name, type, defaultValue, shown.isEmpty() ? "none" : shown, description,
            variableOf(name), false, true);
    }

    /** A key that is unset unless configured; {@code unsetMeans} says what happens then, such as {@code no limit}. */
    static <T> ConfigKey<T> optional(final String name, final ValueType<T> type, final String unsetMeans,
        final String description) {
        return new ConfigKey<>(name, type, null, unsetMeans, description, variableOf(name), false, true);
    }

    /** A field every named entry must have, such as a channel's URL. */
    static <T> ConfigKey<T> required(final String name, final ValueType<T> type, final String description) {
        return new ConfigKey<>(name, type, null, "required", description, variableOf(name), true, true);
    }

    /** This key, read from {@code variable} rather than the variable its name gives. */
    ConfigKey<T> readFrom(final String variable) {
        return new ConfigKey<>(name, type, defaultValue, defaultText, description, variable, required, inFile);
    }

    /** This key, refused in a file: it says where the file is. */
    ConfigKey<T> notInFile() {
        return new ConfigKey<>(name, type, defaultValue, defaultText, description, environmentVariable, required,
            false);
    }

    /** The name, such as {@code genops.pipeline.ring-size}; also the system property's name. */
    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The default, or {@code null} when the key is unset by default or required. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default in words, for the reference table. */
    public String defaultText() {
        return defaultText;
    }

    /** What the key does, in a sentence or two. */
    public String description() {
        return description;
    }

    /** The environment variable, such as {@code GENOPS_PIPELINE_RING_SIZE}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Whether values are secret: masked when shown and never read from system properties. */
    public boolean secret() {
        return type.secret();
    }

    /** Whether every entry of a template must set this key. */
    public boolean required() {
        return required;
    }

    /** Whether a file may set this key; only {@code genops.config}, which names the file, may not. */
    public boolean inFile() {
        return inFile;
    }

    /** Whether this is a template for named entries. */
    public boolean isTemplate() {
        return name.contains(ENTRY);
    }

    /** This template's key for the entry {@code entry}, such as {@code genops.alerts.channels.pager.url}. */
    public String nameFor(final String entry) {
        return name.replace(ENTRY, entry);
    }

    /** The entry {@code concrete} names under this template, or {@code null} when it is no key of this template. */
    String entryOf(final String concrete) {
        final int at = name.indexOf(ENTRY);
        final String prefix = name.substring(0, at);
        final String suffix = name.substring(at + ENTRY.length());
        if (concrete.length() <= prefix.length() + suffix.length() || !concrete.startsWith(prefix)
            || !concrete.endsWith(suffix)) {
            return null;
        }
        final String entry = concrete.substring(prefix.length(), concrete.length() - suffix.length());
        return entry.indexOf('.') >= 0 ? null : entry;
    }

    /** The entry {@code variable} names under this template, as a lower-case name, or {@code null}. */
    String entryOfVariable(final String variable) {
        final int at = environmentVariable.indexOf("<NAME>");
        final String prefix = environmentVariable.substring(0, at);
        final String suffix = environmentVariable.substring(at + ENTRY.length());
        if (variable.length() <= prefix.length() + suffix.length() || !variable.startsWith(prefix)
            || !variable.endsWith(suffix)) {
            return null;
        }
        return variable.substring(prefix.length(), variable.length() - suffix.length()).toLowerCase(Locale.ROOT)
            .replace('_', '-');
    }

    /** The part of the name after {@code genops.}, up to the first dot: {@code pipeline}, {@code policy}. */
    String section() {
        final String rest = name.substring(name.indexOf('.') + 1);
        final int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The variable a name gives: upper case, with underscores for dots and hyphens. */
    static String variableOf(final String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
