package io.genops.cli.config;

import io.genops.cli.support.ConfigSources;
import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.ConfigProblem;
import io.genops.config.settings.ConfigurationException;
import io.genops.config.settings.GenOpsConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genops config check}: loads a configuration as the pipeline would, from the same sources in the
 * same order, and shows the result. The listing and the problems are the loader's own, so what this
 * prints is what a service would run with, secrets masked. Warnings are printed with the listing and not
 * logged as well, so each appears once.
 */
@Command(name = "check",
    header = "Loads and validates a GenOps configuration and prints every effective value with its source.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Reads FILE, else the file GENOPS_CONFIG names, else genops.yaml, genops.yml or genops.json in the working "
            + "directory, else nothing; then GENOPS_* variables and genops.* system properties over it, the "
            + "profile and preset beneath it. Prints each key's effective value and where it came from (secrets "
            + "masked) and any warnings; or every problem found, one a line with its file and line.",
        ""},
    footer = {"", "Exit status: 0 when the configuration is valid, 1 when it has problems, 2 for bad options."})
public final class ConfigCheckCommand implements Callable<Integer> {
    private final ConfigSources sources;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "the configuration file, YAML or JSON by its extension")
    private Path file;

    @Option(names = "--profile", paramLabel = "dev|staging|prod", order = 1,
        description = "the deployment profile, over any the sources name")
    private String profile;

    @Option(names = "--preset", paramLabel = "NAME", order = 2,
        description = "the workload preset, such as high-frequency, over any the sources name")
    private String preset;

    /** Reads the process's environment, system properties and working directory. */
    public ConfigCheckCommand() {
        this.sources = ConfigSources.ofProcess();
    }

    /** Reads the given sources instead of the process's, so a test does not depend on its machine. */
    ConfigCheckCommand(final Map<String, String> environment, final Map<String, String> systemProperties,
        final Path workingDirectory) {
        this.sources = new ConfigSources(environment, systemProperties, workingDirectory);
    }

    @Override
    public Integer call() {
        final ConfigLoader loader = sources.loader(spec.commandLine(), file, "command line argument", profile, preset)
            .warnings(warning -> { });

        final GenOpsConfiguration config;
        try {
            config = loader.load();
        } catch (final ConfigurationException e) {
            final PrintWriter err = spec.commandLine().getErr();
            err.println("The configuration has " + e.problems().size()
                + (e.problems().size() == 1 ? " problem:" : " problems:"));
            for (final ConfigProblem problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return 1;
        }

        final PrintWriter out = spec.commandLine().getOut();
        out.print(config.describe());
        if (!config.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            config.warnings().forEach(warning -> out.println("  " + warning));
        }
        out.println();
        out.println("The configuration is valid.");
        out.flush();
        return 0;
    }
}
