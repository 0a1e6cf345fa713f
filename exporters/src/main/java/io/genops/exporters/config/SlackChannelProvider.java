package io.genops.exporters.config;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.spi.AlertChannelProvider;
import io.genops.exporters.alert.SlackAlertChannel;
import java.net.URI;

/** Builds a {@link SlackAlertChannel} from {@code genops.alerts.channels.<name>.*} with {@code type: slack}. */
public final class SlackChannelProvider implements AlertChannelProvider {
    @Override
    public AlertChannelSettings.Type type() {
        return AlertChannelSettings.Type.SLACK;
    }

    @Override
    public SlackAlertChannel create(final AlertChannelSettings settings) {
        final SlackAlertChannel.Builder builder = SlackAlertChannel.builder(settings.name(),
            URI.create(settings.url().reveal())).timeout(settings.timeout()).maxAttempts(settings.maxAttempts())
            .backoff(settings.backoffInitial(), settings.backoffMax());
        settings.headers().forEach((name, value) -> builder.header(name, value.reveal()));
        return builder.build();
    }
}
