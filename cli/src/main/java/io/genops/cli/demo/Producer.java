package io.genops.cli.demo;

import io.genops.core.policy.BudgetExceededException;
import io.genops.pipeline.Conversation;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.RingFullException;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * One caller thread of the demo: plays its script at its share of the rate and times each
 * {@code trackInteraction} call, and nothing else, into its own histogram.
 *
 * <p>Interactions marked conversational go to the producer's current customer conversation; after
 * {@value #CONVERSATION_TURNS} of them it is closed and the next one opened, as a chat backend does
 * when a case is resolved. Conversations are opened from the support team's session rather than
 * with {@code GenOps.openConversation}, which gives a conversation the client's attribution only: the
 * signals a conversation emits itself would then be charged to no team. Closing waits until the
 * pipeline has counted the conversation's events, so it happens outside the timed call.
 *
 * <p>The pacing is by absolute deadline: a producer held up by a pause catches up with calls back to
 * back, as a burst of traffic would come, so the average rate holds.
 */
final class Producer implements Callable<CallCounts> {
    /** Interactions per conversation, across the agents of several teams. */
    static final int CONVERSATION_TURNS = 8;
    /** Calls slower than this are recorded as this; only a stalled machine gets near it. */
    private static final long MAX_RECORDED_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Customers come back: each conversation is with one of this many. */
    private static final int CUSTOMERS = 500;

    private final int index;
    private final DemoPlan plan;
    private final Step[] script;
    private final long calls;
    private final double intervalNanos;
    private final MonitoringSession[] sessionsByTeam;
    private final MonitoringSession conversationOwner;
    private final CountDownLatch startGate;
    private final Histogram latency = new Histogram(MAX_RECORDED_NANOS, 3);
    private final AtomicLong completed = new AtomicLong();
    private final CallCounts counts = new CallCounts();
    private final SplittableRandom customers;

    private Conversation conversation;
    private int turnsLeft;

    Producer(final int index, final Step[] script, final DemoPlan plan, final MonitoringSession[] sessionsByTeam,
        final CountDownLatch startGate) {
        this.index = index;
        this.plan = plan;
        this.script = script;
        this.calls = plan.eventsOf(index);
        this.intervalNanos = plan.intervalNanos();
        this.sessionsByTeam = sessionsByTeam.clone();
        this.conversationOwner = sessionsByTeam[Team.SUPPORT.ordinal()];
        this.startGate = startGate;
        this.customers = new SplittableRandom(plan.seed() + index);
    }

    @Override
    public CallCounts call() throws InterruptedException {
        startGate.await();
        final long startNanos = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            awaitTurn(startNanos, i);
            final Step step = script[(int)(i % script.length)];
            if (step.isSignal()) {
                signal(step);
            } else {
                interaction(step);
            }
            completed.lazySet(i + 1);
        }
        endConversation();
        return counts;
    }

    private void awaitTurn(final long startNanos, final long call) {
        if (intervalNanos > 0) {
            final long waitNanos = startNanos + (long)(call * intervalNanos) - System.nanoTime();
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos);
            }
        }
    }

    private void interaction(final Step step) {
        final Conversation target = step.conversational() ? currentConversation() : null;
        final MonitoringSession session = sessionsByTeam[step.agent().team().ordinal()];
        counts.interactions++;
        boolean accepted = false;
        boolean rejected = false;
        final long startNanos = System.nanoTime();
        try {
            accepted = target != null ? target.trackInteraction(step.agent().id(), step.interaction())
                : session.trackInteraction(step.agent().id(), step.interaction());
        } catch (final BudgetExceededException e) {
            rejected = true;
        } catch (final RingFullException ignored) {
            // The fail policy's way of dropping; counted as dropped below.
        } catch (final IllegalArgumentException e) {
            if (!plan.refusesUnpriced(step.interaction().model())) {
                throw e;
            }
            // Refused at the call as the configuration asks; any other bad input is the demo's own bug.
            latency.recordValue(Math.min(System.nanoTime() - startNanos, MAX_RECORDED_NANOS));
            counts.refusedUnpriced++;
            return;
        }
        latency.recordValue(Math.min(System.nanoTime() - startNanos, MAX_RECORDED_NANOS));
        counts.count(accepted, rejected);
    }

    private void signal(final Step step) {
        counts.signals++;
        boolean accepted = false;
        boolean rejected = false;
        try {
            accepted = sessionsByTeam[step.agent().team().ordinal()].trackSignal(step.signalName(), step.signal());
        } catch (final BudgetExceededException e) {
            rejected = true;
        } catch (final RingFullException ignored) {
            // Counted as dropped below.
        }
        counts.count(accepted, rejected);
    }

    private Conversation currentConversation() {
        if (turnsLeft == 0) {
            endConversation();
            final long number = counts.conversations++;
            conversation = conversationOwner.openConversation("conv-" + index + "-" + number,
                String.format("customer-%04d", customers.nextInt(CUSTOMERS)));
            turnsLeft = CONVERSATION_TURNS;
        }
        turnsLeft--;
        return conversation;
    }

    /**
     * Closes the current conversation and counts the signals it recorded: a flow signal at every
     * {@code conversationFlowInterval}-th accepted interaction, and the summary that closing emits,
     * less those an enforced budget without room left out.
     */
    private void endConversation() {
        if (conversation != null) {
            final long startNanos = System.nanoTime();
            conversation.close();
            counts.conversationSignals += conversation.signalsRecorded();
            counts.conversationCloseNanos += System.nanoTime() - startNanos;
            conversation = null;
        }
    }

    /** Calls made so far; read by the progress display while the producer runs. */
    long completed() {
        return completed.get();
    }

    /** The timed calls; read once the producer has finished. */
    Histogram latency() {
        return latency;
    }
}
