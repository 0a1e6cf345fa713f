/**
 * How exporters and alert channels are built from a configuration without the pipeline seeing their
 * classes, in the manner of OpenTelemetry's autoconfiguration.
 * <pre>
 *   genops.yaml ─► GenOpsConfiguration ─► GenOpsBuilder.configuration(...)
 *                                             │ ConfiguredComponents.resolve: ServiceLoader finds an
 *                                             │ ExporterProvider per enabled exporter type and an
 *                                             │ AlertChannelProvider per channel type (or fails, naming
 *                                             │ the key and the genops-exporters module)
 *                                             ▼
 *                                         build(): providers build what was not added by hand
 * </pre>
 * The {@code genops-exporters} module implements both interfaces and lists its providers in
 * {@code META-INF/services}. The types are fixed by the configuration keys ({@link
 * io.genops.config.spi.ExporterType}, {@code AlertChannelSettings.Type}); two providers of one type are refused.
 */
package io.genops.config.spi;
