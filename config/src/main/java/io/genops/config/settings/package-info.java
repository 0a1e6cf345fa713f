/**
 * The typed configuration of a GenOps pipeline, loaded from a file, the environment and system properties
 * over deployment profiles and workload presets, and checked before anything starts.
 *
 * <h2>Design</h2>
 * One registry, {@link io.genops.config.settings.ConfigKeys}, holds every key: name, type, default,
 * environment variable and meaning. Everything else derives from it, so nothing can drift:
 * <pre>
 *   sources                       registry                      results
 *   loader calls ─┐                                          ┌─ GenOpsConfiguration (typed records)
 *   -Dgenops.*  ──┤   RawEntry    ConfigKeys ─ ValueType      ├─ values(): key, shown value, source
 *   GENOPS_*    ──┼──────────────► Resolver ─► Assembly ─► CrossChecks
 *   genops.yaml ──┤  (as written,  (read every entry,          ├─ ConfigurationException (every problem)
 *   preset      ──┤   with source)  highest layer wins)        └─ docs/configuration.md (ConfigReference)
 *   profile     ──┘
 * </pre>
 * Values stay as written ({@code RawValue}) until their key's {@link io.genops.config.settings.ValueType}
 * reads them, the same way for every source; the source travels with each value, so a problem names the
 * file and line or the variable, and {@code config check} can print where each value came from.
 *
 * <p>The package depends on {@code core} only. The pipeline's enums that the configuration must name
 * (backpressure, consumer wait, budget scope and window) are mirrored here, and a pipeline test keeps the
 * mirrors in step; {@code GenOpsBuilder.configuration(...)} maps them. Exporters and webhook channels are
 * described here and built by providers found on the class path (see {@link io.genops.config.spi}).
 *
 * <p>Named entries (alert channels under {@code genops.alerts.channels.<name>}, alert rules under
 * {@code genops.alerts.rules.<name>} and agent groups under {@code genops.groups.<name>}) are template keys
 * with a {@code <name>} segment; a new kind of entry is a few keys in the registry, an assembly method and its
 * cross-checks.
 */
package io.genops.config.settings;
