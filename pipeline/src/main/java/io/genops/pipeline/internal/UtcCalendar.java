package io.genops.pipeline.internal;

/** Calendar arithmetic on epoch milliseconds in UTC without allocating {@code java.time} objects. */
public final class UtcCalendar {
    public static final long MILLIS_PER_DAY = 86_400_000L;

    private UtcCalendar() {
    }

    public static long epochDay(final long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }
}
