package io.genops.pipeline;

/**
 * How a consumer thread waits for events when the ring is empty. Measured on a 2-core machine with
 * {@code genops-bench}'s wait-strategy harness; the figures are in {@code bench/README.md}.
 */
public enum ConsumerWait {
    /**
     * Spin briefly, yield, then park, starting at {@code consumerPark} and doubling up to 4 ms while
     * the ring stays empty: near-zero CPU while idle and full speed under load, at the price of up to
     * 4 ms of wake-up latency after a quiet spell, which callers never wait for. The default.
     */
    SLEEPING,
    /** Spin then yield: lowest latency, but an idle consumer keeps a core busy. */
    YIELDING,
    /** Park on a lock and condition: no CPU when idle, but every publish signals under a lock. */
    BLOCKING,
    /** Spin without pause: for machines with a core to give away entirely. */
    BUSY_SPIN
}
