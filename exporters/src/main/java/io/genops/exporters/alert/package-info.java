/**
 * Alert channels that deliver over HTTP: {@link io.genops.exporters.alert.WebhookAlertChannel} posts a
 * JSON batch to any endpoint, {@link io.genops.exporters.alert.SlackAlertChannel} posts a message to a
 * Slack incoming webhook. Both implement the core SPI {@link io.genops.core.alert.AlertChannel}; add
 * them to a pipeline with {@code GenOps.builder().alertChannel(channel)}. The
 * {@code internal} package below is not API.
 */
package io.genops.exporters.alert;
