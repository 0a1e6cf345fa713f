package io.genops.pipeline.internal;

import io.genops.core.pricing.EventPricer;
import io.genops.pipeline.BudgetWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Numbers budget windows on calendar boundaries of one time zone: days, ISO weeks (from Monday) and
 * months, each numbered so that the next window has the next number. The zone's offset is cached
 * with the span it holds for, so numbering allocates only when a daylight-saving transition passes.
 */
final class WindowClock {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private volatile OffsetSpan span = new OffsetSpan(Long.MAX_VALUE, Long.MIN_VALUE, 0);

    WindowClock(final ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    ZoneId zone() {
        return zone;
    }

    long windowId(final BudgetWindow window, final long epochMillis) {
        final long localMillis = epochMillis + offsetMillis(epochMillis);
        final long day = Math.floorDiv(localMillis, MILLIS_PER_DAY);
        switch (window) {
            case DAILY:
                return day;
            case WEEKLY:
                // Epoch day 0 was a Thursday; shifting by 3 makes weeks start on Monday.
                return Math.floorDiv(day + 3, 7);
            default:
                return EventPricer.monthIndex(localMillis);
        }
    }

    /** The first day of window {@code id}. */
    static LocalDate start(final BudgetWindow window, final long id) {
        switch (window) {
            case DAILY:
                return LocalDate.ofEpochDay(id);
            case WEEKLY:
                return LocalDate.ofEpochDay(id * 7 - 3);
            default:
                return LocalDate.of((int)Math.floorDiv(id, 12), (int)Math.floorMod(id, 12) + 1, 1);
        }
    }

    private long offsetMillis(final long epochMillis) {
        OffsetSpan current = span;
        if (epochMillis < current.fromMillis || epochMillis >= current.untilMillis) {
            current = spanAt(epochMillis);
            span = current;
        }
        return current.offsetMillis;
    }

    private OffsetSpan spanAt(final long epochMillis) {
        final Instant instant = Instant.ofEpochMilli(epochMillis);
        final long offset = rules.getOffset(instant).getTotalSeconds() * 1000L;
        final ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
        final ZoneOffsetTransition next = rules.nextTransition(instant);
        final long from = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
        final long until = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        return new OffsetSpan(from, until, offset);
    }

    /** An offset and the half-open span of instants it holds for. */
    private static final class OffsetSpan {
        final long fromMillis;
        final long untilMillis;
        final long offsetMillis;

        OffsetSpan(final long fromMillis, final long untilMillis, final long offsetMillis) {
            this.fromMillis = fromMillis;
            this.untilMillis = untilMillis;
            this.offsetMillis = offsetMillis;
        }
    }
}
