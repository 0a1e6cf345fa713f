package io.genops.config.settings;

import java.util.Objects;

/**
 * Where a configuration value came from: the layer, and within it the file and line, the variable or
 * the property. Problems and the effective configuration name it, so a user knows what to edit.
 *
 * @param layer the kind of source, which also fixes its precedence
 * @param name  the file, variable, property, profile or preset name; {@code working directory} for the file found
 *              there; for a builder call, what the call stands for when its caller said, such as
 *              {@code command line argument}; otherwise empty
 * @param line  the line in a file, counted from 1; 0 when there is none
 */
public record Source(Layer layer, String name, int line) {
    private static final Source DEFAULT = new Source(Layer.DEFAULT, "", 0);
    private static final Source WORKING_DIRECTORY = new Source(Layer.DEFAULT, "working directory", 0);
    private static final Source BUILDER = new Source(Layer.BUILDER, "", 0);

    /** The layers from the lowest precedence to the highest: a later layer overrides an earlier one. */
    public enum Layer {
        DEFAULT, PROFILE, PRESET, FILE, ENVIRONMENT, SYSTEM_PROPERTY, BUILDER
    }

    public Source {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(name, "name");
    }

    /** The registry's own default. */
    public static Source defaults() {
        return DEFAULT;
    }

    /**
     * The configuration file found in the working directory because no source named one: as low as a default,
     * which any source naming a file overrides.
     */
    public static Source workingDirectory() {
        return WORKING_DIRECTORY;
    }

    /** A call on {@link ConfigLoader}. */
    public static Source builder() {
        return BUILDER;
    }

    /** A call on {@link ConfigLoader} made for {@code origin}, such as {@code option --profile}, and shown as it. */
    public static Source builder(final String origin) {
        return new Source(Layer.BUILDER, origin, 0);
    }

    public static Source profile(final Profile profile) {
        return new Source(Layer.PROFILE, profile.label(), 0);
    }

    public static Source preset(final Preset preset) {
        return new Source(Layer.PRESET, preset.label(), 0);
    }

    public static Source file(final String file, final int line) {
        return new Source(Layer.FILE, file, line);
    }

    public static Source environment(final String variable) {
        return new Source(Layer.ENVIRONMENT, variable, 0);
    }

    public static Source systemProperty(final String property) {
        return new Source(Layer.SYSTEM_PROPERTY, property, 0);
    }

    /** Whether the value was set on purpose rather than by a default, a profile or a preset. */
    public boolean explicit() {
        return layer.compareTo(Layer.FILE) >= 0;
    }

    /**
     * Reads as {@code genops.yaml:12}, {@code environment variable GENOPS_POLICY}, {@code profile prod},
     * {@code working directory} or {@code command line argument}.
     */
    @Override
    public String toString() {
        switch (layer) {
            case DEFAULT:
                return name.isEmpty() ? "default" : name;
            case PROFILE:
                return "profile " + name;
            case PRESET:
                return "preset " + name;
            case FILE:
                return line > 0 ? name + ':' + line : name;
            case ENVIRONMENT:
                return "environment variable " + name;
            case SYSTEM_PROPERTY:
                return "system property " + name;
            case BUILDER:
            default:
                return name.isEmpty() ? "builder call" : name;
        }
    }
}
