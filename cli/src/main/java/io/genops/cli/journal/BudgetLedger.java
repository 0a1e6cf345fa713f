package io.genops.cli.journal;

import io.genops.core.journal.RecordView;
import io.genops.core.money.Money;
import io.genops.pipeline.BudgetScope;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.BudgetWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spend of every budget scope in the day, ISO week and month that contain one instant, summed from
 * journal records the way the pipeline charges its budgets: each record's whole cost to its team,
 * project, customer and team with project, in the window its time falls in on the calendar of the
 * budget time zone. A running pipeline's budgets hold the same sums for the windows open now.
 */
final class BudgetLedger {
    private final ZoneId zone;
    private final LocalDate[] starts = new LocalDate[BudgetWindow.values().length];
    private final long[] startMillis = new long[BudgetWindow.values().length];
    private final long[] endMillis = new long[BudgetWindow.values().length];
    private final Map<BudgetScope, Map<String, long[]>> spend = new EnumMap<>(BudgetScope.class);

    BudgetLedger(final Instant at, final ZoneId zone) {
        this.zone = zone;
        final LocalDate day = at.atZone(zone).toLocalDate();
        window(BudgetWindow.DAILY, day, day.plusDays(1));
        final LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        window(BudgetWindow.WEEKLY, monday, monday.plusWeeks(1));
        final LocalDate first = day.withDayOfMonth(1);
        window(BudgetWindow.MONTHLY, first, first.plusMonths(1));
        for (final BudgetScope scope : BudgetScope.values()) {
            spend.put(scope, new HashMap<>());
        }
    }

    private void window(final BudgetWindow window, final LocalDate start, final LocalDate end) {
        starts[window.ordinal()] = start;
        startMillis[window.ordinal()] = start.atStartOfDay(zone).toInstant().toEpochMilli();
        endMillis[window.ordinal()] = end.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The earliest instant any of the windows holds: where reading starts. */
    Instant earliest() {
        long earliest = Long.MAX_VALUE;
        for (final long start : startMillis) {
            earliest = Math.min(earliest, start);
        }
        return Instant.ofEpochMilli(earliest);
    }

    /** The end of the latest window: records from here on are not counted. */
    Instant latest() {
        long latest = Long.MIN_VALUE;
        for (final long end : endMillis) {
            latest = Math.max(latest, end);
        }
        return Instant.ofEpochMilli(latest);
    }

    LocalDate start(final BudgetWindow window) {
        return starts[window.ordinal()];
    }

    void add(final RecordView record) {
        final long time = record.epochMillis();
        final long cost = record.costNanos();
        for (final BudgetScope scope : BudgetScope.values()) {
            final String key = scope.keyOf(record.team(), record.project(), record.customerId());
            if (key == null) {
                continue;
            }
            final long[] sums = spend.get(scope).computeIfAbsent(key, k -> new long[BudgetWindow.values().length]);
            for (final BudgetWindow window : BudgetWindow.values()) {
                final int w = window.ordinal();
                if (time >= startMillis[w] && time < endMillis[w]) {
                    sums[w] = Math.addExact(sums[w], cost);
                }
            }
        }
    }

    /**
     * One status per key of {@code scopes} and each of {@code windows} that has spend or a limit, sorted by
     * scope, key and window; the limits come from {@code limits}, a key's own before its scope's.
     */
    List<BudgetStatus> statuses(final List<BudgetScope> scopes, final List<BudgetWindow> windows,
        final Limits limits) {
        final List<BudgetStatus> statuses = new ArrayList<>();
        for (final BudgetScope scope : scopes) {
            final Map<String, long[]> keys = new TreeMap<>(spend.get(scope));
            limits.keys(scope).forEach(key -> keys.putIfAbsent(key, new long[BudgetWindow.values().length]));
            for (final Map.Entry<String, long[]> key : keys.entrySet()) {
                for (final BudgetWindow window : windows) {
                    final long consumed = key.getValue()[window.ordinal()];
                    final Money limit = limits.limit(scope, key.getKey(), window);
                    if (consumed != 0 || limit != null) {
                        statuses.add(new BudgetStatus(scope.label() + "=" + key.getKey(), window.label(),
                            start(window), limit == null ? Money.usdNanos(0) : limit, Money.usdNanos(consumed)));
                    }
                }
            }
        }
        return statuses;
    }

    /** The limits the command line set. */
    static final class Limits {
        private final Map<BudgetWindow, List<BudgetLimit>> byWindow = new EnumMap<>(BudgetWindow.class);

        void add(final BudgetWindow window, final List<BudgetLimit> limits) {
            byWindow.computeIfAbsent(window, w -> new ArrayList<>()).addAll(limits);
        }

        /** The keys that have a limit of their own in {@code scope}. */
        List<String> keys(final BudgetScope scope) {
            final List<String> keys = new ArrayList<>();
            byWindow.values().forEach(limits -> limits.stream()
                .filter(limit -> limit.scope() == scope && limit.key() != null)
                .forEach(limit -> keys.add(limit.key())));
            return keys;
        }

        /** The limit of {@code key}: its own, else its scope's, else {@code null}; options, added last, win. */
        Money limit(final BudgetScope scope, final String key, final BudgetWindow window) {
            Money own = null;
            Money scopeWide = null;
            for (final BudgetLimit limit : byWindow.getOrDefault(window, List.of())) {
                if (limit.scope() != scope) {
                    continue;
                }
                if (key.equals(limit.key())) {
                    own = limit.limit();
                } else if (limit.key() == null) {
                    scopeWide = limit.limit();
                }
            }
            return own != null ? own : scopeWide;
        }
    }
}
