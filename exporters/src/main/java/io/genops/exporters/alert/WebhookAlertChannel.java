package io.genops.exporters.alert;

import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import io.genops.exporters.alert.internal.HttpDelivery;
import io.genops.exporters.alert.internal.HttpDeliveryBuilder;
import io.genops.exporters.alert.internal.WebhookPayload;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Delivers each batch of alerts as one JSON POST to an HTTP endpoint:
 * <pre>
 * {"alerts": [{"rule": "budget.team.support", "severity": "critical", "scope": "team=support",
 *              "metric": "budget_utilization", "value": 1.02, "threshold": 1.0, "channels": ["ops"],
 *              "time": "2026-12-03T10:15:30.123Z", "message": "Team 'support' has spent ..."}]}
 * </pre>
 * {@code severity} is {@code info}, {@code warning} or {@code critical}; {@code time} is ISO-8601 UTC.
 *
 * <h2>Answers and retries</h2>
 * A 2xx answer delivers the batch. A 4xx other than 408 and 429 is a refusal that is not retried (the
 * same body would be refused again); 3xx counts as a refusal too, since redirects are not followed.
 * 408, 429, 5xx, timeouts, refused connections and other I/O failures are retried, up to
 * {@code maxAttempts} attempts in all, after a pause that doubles from {@code backoff initial} up to
 * {@code backoff max}, with jitter; a {@code Retry-After} on 408, 429 or 5xx is followed, up to
 * {@code backoff max}. When the batch is given up on, {@link #deliver} throws
 * {@link AlertDeliveryException}, which the pipeline's alert dispatcher counts as failed alerts.
 *
 * <h2>Bounds</h2>
 * A delivery takes at most {@code maxAttempts × (timeout + backoff max)}; with the defaults (3 attempts,
 * 5 s, 200 ms to 2 s) that is 21 s, in practice at most 19 s. Each attempt, connecting included, is
 * cut off after {@code timeout}. The channel keeps no queue: the dispatcher's is bounded and drops
 * (counting) when full, so an endpoint that is down costs the dispatcher's thread time, never memory.
 * Mind that the dispatcher has one thread: while this channel waits, other channels wait too; keep
 * {@code maxAttempts}, {@code timeout} and {@code backoff max} modest.
 *
 * <h2>Secrets and logs</h2>
 * Header values (an {@code Authorization} token, say) are sent and never shown: {@link #toString()}
 * masks them, and neither messages nor logs hold them, nor the payload, nor the endpoint's path and
 * query (webhook URLs often embed their secret); only scheme, host and port are shown. A delivery
 * given up on is logged at WARN on the logger {@code io.genops.exporters.alert}, at most once a minute
 * per channel, with the number of failures since the previous warning. {@link #stats()} counts every
 * attempt, retry, success and failure.
 *
 * <p>Thread-safe. The JSON generator and its buffer are reused from batch to batch on each delivering
 * thread. Each channel owns a JDK {@code HttpClient}, whose threads are daemons that end once the
 * channel is unreachable.
 */
public final class WebhookAlertChannel implements AlertChannel {
    private final HttpDelivery delivery;

    private WebhookAlertChannel(final HttpDelivery delivery) {
        this.delivery = delivery;
    }

    /**
     * A builder for a channel that rules address as {@code name} and that posts to {@code endpoint}.
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

    /** Posts the batch, retrying as described above; returns once the endpoint accepted it. */
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
        return delivery.describe("WebhookAlertChannel");
    }

    /** Settings of a {@link WebhookAlertChannel}; each setter checks its value and names it when refusing. */
    public static final class Builder {
        private final HttpDeliveryBuilder settings;

        private Builder(final String name, final URI endpoint) {
            this.settings = new HttpDeliveryBuilder(name, endpoint);
        }

        /**
         * Adds a header to every request, such as {@code Authorization}; a second call with the same
         * name (in any case) replaces the value. The value is never shown. {@code Host},
         * {@code Content-Length}, {@code Content-Type}, {@code Connection}, {@code Expect} and
         * {@code Upgrade} are set by the channel and refused here.
         */
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

        /**
         * The pause before the first retry, doubling per retry up to {@code max}, with jitter; also the
         * cap on a server's Retry-After. Both positive, {@code max ≥ initial}, at most 10 minutes;
         * default 200 ms and 2 s.
         */
        public Builder backoff(final Duration initial, final Duration max) {
            settings.backoff(initial, max);
            return this;
        }

        public WebhookAlertChannel build() {
            return new WebhookAlertChannel(settings.build(new WebhookPayload()));
        }
    }
}
