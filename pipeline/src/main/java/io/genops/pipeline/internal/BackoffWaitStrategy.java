package io.genops.pipeline.internal;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;

/**
 * The default consumer wait: spin briefly, yield briefly, then park, doubling the park from
 * {@code minParkNanos} up to {@code maxParkNanos} for as long as the ring stays empty. Under load a
 * consumer never parks; in a quiet spell it soon parks for the longest interval, so an idle pipeline
 * wakes a few hundred times a second at most instead of thousands. The price is wake-up latency: at
 * most {@code maxParkNanos} after a long quiet spell, which callers never see (they only publish)
 * and {@code flush} absorbs. Producers never signal, so publishing takes no lock.
 */
final class BackoffWaitStrategy implements WaitStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 100;

    private final long minParkNanos;
    private final long maxParkNanos;

    BackoffWaitStrategy(final long minParkNanos, final long maxParkNanos) {
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = Math.max(minParkNanos, maxParkNanos);
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException {
        long available;
        int tries = 0;
        long parkNanos = minParkNanos;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (tries < SPINS) {
                tries++;
                Thread.onSpinWait();
            } else if (tries < SPINS + YIELDS) {
                tries++;
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(maxParkNanos, parkNanos << 1);
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // Consumers wake by themselves; producers never signal.
    }
}
