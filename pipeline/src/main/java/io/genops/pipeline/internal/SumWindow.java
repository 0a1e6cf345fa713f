package io.genops.pipeline.internal;

/**
 * A {@link RollingWindow} of a few exact {@code long} sums, such as spend in nanodollars, or errors and
 * interactions. Totals over the window are kept up to date on every add, so reading one is O(1).
 */
final class SumWindow extends RollingWindow {
    /** Column of the counted occurrences in a two-column ratio window (errors, refusals). */
    static final int HITS = 0;
    /** Column of the opportunities in a two-column ratio window (interactions, calls). */
    static final int ALL = 1;

    private final int columns;
    private final long[] cells;
    private final long[] totals;

    SumWindow(final long windowMillis, final int columns) {
        super(windowMillis);
        this.columns = columns;
        this.cells = new long[SLOTS * columns];
        this.totals = new long[columns];
    }

    /** Adds {@code amount} to {@code column} of {@code slot}, a slot {@link #advance} returned. */
    void add(final int slot, final int column, final long amount) {
        cells[slot * columns + column] += amount;
        totals[column] += amount;
    }

    /** The sum of {@code column} over the window. */
    long total(final int column) {
        return totals[column];
    }

    /** HITS over ALL for a ratio window; NaN below {@code minSamples} opportunities. */
    double ratio(final int minSamples) {
        final long all = totals[ALL];
        return all < minSamples || all == 0 ? Double.NaN : (double)totals[HITS] / all;
    }

    @Override
    void clear(final int slot) {
        final int base = slot * columns;
        for (int column = 0; column < columns; column++) {
            totals[column] -= cells[base + column];
            cells[base + column] = 0;
        }
    }
}
