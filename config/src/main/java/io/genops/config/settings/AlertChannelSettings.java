package io.genops.config.settings;

import java.util.Map;

/**
 * A delivery channel for alerts, built by whoever holds the channel classes (the {@code genops-exporters}
 * module): a JSON webhook or a Slack-style incoming webhook.
 *
 * @param name    the name rules address it by
 * @param type    the payload the endpoint expects
 * @param url     the endpoint, secret because webhook URLs often carry their token
 * @param headers headers sent with every delivery, values secret
 */
public record AlertChannelSettings(String name, Type type, Secret url, Map<String, Secret> headers) {
    public enum Type {
        WEBHOOK, SLACK
    }

    public AlertChannelSettings {
        headers = Map.copyOf(headers);
    }
}
