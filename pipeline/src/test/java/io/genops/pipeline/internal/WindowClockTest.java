package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.pipeline.BudgetWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Budget windows against java.time's own calendar, over random instants in zones with and without DST. */
class WindowClockTest {
    private static final long SEED = 20261203L;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"),
        ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"),
        ZoneId.of("Pacific/Chatham"), ZoneId.of("America/St_Johns"));
    private static final long FROM = Instant.parse("1999-12-25T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2041-01-10T00:00:00Z").toEpochMilli();

    @Test
    void windowIds_matchTheZonesCalendarDaysIsoWeeksAndMonths() {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (final ZoneId zone : ZONES) {
            final WindowClock clock = new WindowClock(zone);
            for (int run = 0; run < 20_000; run++) {
                final long millis = random.nextLong(FROM, TO);
                final LocalDate local = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
                final String where = "seed " + SEED + ", " + zone + ", " + Instant.ofEpochMilli(millis);

                assertThat(WindowClock.start(BudgetWindow.DAILY, clock.windowId(BudgetWindow.DAILY, millis)))
                    .as(where).isEqualTo(local);
                assertThat(WindowClock.start(BudgetWindow.WEEKLY, clock.windowId(BudgetWindow.WEEKLY, millis)))
                    .as(where).isEqualTo(local.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
                assertThat(WindowClock.start(BudgetWindow.MONTHLY, clock.windowId(BudgetWindow.MONTHLY, millis)))
                    .as(where).isEqualTo(local.withDayOfMonth(1));
            }
        }
    }

    @Test
    void windowIds_stepByOneAtEachLocalMidnight_evenAcrossDaylightSavingChanges() {
        final ZoneId paris = ZoneId.of("Europe/Paris");
        final WindowClock clock = new WindowClock(paris);
        // The night clocks go forward (2026-03-29) and back (2026-10-25) in Paris.
        for (final LocalDate day : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))) {
            final long midnight = day.atStartOfDay(paris).toInstant().toEpochMilli();
            assertThat(clock.windowId(BudgetWindow.DAILY, midnight) - clock.windowId(BudgetWindow.DAILY, midnight - 1))
                .isEqualTo(1);
            final long nextMidnight = day.plusDays(1).atStartOfDay(paris).toInstant().toEpochMilli();
            assertThat(clock.windowId(BudgetWindow.DAILY, nextMidnight - 1))
                .isEqualTo(clock.windowId(BudgetWindow.DAILY, midnight));
        }
    }
}
