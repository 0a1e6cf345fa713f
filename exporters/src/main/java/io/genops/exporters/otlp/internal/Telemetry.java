package io.genops.exporters.otlp.internal;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The resource (service name and resource attributes) and the instrumentation scope that every span,
 * log record and metric of one exporter carries.
 */
public record Telemetry(Resource resource, InstrumentationScopeInfo scope) {
    /** The instrumentation scope's name: this package's parent, the public exporter's. */
    public static final String SCOPE_NAME = "io.genops.exporters.otlp";

    /** A scope named {@value #SCOPE_NAME}, versioned by the jar's manifest when there is one. */
    public static InstrumentationScopeInfo defaultScope() {
        final String version = Telemetry.class.getPackage().getImplementationVersion();
        return version == null ? InstrumentationScopeInfo.create(SCOPE_NAME)
            : InstrumentationScopeInfo.builder(SCOPE_NAME).setVersion(version).build();
    }
}
