package io.genops.pipeline.internal;

/**
 * One team's daily budget: the limit, and the spend of the current UTC day as the budget stage
 * publishes it. The stage is the only writer. It resets {@code spentNanos} before it moves
 * {@code day} forward, so a reader that sees the new day also sees the reset spend.
 */
final class TeamBudget {
    final String team;
    final long limitNanos;
    private volatile long day = Long.MIN_VALUE;
    private volatile long spentNanos;
    private int thresholdsFired;

    TeamBudget(final String team, final long limitNanos) {
        this.team = team;
        this.limitNanos = limitNanos;
    }

    boolean hasLimit() {
        return limitNanos > 0;
    }

    /** The spend of {@code today}; zero when the published day is another. */
    long spentOn(final long today) {
        final long publishedDay = day;
        final long spent = spentNanos;
        return publishedDay == today ? spent : 0;
    }

    /** Adds spend on {@code eventDay}, starting a fresh day when it moved; stage thread only. */
    long add(final long eventDay, final long nanos) {
        if (eventDay != day) {
            if (eventDay < day) {
                return spentNanos;
            }
            spentNanos = 0;
            thresholdsFired = 0;
            day = eventDay;
        }
        final long spent = Math.addExact(spentNanos, nanos);
        spentNanos = spent;
        return spent;
    }

    /** Marks threshold {@code index} fired for the current day; true the first time only. */
    boolean fireOnce(final int index) {
        final int bit = 1 << index;
        if ((thresholdsFired & bit) != 0) {
            return false;
        }
        thresholdsFired |= bit;
        return true;
    }

    long day() {
        return day;
    }
}
