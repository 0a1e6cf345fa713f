package io.genops.exporters.config;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.spi.AlertChannelProvider;
import io.genops.exporters.alert.WebhookAlertChannel;
import java.net.URI;

/** Builds a {@link WebhookAlertChannel} from {@code genops.alerts.channels.<name>.*} with {@code type: webhook}. */
public final class WebhookChannelProvider implements AlertChannelProvider {
    @Override
    public AlertChannelSettings.Type type() {
        return AlertChannelSettings.Type.WEBHOOK;
    }

    @Override
    public WebhookAlertChannel create(final AlertChannelSettings settings) {
        final WebhookAlertChannel.Builder builder = WebhookAlertChannel.builder(settings.name(),
            URI.create(settings.url().reveal())).timeout(settings.timeout()).maxAttempts(settings.maxAttempts())
            .backoff(settings.backoffInitial(), settings.backoffMax());
        settings.headers().forEach((name, value) -> builder.header(name, value.reveal()));
        return builder.build();
    }
}
