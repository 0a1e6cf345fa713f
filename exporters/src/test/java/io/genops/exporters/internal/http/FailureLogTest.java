package io.genops.exporters.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.genops.exporters.alert.CapturedLogs;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLogTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void failures_areWarnedAtMostOncePerIntervalWithTheCountSince() {
        final AtomicLong clock = new AtomicLong(1_000);
        final FailureLog log = new FailureLog("io.genops.test.failures", "deliveries on this channel",
            "The dispatcher counts their alerts as failed", MINUTE, clock::get);

        try (CapturedLogs logs = new CapturedLogs("io.genops.test.failures")) {
            assertThat(log.failed("first")).isTrue();
            clock.addAndGet(MINUTE - 1);
            assertThat(log.failed("second")).isFalse();
            assertThat(log.failed("third")).isFalse();
            clock.addAndGet(1);
            assertThat(log.failed("fourth")).isTrue();
            assertThat(log.failed("fifth")).isFalse();

            assertThat(logs.events()).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
            assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "first. Failed deliveries on this channel since its previous warning, this one included: 1. "
                    + "The dispatcher counts their alerts as failed; this warning repeats at most once every 60 s.",
                "fourth. Failed deliveries on this channel since its previous warning, this one included: 3. "
                    + "The dispatcher counts their alerts as failed; this warning repeats at most once every 60 s.");
        }
    }
}
