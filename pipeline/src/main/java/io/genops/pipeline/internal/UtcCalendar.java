package io.genops.pipeline.internal;

/** Calendar arithmetic on epoch milliseconds in UTC without allocating {@code java.time} objects. */
public final class UtcCalendar {
    public static final long MILLIS_PER_DAY = 86_400_000L;

    private UtcCalendar() {
    }

    public static long epochDay(final long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    /**
     * A month number that increases by one each calendar month: {@code year * 12 + month - 1}. Uses
     * the days-to-civil conversion on the proleptic Gregorian calendar (eras of 400 years).
     */
    public static long monthIndex(final long epochMillis) {
        final long days = epochDay(epochMillis) + 719_468;
        final long era = Math.floorDiv(days, 146_097);
        final long dayOfEra = days - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 12 + month - 1;
    }
}
