package io.genops.pipeline.journal;

/** A journal that cannot be opened or read, with a message naming the directory, file or record. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(final String message) {
        super(message);
    }

    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
