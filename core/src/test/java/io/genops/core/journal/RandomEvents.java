package io.genops.core.journal;

import io.genops.core.Samples;
import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.SplittableRandom;

/**
 * Random events that keep the {@link io.genops.core.event.EventView} contract the codec relies on:
 * strings are absent, empty or well-formed UTF-16; only signals and alert firings carry a value and threshold; a cost
 * not overridden is the sum of model and platform cost, as the pipeline computes it. Numbers come
 * from {@link Samples}, so every varint width and the edge values are drawn often; latency keeps its
 * nanoseconds, so compare with {@link TestEvent#journaled}.
 */
final class RandomEvents {
    /** One-, two-, three- and four-byte UTF-8 characters, the last as surrogate pairs. */
    private static final int[] CODE_POINTS = {
        'a', 'Z', '0', '_', '-', ' ', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x6F22, 0x5B57, 0xFFFD, 0xFFFF,
        0x10000, 0x1F600, 0x1F680, 0x10FFFF,
    };
    private static final double[] DOUBLES = {
        0.0, -0.0, 1.0, -1.0, 0.5, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, 12_345.678,
    };

    private static final String[] WINDOWS = {"daily", "weekly", "monthly"};

    private final Samples samples = new Samples();
    private final SplittableRandom random = new SplittableRandom(Samples.SEED).split();

    TestEvent next() {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.values()[random.nextInt(EventKind.values().length)];
        event.epochMillis = samples.anyLong();
        event.costOverridden = random.nextBoolean();
        nextNumbers(event);
        nextStrings(event);
        event.complexity = random.nextInt(5) == 0 ? null : Complexity.values()[random.nextInt(4)];
        event.frequency = random.nextInt(5) == 0 ? null : Frequency.values()[random.nextInt(4)];
        event.policyResult = PolicyResult.values()[random.nextInt(PolicyResult.values().length)];
        event.policyReason = PolicyReason.values()[random.nextInt(PolicyReason.values().length)];
        event.unpriced = random.nextBoolean();
        event.sampled = random.nextBoolean();
        event.failed = random.nextBoolean();
        event.alertFired = event.kind == EventKind.ALERT && random.nextBoolean();
        if (event.kind == EventKind.SIGNAL || event.alertFired) {
            event.value = nextDouble();
            event.threshold = nextDouble();
        }
        if (event.kind == EventKind.SESSION) {
            event.sessionOperations = samples.anyLong();
            event.sessionCostNanos = samples.anyLong();
            event.sessionTotalsExact = random.nextBoolean();
        }
        nextBudget(event);
        return event;
    }

    /**
     * Half the events are charged to a budget of a random scope and window whose key the event carries;
     * limits are any number, or a round one now and then, so every limit exponent is drawn.
     */
    private void nextBudget(final TestEvent event) {
        if (random.nextBoolean()) {
            return;
        }
        final String window = WINDOWS[random.nextInt(WINDOWS.length)];
        final String key;
        final String scope;
        switch (random.nextInt(4)) {
            case 0:
                scope = "team";
                key = event.team;
                break;
            case 1:
                scope = "project";
                key = event.project;
                break;
            case 2:
                scope = "customer";
                key = event.customerId;
                break;
            default:
                scope = "team_project";
                key = event.team == null || event.project == null ? null : event.team + "/" + event.project;
                break;
        }
        if (key != null) {
            final long limit = random.nextBoolean() ? samples.anyLong()
                : (1 + random.nextInt(999)) * RecordCodec.POWERS_OF_TEN[random.nextInt(16)];
            event.budget(scope + ":" + key + ":" + window, limit, samples.anyLong());
        }
    }

    private void nextNumbers(final TestEvent event) {
        event.sequence = samples.anyLong();
        nextCosts(event);
        event.latencyNanos = samples.anyLong();
        event.inputTokens = samples.anyLong();
        event.outputTokens = samples.anyLong();
        event.cacheReadTokens = samples.anyLong();
        event.cacheCreationTokens = samples.anyLong();
        event.reasoningTokens = samples.anyLong();
        event.payloadChars = samples.anyLong();
        event.channelCount = (int)samples.anyLong();
    }

    /** An overridden cost is any number; otherwise it is the sum of two halves that cannot overflow it. */
    private void nextCosts(final TestEvent event) {
        if (event.costOverridden) {
            event.costNanos = samples.anyLong();
            event.modelCostNanos = samples.anyLong();
            event.platformCostNanos = samples.anyLong();
        } else {
            event.modelCostNanos = samples.anyLong() / 2;
            event.platformCostNanos = samples.anyLong() / 2;
            event.costNanos = event.modelCostNanos + event.platformCostNanos;
        }
    }

    private void nextStrings(final TestEvent event) {
        event.sessionId = nextString();
        event.team = nextString();
        event.project = nextString();
        event.environment = nextString();
        event.customerId = nextString();
        event.costCenter = nextString();
        event.feature = nextString();
        event.agentId = nextString();
        final String group = nextString();
        event.group = group == null ? TestEvent.DEFAULT_GROUP : group;
        event.name = nextString();
        event.conversationId = nextString();
        event.userId = nextString();
        event.model = nextString();
        event.provider = nextString();
        event.error = nextString();
        event.content = nextText();
        event.output = nextText();
    }

    /** Content or an answer: absent half the time, else up to 3 characters or up to 399. */
    private String nextText() {
        return random.nextBoolean() ? null : text(random.nextInt(random.nextBoolean() ? 4 : 400));
    }

    /**
     * Absent one time in four, empty one in sixteen; else 1 to 12 characters, or now and then enough
     * to need a two-byte length.
     */
    private String nextString() {
        final int draw = random.nextInt(16);
        if (draw < 4) {
            return null;
        }
        if (draw == 4) {
            return "";
        }
        return text(random.nextInt(16) == 0 ? 100 + random.nextInt(100) : 1 + random.nextInt(12));
    }

    private String text(final int codePoints) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return text.toString();
    }

    private double nextDouble() {
        return random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextDouble(-1e12, 1e12);
    }
}
