package io.genops.cli.support;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns for a person: the first column left-aligned, the others right-aligned (numbers and
 * amounts), each as wide as its widest cell, indented by two spaces.
 */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean headed;
    private int leftAligned = 1;

    /** A table with these column headings; with only empty headings, none is printed. */
    public Table(final String... header) {
        this.columns = header.length;
        this.headed = Arrays.stream(header).anyMatch(heading -> !heading.isEmpty());
        rows.add(header);
    }

    /** Left-aligns the first {@code count} columns instead of only the first. */
    public Table leftAligned(final int count) {
        this.leftAligned = count;
        return this;
    }

    public Table row(final String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns);
        }
        rows.add(cells);
        return this;
    }

    public void print(final PrintWriter out) {
        final int[] widths = new int[columns];
        for (final String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        final StringBuilder line = new StringBuilder();
        for (final String[] row : headed ? rows : rows.subList(1, rows.size())) {
            line.setLength(0);
            line.append("  ");
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                pad(line, row[c], widths[c], c < leftAligned);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void pad(final StringBuilder line, final String cell, final int width, final boolean left) {
        final String padding = " ".repeat(width - cell.length());
        if (left) {
            line.append(cell).append(padding);
        } else {
            line.append(padding).append(cell);
        }
    }
}
