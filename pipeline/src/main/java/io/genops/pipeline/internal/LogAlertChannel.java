package io.genops.pipeline.internal;

import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in channel named {@code "log"}: one log line per alert, at a level matching its severity. */
public final class LogAlertChannel implements AlertChannel {
    public static final String NAME = "log";
    private static final Logger LOG = LoggerFactory.getLogger("io.genops.alerts");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(final List<FiredAlert> alerts) {
        for (final FiredAlert alert : alerts) {
            switch (alert.severity()) {
                case CRITICAL:
                    LOG.error("[{}] {}", alert.rule(), alert.message());
                    break;
                case WARNING:
                    LOG.warn("[{}] {}", alert.rule(), alert.message());
                    break;
                default:
                    LOG.info("[{}] {}", alert.rule(), alert.message());
                    break;
            }
        }
    }
}
