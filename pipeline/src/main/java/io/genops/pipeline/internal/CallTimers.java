package io.genops.pipeline.internal;

import io.genops.core.export.CallTimings;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ObjLongConsumer;

/**
 * Times a sample of the callers' calls for the exporters that asked ({@link CallTimings}). While none
 * has, a call pays one volatile read; otherwise one random draw, and the sampled one call in
 * {@value CallTimings#SAMPLE_EVERY} two clock reads and the listeners' work. The draw is per thread,
 * so callers on many threads share no counter. A listener that throws loses that one timing; the
 * caller never sees it.
 */
final class CallTimers {
    private static final int SAMPLE_MASK = CallTimings.SAMPLE_EVERY - 1;

    private volatile CallTimings[] listeners = new CallTimings[0];

    synchronized void add(final CallTimings timings) {
        final CallTimings[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = timings;
        listeners = more;
    }

    /** The start of a call to time, or 0 when this call is not timed. */
    long start() {
        if (listeners.length == 0 || (ThreadLocalRandom.current().nextInt() & SAMPLE_MASK) != 0) {
            return 0;
        }
        return System.nanoTime() | 1;
    }

    /** The start of a call timed whatever the sample, or 0 while nobody listens. */
    long startAlways() {
        return listeners.length == 0 ? 0 : System.nanoTime() | 1;
    }

    void interaction(final long start) {
        report(start, CallTimings::interactionTracked);
    }

    void signal(final long start) {
        report(start, CallTimings::signalTracked);
    }

    void alert(final long start) {
        report(start, CallTimings::alertCreated);
    }

    private void report(final long start, final ObjLongConsumer<CallTimings> timing) {
        if (start == 0) {
            return;
        }
        final long nanos = Math.max(0, System.nanoTime() - start);
        for (final CallTimings timings : listeners) {
            try {
                timing.accept(timings, nanos);
            } catch (final RuntimeException e) {
                // Loses this one timing: the caller's call has succeeded and must not fail here.
            }
        }
    }
}
