package io.genops.cli.support;

import io.genops.config.settings.ConfigKeys;
import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.GenOpsConfiguration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The sources a command loads a GenOps configuration from, as a pipeline would: the environment, the
 * system properties and the working directory, then the file, profile and preset named on the command
 * line over them. {@code config check} and {@code demo} read the same sources through this one piece.
 */
public final class ConfigSources {
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Path workingDirectory;

    public ConfigSources(final Map<String, String> environment, final Map<String, String> systemProperties,
        final Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
        this.workingDirectory = workingDirectory;
    }

    /** The process's own environment, system properties and working directory. */
    public static ConfigSources ofProcess() {
        final Properties properties = System.getProperties();
        final Map<String, String> copy = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> copy.put(name, properties.getProperty(name)));
        return new ConfigSources(System.getenv(), copy, Path.of(""));
    }

    /**
     * A loader over these sources with {@code file}, {@code profile} and {@code preset} from the command
     * line, each {@code null} when not given; a profile or preset that is none is bad usage of its option.
     * Each is shown as coming from where the command line gave it: the file from {@code fileGivenBy}, such as
     * {@code command line argument}, the others from their options.
     */
    public ConfigLoader loader(final CommandLine command, final Path file, final String fileGivenBy,
        final String profile, final String preset) {
        final ConfigLoader loader = GenOpsConfiguration.loader().environment(environment)
            .systemProperties(systemProperties).workingDirectory(workingDirectory);
        if (file != null) {
            loader.set(ConfigKeys.CONFIG_FILE.name(), file.toString(), fileGivenBy);
        }
        chosen(command, loader, "--profile", ConfigKeys.PROFILE.name(), profile);
        chosen(command, loader, "--preset", ConfigKeys.PRESET.name(), preset);
        return loader;
    }

    private static void chosen(final CommandLine command, final ConfigLoader loader, final String option,
        final String key, final String name) {
        if (name == null) {
            return;
        }
        try {
            loader.set(key, name, "option " + option);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(command, "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }
}
