package io.genops.pipeline.internal;

/**
 * The fields of a {@link Scope}, laid out by who writes them. Every caller that publishes an event of
 * the scope writes {@link Published#lastPublished}; the last stage runner writes the totals on every
 * event of the scope. Sharing a cache line, the two would take it from each other on every event, so
 * the caller's field sits between two paddings of seven longs (56 bytes on either side, enough for a
 * 64-byte line), with the fields that hardly change (id, start, end) before it and the runner's totals
 * after it. Each part is a class of its own because the JVM orders the fields of one class as it likes;
 * it lays a subclass's fields after its superclass's, save that it may fill gaps the superclass left,
 * which is why the paddings and the guarded fields are all longs: they leave no gap to fill.
 */
final class ScopeFields {
    private ScopeFields() {
    }

    /** Written once, if at all: read by anyone. */
    abstract static class Head {
        final String id;
        final long startNanos;
        volatile long endNanos;

        Head(final String id, final long startNanos) {
            this.id = id;
            this.startNanos = startNanos;
        }
    }

    @SuppressWarnings("unused")
    abstract static class HeadPadding extends Head {
        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;

        HeadPadding(final String id, final long startNanos) {
            super(id, startNanos);
        }
    }

    /** Written by every publishing caller. */
    abstract static class Published extends HeadPadding {
        long lastPublished = -1;

        Published(final String id, final long startNanos) {
            super(id, startNanos);
        }
    }

    @SuppressWarnings("unused")
    abstract static class PublishedPadding extends Published {
        private long q1;
        private long q2;
        private long q3;
        private long q4;
        private long q5;
        private long q6;
        private long q7;

        PublishedPadding(final String id, final long startNanos) {
            super(id, startNanos);
        }
    }
}
