package io.genops.cli.demo;

/**
 * What became of a producer's calls. Each call ends in exactly one of accepted, rejected (an
 * enforced budget refused it), refused as unpriced (a model without a price under the unknown-model
 * policy fail) or dropped (the ring was full under the drop or fail policy). Written by one producer
 * thread; read after it finished.
 */
final class CallCounts {
    long interactions;
    long signals;
    long accepted;
    long rejected;
    long refusedUnpriced;
    long dropped;
    long conversations;
    /**
     * Signals the closed conversations recorded: a flow signal every so many interactions, and a summary; those
     * an enforced limit refused or a full ring dropped are not counted.
     */
    long conversationSignals;
    /** Time spent in {@code Conversation.close()}, which waits until the pipeline has counted the conversation. */
    long conversationCloseNanos;

    void count(final boolean wasAccepted, final boolean wasRejected) {
        if (wasAccepted) {
            accepted++;
        } else if (wasRejected) {
            rejected++;
        } else {
            dropped++;
        }
    }

    long calls() {
        return interactions + signals;
    }

    void add(final CallCounts other) {
        interactions += other.interactions;
        signals += other.signals;
        accepted += other.accepted;
        rejected += other.rejected;
        refusedUnpriced += other.refusedUnpriced;
        dropped += other.dropped;
        conversations += other.conversations;
        conversationSignals += other.conversationSignals;
        conversationCloseNanos += other.conversationCloseNanos;
    }
}
