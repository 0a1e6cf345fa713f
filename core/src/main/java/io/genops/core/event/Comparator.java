package io.genops.core.event;

/** How a condition compares an observed value with its threshold. */
public enum Comparator {
    GREATER_THAN(">"), GREATER_OR_EQUAL(">="), LESS_THAN("<"), LESS_OR_EQUAL("<=");

    private static final Comparator[] VALUES = values();

    private final String symbol;

    Comparator(final String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(final double observed, final double threshold) {
        switch (this) {
            case GREATER_THAN:
                return observed > threshold;
            case GREATER_OR_EQUAL:
                return observed >= threshold;
            case LESS_THAN:
                return observed < threshold;
            case LESS_OR_EQUAL:
                return observed <= threshold;
            default:
                throw new AssertionError(this);
        }
    }

    /** Parses a symbol ({@code ">"}) or a name ({@code "greater_than"}). */
    public static Comparator parse(final String text) {
        for (final Comparator comparator : VALUES) {
            if (comparator.symbol.equals(text)) {
                return comparator;
            }
        }
        return Names.parse(VALUES, text, "comparator");
    }
}
