package io.genops.pipeline.internal;

/**
 * A window of fixed length over event time, cut into {@value #SLOTS} sub-windows that rotate as time
 * moves on: the newest slot takes events of the current sub-window, and advancing by one sub-window
 * clears the oldest slot for reuse. Aggregates therefore cover between 7/8 and all of the nominal
 * window, move in steps of one eighth of it, and cost nothing to keep: no allocation after
 * construction, no timer, no scan of old events.
 *
 * <pre>
 *   window = 8 sub-windows of (window / 8)             time ─►
 *   ┌────┬────┬────┬────┬────┬────┬────┬────┐
 *   │ s3 │ s4 │ s5 │ s6 │ s7 │ s0 │ s1 │ s2 │   slot = sub-window number mod 8
 *   └────┴────┴────┴────┴────┴────┴────┴────┘
 *     oldest                           newest (head)
 * </pre>
 *
 * <p>Time comes from the events themselves, so a settable clock drives windows in tests. Events a
 * little out of order (callers stamp before they claim a ring slot) land in their own, older slot;
 * events older than the whole window are not counted. Single-threaded: the alert stage's thread only.
 */
abstract class RollingWindow {
    static final int SLOTS = 8;
    /** Returned by {@link #advance} for an event older than the window. */
    static final int TOO_OLD = -1;
    private static final long NEVER = Long.MIN_VALUE;

    private final long slotMillis;
    /** The absolute number of the newest sub-window: epoch millis / slot millis. */
    private long head = NEVER;

    RollingWindow(final long windowMillis) {
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
    }

    /**
     * Moves the window on to {@code epochMillis}, clearing the slots it leaves behind, and returns the
     * slot an event of that time belongs to, or {@link #TOO_OLD}.
     */
    final int advance(final long epochMillis) {
        final long subWindow = Math.floorDiv(epochMillis, slotMillis);
        if (head == NEVER) {
            head = subWindow;
            return slotOf(subWindow);
        }
        if (subWindow > head) {
            final long steps = Math.min(subWindow - head, SLOTS);
            for (long step = 1; step <= steps; step++) {
                clear(slotOf(head + step));
            }
            head = subWindow;
            return slotOf(subWindow);
        }
        return subWindow > head - SLOTS ? slotOf(subWindow) : TOO_OLD;
    }

    private static int slotOf(final long subWindow) {
        return (int)Math.floorMod(subWindow, (long)SLOTS);
    }

    /** Takes slot {@code slot}'s counts out of the window's totals and zeroes it. */
    abstract void clear(int slot);
}
