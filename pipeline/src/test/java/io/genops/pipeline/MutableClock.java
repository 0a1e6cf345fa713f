package io.genops.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock tests move by hand, read by the pipeline and its export runners alike. */
public final class MutableClock extends Clock {
    private volatile long millis;

    public MutableClock(final Instant start) {
        this.millis = start.toEpochMilli();
    }

    public void advance(final Duration by) {
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
            throw new UnsupportedOperationException("a test clock is UTC only: " + zone);
        }
        return this;
    }
}
