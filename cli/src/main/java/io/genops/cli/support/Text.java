package io.genops.cli.support;

import io.genops.core.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** How the commands write numbers, amounts, times and journal indexes, the same way everywhere. */
public final class Text {
    /** Printed where a value does not exist, such as the time of a record in an empty journal. */
    public static final String NONE = "-";

    private Text() {
    }

    /** A count with thousands separators: {@code 20,000}. */
    public static String count(final long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** An exact amount of USD nanodollars as a plain decimal, every digit kept: {@code 381.397150037}. */
    public static String usd(final long nanos) {
        return Money.format(nanos);
    }

    public static String usd(final Money amount) {
        return Money.format(amount.nanos());
    }

    /**
     * A record time as an ISO instant to the millisecond, or {@link #NONE} for the sentinels
     * ({@code Long.MAX_VALUE}, {@code Long.MIN_VALUE}) that reports use when they saw no record.
     */
    public static String time(final long epochMillis) {
        if (epochMillis == Long.MAX_VALUE || epochMillis == Long.MIN_VALUE) {
            return NONE;
        }
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** A time zone by the name a person knows: {@code UTC} for UTC (whose offset's id is {@code Z}), else its id. */
    public static String zone(final ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** A journal index as Chronicle's tools print it, in hexadecimal. */
    public static String index(final long index) {
        return Long.toHexString(index);
    }

    /** A duration in the unit that keeps it readable: 183 ns, 1.24 us, 3.10 ms, 1.50 s, 2.50 min, 3.00 h. */
    public static String duration(final long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos < 120_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos < 7_200_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f min", nanos / 6e10);
        }
        return String.format(Locale.ROOT, "%.2f h", nanos / 3.6e12);
    }
}
