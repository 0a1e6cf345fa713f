package io.genops.config.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Alerts: whether cost alerts are on, the channels, the rules in force from the start, and the
 * dispatcher's queue and batches.
 *
 * @param costAlerts      whether cost alerts (budget thresholds, rules on a cost metric) are raised, in the
 *                        default group and in every group that does not set its own
 * @param defaultChannels channels for alerts that name none, budget alerts among them
 * @param queueCapacity   fired alerts waiting for delivery
 * @param batchSize       alerts per delivery batch
 * @param batchAge        the longest wait to fill a batch
 * @param channels        configured channels by name; the built-in {@code log} channel is not among them
 * @param rules           alert rules by name
 */
public record AlertSettings(boolean costAlerts, List<String> defaultChannels, int queueCapacity, int batchSize,
    Duration batchAge, Map<String, AlertChannelSettings> channels, Map<String, AlertRuleSettings> rules) {
    /** The name of the built-in channel that writes alerts to the log. */
    public static final String LOG_CHANNEL = "log";

    public AlertSettings {
        defaultChannels = List.copyOf(defaultChannels);
        channels = Map.copyOf(channels);
        rules = Map.copyOf(rules);
    }
}
