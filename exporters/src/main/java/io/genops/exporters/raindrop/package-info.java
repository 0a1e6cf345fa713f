/**
 * The Raindrop AI exporter: {@link io.genops.exporters.raindrop.RaindropExporter} implements the core
 * export SPI and sends sampled interactions to Raindrop's {@code /events/track} and signals to its
 * {@code /signals/track}, from the journal, through an export runner. Everything else here is
 * package-private.
 */
package io.genops.exporters.raindrop;
