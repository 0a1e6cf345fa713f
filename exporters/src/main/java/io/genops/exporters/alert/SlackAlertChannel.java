package io.genops.exporters.alert;

import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import io.genops.exporters.alert.internal.HttpDelivery;
import io.genops.exporters.alert.internal.HttpDeliveryBuilder;
import io.genops.exporters.alert.internal.SlackPayload;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Posts each batch of alerts to a Slack incoming webhook (or any service that accepts its format) as
 * one message:
 * <pre>
 * {"text": "2 GenOps alerts: 1 critical, 1 warning",
 *  "blocks": [{"type": "section", "text": {"type": "mrkdwn",
 *              "text": "*CRITICAL* budget.team.support — Team 'support' has spent ...\n
 *                       team=support: budget_utilization 1.02, threshold 1"}}, ...]}
 * </pre>
 * One section per alert; {@code text} is what notifications show. Slack's limits hold: at most 50
 * blocks (a larger batch ends with a section counting the rest) and 3,000 characters per text; alert
 * text has {@code &}, {@code <} and {@code >} escaped, so it cannot mention a channel or forge a link.
 *
 * <p>Transport, retries, bounds, counting and logging are those of {@link WebhookAlertChannel}, which
 * describes them: 2xx delivers; 4xx other than 408 and 429 is not retried; the rest is retried up to
 * {@code maxAttempts} with backoff and jitter, following Slack's {@code Retry-After} on 429 up to
 * {@code backoff max}; a delivery takes at most {@code maxAttempts × (timeout + backoff max)}; nothing
 * is queued here. A Slack webhook URL is itself a secret: only its scheme and host are ever shown.
 */
public final class SlackAlertChannel implements AlertChannel {
    private final HttpDelivery delivery;

    private SlackAlertChannel(final HttpDelivery delivery) {
        this.delivery = delivery;
    }

    /**
     * A builder for a channel that rules address as {@code name} and that posts to the incoming
     * webhook {@code endpoint}, such as {@code https://hooks.slack.com/services/...}.
     *
     * @throws IllegalArgumentException when the name is blank or the endpoint is not an absolute http or
     *     https URI with a host and without user information
     */
    public static Builder builder(final String name, final URI endpoint) {
        return new Builder(name, endpoint);
    }

    @Override
    public String name() {
        return delivery.channel();
    }

    /** Posts the batch as one message, retrying as described; returns once Slack accepted it. */
    @Override
    public void deliver(final List<FiredAlert> alerts) throws AlertDeliveryException, InterruptedException {
        delivery.deliver(alerts);
    }

    /** Attempts, retries, successes and failures since the channel was built. */
    public DeliveryStats stats() {
        return delivery.stats();
    }

    @Override
    public String toString() {
        return delivery.describe("SlackAlertChannel");
    }

    /** Settings of a {@link SlackAlertChannel}, the same as {@link WebhookAlertChannel.Builder}'s. */
    public static final class Builder {
        private final HttpDeliveryBuilder settings;

        private Builder(final String name, final URI endpoint) {
            this.settings = new HttpDeliveryBuilder(name, endpoint);
        }

        /** Adds a header to every request, never shown; see {@link WebhookAlertChannel.Builder#header}. */
        public Builder header(final String name, final String value) {
            settings.header(name, value);
            return this;
        }

        /** How long connecting, and then each attempt, may take; positive, at most 10 minutes; default 5 s. */
        public Builder timeout(final Duration timeout) {
            settings.timeout(timeout);
            return this;
        }

        /** Attempts per batch, the first included; positive; default 3. */
        public Builder maxAttempts(final int maxAttempts) {
            settings.maxAttempts(maxAttempts);
            return this;
        }

        /** Retry pauses and the Retry-After cap; see {@link WebhookAlertChannel.Builder#backoff}. */
        public Builder backoff(final Duration initial, final Duration max) {
            settings.backoff(initial, max);
            return this;
        }

        public SlackAlertChannel build() {
            return new SlackAlertChannel(settings.build(new SlackPayload()));
        }
    }
}
