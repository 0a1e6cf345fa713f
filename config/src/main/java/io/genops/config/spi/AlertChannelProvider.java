package io.genops.config.spi;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.core.alert.AlertChannel;

/**
 * Builds alert channels of one {@link AlertChannelSettings.Type} from their settings under
 * {@code genops.alerts.channels.<name>.*}. Found like {@link ExporterProvider}, through
 * {@code META-INF/services/io.genops.config.spi.AlertChannelProvider}; see there for why the interface
 * lives in this module.
 */
public interface AlertChannelProvider {
    /** The type of channel this provider builds. */
    AlertChannelSettings.Type type();

    /**
     * Builds the channel {@code settings} describe, named {@code settings.name()}; called only when no
     * channel of that name was added to the builder by hand.
     *
     * @throws IllegalArgumentException or another runtime exception when the channel cannot be built; the
     *     message must not hold a secret (the URL's path, a header value)
     */
    AlertChannel create(AlertChannelSettings settings);
}
