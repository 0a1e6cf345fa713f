package io.genops.config.spi;

import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.export.Exporter;

/**
 * Builds one type of exporter from a configuration. Implementations live beside the exporter classes
 * (the {@code genops-exporters} module provides one for each {@link ExporterType}), are listed in
 * {@code META-INF/services/io.genops.config.spi.ExporterProvider}, and are found with
 * {@link java.util.ServiceLoader} by {@link ConfiguredComponents}, which the pipeline builder's
 * {@code configuration(...)} uses. Nothing else calls them.
 *
 * <h2>Why this interface lives in {@code config}</h2>
 * A provider reads typed settings ({@link io.genops.config.settings.ExportSettings}, secrets as
 * {@link io.genops.config.settings.Secret}), which are configuration types; {@code core} holds the domain
 * and the exporter SPI only, with no configuration and no I/O, and the pipeline must not see exporter
 * classes. {@code config} is the one module both the pipeline and the exporters can use without either
 * seeing the other, so the contract sits here and the exporters module depends on {@code config}.
 *
 * <p>A provider must have a public no-argument constructor and be cheap to make: the service loader makes
 * one of each listed provider even when its exporter is off.
 */
public interface ExporterProvider {
    /** The exporter this provider builds. */
    ExporterType type();

    /**
     * Builds the exporter from {@code configuration}, called only when the configuration turns it on and
     * no exporter of the same name was added to the builder by hand. The exporter must be named
     * {@code type().label()}. May open sockets (a scrape endpoint); the pipeline closes the exporter when
     * it closes.
     *
     * @throws IllegalArgumentException or another runtime exception when the exporter cannot be built, such
     *     as an unreadable certificate file or a port in use; the message must not hold a secret
     */
    Exporter create(GenOpsConfiguration configuration);
}
