package io.genops.pipeline.internal;

/**
 * Redacts an interaction's captured content and answer in its slot, before the journal stage writes them
 * and so before any exporter or stage of the user's can read them. It runs on the consumer thread, not the
 * caller's, because redacting allocates: every text that matches is copied.
 *
 * <p>When redaction fails (the custom redactor throws or returns {@code null}, or a text defeats a
 * pattern), both texts are dropped from the event rather than kept unredacted, and the failure is
 * reported as this stage's: the event is marked failed and counted, and is still accounted. The report
 * names only the kind of failure, never its message, which could quote the text.
 */
final class RedactStage implements Stage {
    private final Redactor redactor;
    private final PipelineCounters counters;

    RedactStage(final Redactor redactor, final PipelineCounters counters) {
        this.redactor = redactor;
        this.counters = counters;
    }

    @Override
    public String name() {
        return "redact";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (event.content == null && event.output == null) {
            return;
        }
        try {
            event.content = redactor.redact(event.content);
            event.output = redactor.redact(event.output);
        } catch (final RuntimeException | StackOverflowError e) {
            event.content = null;
            event.output = null;
            throw new IllegalStateException("redaction failed (" + e.getClass().getName() + "); the event's "
                + "content and output were dropped, not kept unredacted");
        } finally {
            counters.redactions.lazySet(redactor.redactions());
        }
    }
}
