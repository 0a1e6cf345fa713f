package io.genops.pipeline.internal;

import io.genops.pipeline.BudgetScope;
import io.genops.pipeline.BudgetWindow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One limit: a scope key (such as team {@code support}), a window kind and an amount, with the state
 * of its current window.
 *
 * <p>Enforcement reserves on the callers' threads: {@link #reserve} adds a call's estimated cost (its
 * exact cost, unless a fixed estimate is configured) to the window's committed amount with one
 * compare-and-set, refusing when it would pass the limit. The budget stage later replaces the estimate
 * by the actual cost. So the committed amount is the
 * spend of processed events plus the reservations of admitted events in flight, and admitted spend
 * exceeds the limit only by what actual costs exceed their estimates (see {@code GenOps}).
 */
final class Budget {
    private static final VarHandle PERIOD;

    static {
        try {
            PERIOD = MethodHandles.lookup().findVarHandle(Budget.class, "period", Period.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final BudgetScope scope;
    final String key;
    final BudgetWindow window;
    final long limitNanos;
    final String label;
    /** {@code scope:key:window}, such as {@code team:support:daily}: how an event names a budget it was charged to. */
    final String name;
    @SuppressWarnings("unused")
    private volatile Period period = new Period(Long.MIN_VALUE);

    Budget(final BudgetScope scope, final String key, final BudgetWindow window, final long limitNanos) {
        this.scope = scope;
        this.key = key;
        this.window = window;
        this.limitNanos = limitNanos;
        this.label = scope.label() + "=" + key;
        this.name = scope.label() + ":" + key + ":" + window.label();
    }

    /**
     * The state of window {@code id}, starting it when time has moved on; {@code null} for a window
     * that has already passed (a late event is not charged to a closed window).
     */
    Period periodFor(final long id) {
        Period current = period;
        while (current.id < id) {
            final Period next = new Period(id);
            if (PERIOD.compareAndSet(this, current, next)) {
                return next;
            }
            current = period;
        }
        return current.id == id ? current : null;
    }

    Period current() {
        return period;
    }

    /** Adds {@code nanos} to the window's commitment unless that passes the limit; lock-free. */
    boolean reserve(final Period target, final long nanos) {
        long current = target.committed();
        // Written as a difference so that no amount, however large, can overflow past the limit.
        while (nanos <= limitNanos - current) {
            if (target.commit(current, current + nanos)) {
                return true;
            }
            current = target.committed();
        }
        return false;
    }

    /**
     * What both sides read of a window, and never change: its id. Then the committed amount, written by
     * callers' threads on every reserved call, between two paddings of seven longs (56 bytes on either
     * side, enough for a 64-byte line), so that the budget stage writing the window's spend on every event
     * does not take the line from under the callers, nor they from under it. The parts are classes of
     * their own, and all longs, for the reason {@link ScopeFields} gives.
     */
    abstract static class PeriodHead {
        final long id;

        PeriodHead(final long id) {
            this.id = id;
        }
    }

    @SuppressWarnings("unused")
    abstract static class PeriodHeadPadding extends PeriodHead {
        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;

        PeriodHeadPadding(final long id) {
            super(id);
        }
    }

    abstract static class PeriodCommitted extends PeriodHeadPadding {
        private static final VarHandle COMMITTED;

        static {
            try {
                COMMITTED = MethodHandles.lookup().findVarHandle(PeriodCommitted.class, "committed", long.class);
            } catch (final ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** Spend of processed events plus reservations in flight; callers and the stage update it. */
        private volatile long committed;

        PeriodCommitted(final long id) {
            super(id);
        }

        final long committed() {
            return committed;
        }

        final boolean commit(final long expected, final long next) {
            return COMMITTED.compareAndSet(this, expected, next);
        }

        final void addCommitted(final long nanos) {
            COMMITTED.getAndAdd(this, nanos);
        }
    }

    @SuppressWarnings("unused")
    abstract static class PeriodCommittedPadding extends PeriodCommitted {
        private long q1;
        private long q2;
        private long q3;
        private long q4;
        private long q5;
        private long q6;
        private long q7;

        PeriodCommittedPadding(final long id) {
            super(id);
        }
    }

    /** One window of a budget: the parts above, then what the budget stage alone writes. */
    static final class Period extends PeriodCommittedPadding {
        /** Spend of processed events; written by the budget stage only. */
        volatile long spentNanos;
        /** Thresholds already alerted in this window; budget stage only. */
        int thresholdsFired;
        /**
         * What exact costs differed from the fixed estimates reserved here, not yet added to
         * {@link #committed()}; budget stage only.
         */
        long unsettledNanos;
        /** Whether the budget stage has this period on its list to settle; budget stage only. */
        boolean awaitingSettlement;

        Period(final long id) {
            super(id);
        }
    }
}
