package io.genops.core.alert;

import java.util.List;

/**
 * Somewhere fired alerts are delivered: a log, a webhook, a chat room. Called from the alert
 * dispatcher's own thread, never from a caller's or a pipeline stage's, with batches of alerts.
 * A channel that throws has the batch counted as failed; it never stops the dispatcher.
 */
public interface AlertChannel {
    /** The name rules use to address this channel, such as {@code "log"} or {@code "slack"}. */
    String name();

    /** Delivers one batch; throws when delivery failed. */
    void deliver(List<FiredAlert> alerts) throws Exception;
}
