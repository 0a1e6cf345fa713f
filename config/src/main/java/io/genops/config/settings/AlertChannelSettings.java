package io.genops.config.settings;

import java.time.Duration;
import java.util.Map;

/**
 * A delivery channel for alerts, a JSON webhook or a Slack-style incoming webhook, built by an
 * {@link io.genops.config.spi.AlertChannelProvider} on the class path (the {@code genops-exporters} module
 * has one for each type).
 *
 * @param name           the name rules address it by
 * @param type           the payload the endpoint expects
 * @param url            the endpoint, secret because webhook URLs often carry their token
 * @param headers        headers sent with every delivery, values secret
 * @param timeout        how long connecting, and then each attempt, may take
 * @param maxAttempts    attempts per batch, the first included
 * @param backoffInitial the pause before the first retry, doubling per retry
 * @param backoffMax     the longest pause, also the cap on a server's Retry-After
 */
public record AlertChannelSettings(String name, Type type, Secret url, Map<String, Secret> headers,
    Duration timeout, int maxAttempts, Duration backoffInitial, Duration backoffMax) {
    public enum Type {
        WEBHOOK, SLACK
    }

    public AlertChannelSettings {
        headers = Map.copyOf(headers);
    }
}
