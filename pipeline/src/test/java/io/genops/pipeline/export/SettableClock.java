package io.genops.pipeline.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test moves by hand, read by the pipeline and the runner alike. */
final class SettableClock extends Clock {
    private volatile long millis;

    SettableClock(final Instant start) {
        this.millis = start.toEpochMilli();
    }

    void advance(final Duration by) {
        millis += by.toMillis();
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a settable clock is UTC only: " + zone);
        }
        return this;
    }
}
