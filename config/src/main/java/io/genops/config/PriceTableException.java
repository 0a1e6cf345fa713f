package io.genops.config;

/**
 * A price table that cannot be used as written: malformed JSON, a missing or unknown key, or a value
 * that is not an exact, non-negative price. The message reads {@code file:line: key: problem}, so an
 * editor or a terminal can jump straight to the spot, and each part is also available on its own.
 */
public final class PriceTableException extends RuntimeException {
    private final String file;
    private final String key;
    private final int line;

    PriceTableException(final String file, final String key, final int line, final String problem) {
        this(file, key, line, problem, null);
    }

    PriceTableException(final String file, final String key, final int line, final String problem,
        final Throwable cause) {
        super(file + ':' + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem, cause);
        this.file = file;
        this.key = key;
        this.line = line;
    }

    /** The file, or for a bundled table its resource name. */
    public String file() {
        return file;
    }

    /**
     * Where in the document the problem is, as a path of keys such as {@code gpt-4o.input_cost_per_token}
     * or {@code models.gemini-2.5-pro.tiers[0].input}; empty for the document as a whole. Model names
     * appear as written, dots included.
     */
    public String key() {
        return key;
    }

    /** The line, counted from 1. */
    public int line() {
        return line;
    }
}
