package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.policy.PolicyResult;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adaptive sampling through a running pipeline: what is exported, what is always kept, what is counted. */
class AdaptiveSamplingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long[] SEEDS = {101, 202, 303};
    /** 0.01 USD per signal on the test tables. */
    private static final long SIGNAL_NANOS = 10_000_000;

    @TempDir
    Path journal;

    @Test
    void shouldExportAboutOnePercentOfAStableSeries_afterItsFirstEvents() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            try (GenOps genops = TestTables.builder().sampling(SamplingPolicy.adaptive().build()).build();
                 MonitoringSession session = genops.openSession("s")) {
                for (int i = 0; i < 20_000; i++) {
                    session.trackSignal("response_quality", signal("bot", 0.9 + 0.01 * random.nextGaussian()));
                }
                assertThat(genops.flush(WAIT)).isTrue();

                final PipelineMetrics metrics = genops.metrics();
                final SamplingMetrics sampling = metrics.sampling();
                assertThat(sampling.keptFirstEvents()).as("seed %d", seed).isEqualTo(10);
                assertThat(sampling.keptStable()).as("seed %d: 1 %% of 19,990", seed).isBetween(120L, 300L);
                assertThat(sampling.keptTrendingWorse() + sampling.keptHighVariance()).as("seed %d", seed)
                    .isLessThan(20);
                assertThat(sampling.kept()).as("seed %d", seed).isEqualTo(metrics.sampledIn());
                assertThat(metrics.sampledIn() + metrics.sampledOut()).as("seed %d", seed).isEqualTo(20_000);
                assertThat(metrics.totalCost()).as("seed %d: accounting sees every event", seed)
                    .isEqualTo(Money.usdNanos(20_000 * SIGNAL_NANOS));
            }
        }
    }

    @Test
    void shouldExportEveryEvent_whileLatencyKeepsRising() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            final Recorder recorder = new Recorder();
            try (GenOps genops = TestTables.builder().stage(recorder).sampling(SamplingPolicy.adaptive().build())
                .build();
                 MonitoringSession session = genops.openSession("s")) {
                for (int i = 0; i < 500; i++) {
                    session.trackInteraction("bot", interaction(100 + 2 * random.nextGaussian()));
                }
                for (int i = 0; i < 500; i++) {
                    session.trackInteraction("bot", interaction(100 + i + 2 * random.nextGaussian()));
                }
                assertThat(genops.flush(WAIT)).isTrue();

                final List<Boolean> steady = recorder.sampled().subList(10, 500);
                final List<Boolean> rising = recorder.sampled().subList(500, 1_000);
                assertThat(Collections.frequency(steady, true)).as("seed %d: 1 %% of 490", seed).isLessThan(20);
                assertThat(rising.subList(10, 500)).as("seed %d: every event once the rise is seen", seed)
                    .containsOnly(true);
                assertThat(genops.metrics().sampling().keptTrendingWorse()).as("seed %d", seed).isBetween(490L, 510L);
            }
        }
    }

    @Test
    void shouldExportAboutTenPercentOfANoisySeries() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            try (GenOps genops = TestTables.builder().sampling(SamplingPolicy.adaptive().build()).build();
                 MonitoringSession session = genops.openSession("s")) {
                for (int i = 0; i < 20_000; i++) {
                    // Exponential latencies: the standard deviation equals the mean, well above the 0.5 bound.
                    session.trackInteraction("bot", interaction(-100 * Math.log(1 - random.nextDouble())));
                }
                assertThat(genops.flush(WAIT)).isTrue();

                final SamplingMetrics sampling = genops.metrics().sampling();
                assertThat(sampling.keptHighVariance()).as("seed %d: 10 %% of 19,990", seed).isBetween(1_700L, 2_300L);
                assertThat(sampling.keptTrendingWorse()).as("seed %d", seed).isLessThan(100);
                assertThat(sampling.keptStable()).as("seed %d", seed).isLessThan(20);
            }
        }
    }

    @Test
    void shouldNeverDrop_eventsPastAnAdvisoryBudget() {
        final Recorder recorder = new Recorder();
        try (GenOps genops = TestTables.builder().stage(recorder).sampling(SamplingPolicy.adaptive().build())
            .dailyBudget("support", Money.usd("0.03")).alertBatchAge(Duration.ofMillis(10)).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 1_000; i++) {
                session.trackInteraction("bot", interaction(100));
            }
            assertThat(genops.flush(WAIT)).isTrue();

            // 0.003 USD each: from about the eighth the budget warns, from about the tenth it is exceeded.
            final List<Seen> flagged = recorder.matching(seen -> seen.result != PolicyResult.ALLOWED);
            assertThat(flagged).hasSizeGreaterThan(980).allSatisfy(seen -> assertThat(seen.sampled).isTrue());
            assertThat(genops.metrics().sampling().keptMustKeep()).isEqualTo(flagged.size());
            assertThat(genops.metrics().rejectedBudget()).isZero();
        }
    }

    @Test
    void shouldNeverDrop_errorsOrAlerts() {
        final Recorder recorder = new Recorder();
        try (GenOps genops = TestTables.builder().stage(recorder).sampling(SamplingPolicy.adaptive().build())
            .build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 2_000; i++) {
                final boolean failed = i % 10 == 9;
                session.trackInteraction("bot", failed ? Interaction.builder().model(TestTables.MODEL)
                    .latency(Duration.ofMillis(100)).error("timeout").build() : interaction(100));
                if (i % 100 == 0) {
                    session.createAlert("rule-" + i, AlertRule.builder().condition("latency_ms > 5000").build());
                }
            }
            assertThat(genops.flush(WAIT)).isTrue();

            final List<Seen> errors = recorder.matching(seen -> seen.error != null);
            final List<Seen> alerts = recorder.matching(seen -> seen.kind == EventKind.ALERT);
            assertThat(errors).hasSize(200).allSatisfy(seen -> assertThat(seen.sampled).isTrue());
            assertThat(alerts).hasSize(20).allSatisfy(seen -> assertThat(seen.sampled).isTrue());
            assertThat(genops.metrics().sampling().keptMustKeep()).isEqualTo(220);
            assertThat(genops.metrics().sampledOut()).as("the stable rest is sampled").isGreaterThan(1_700);
        }
    }

    @Test
    void shouldKeepOrDropConversationsWhole_withHeadSampling() {
        final Recorder recorder = new Recorder();
        final SamplingPolicy policy = SamplingPolicy.adaptive().conversationRate(0.5).build();
        try (GenOps genops = TestTables.builder().stage(recorder).sampling(policy).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int c = 0; c < 200; c++) {
                final Interaction interaction = Interaction.builder().model(TestTables.MODEL)
                    .conversationId("conversation-" + c).latency(Duration.ofMillis(100)).build();
                for (int i = 0; i < 5; i++) {
                    session.trackInteraction("bot", interaction);
                }
            }
            for (int i = 0; i < 100; i++) {
                session.trackInteraction("solo", interaction(100));
            }
            assertThat(genops.flush(WAIT)).isTrue();

            final Map<String, List<Boolean>> byConversation = recorder.byConversation();
            assertThat(byConversation).hasSize(200);
            assertThat(byConversation.values()).allSatisfy(decisions -> assertThat(decisions).hasSize(5)
                .containsOnly(decisions.get(0)));
            final long kept = byConversation.values().stream().filter(decisions -> decisions.get(0)).count();
            assertThat(kept).isBetween(60L, 140L);
            final SamplingMetrics sampling = genops.metrics().sampling();
            assertThat(sampling.keptHead()).isEqualTo(kept * 5);
            assertThat(sampling.keptFirstEvents()).as("outside conversations, sampling stays adaptive").isEqualTo(10);
            assertThat(sampling.keysTracked()).as("conversation events still feed the statistics").isEqualTo(2);
        }
    }

    @Test
    void shouldBoundTrackedKeys_andCountEvictions_acrossManyAgents() {
        final SamplingPolicy policy = SamplingPolicy.adaptive().maxKeys(1_000).build();
        try (GenOps genops = TestTables.builder().sampling(policy).build();
             MonitoringSession session = genops.openSession("s")) {
            final Interaction interaction = interaction(100);
            for (int i = 0; i < 20_000; i++) {
                session.trackInteraction("agent-" + i, interaction);
                if (i % 5_000 == 4_999) {
                    assertThat(genops.metrics().sampling().keysTracked()).isLessThanOrEqualTo(1_000);
                }
            }
            assertThat(genops.flush(WAIT)).isTrue();

            final SamplingMetrics sampling = genops.metrics().sampling();
            assertThat(sampling.keysTracked()).isEqualTo(1_000);
            assertThat(sampling.keysEvicted()).isEqualTo(19_000);
            assertThat(sampling.keptFirstEvents()).as("each agent's first event").isEqualTo(20_000);
        }
    }

    @Test
    void shouldAccountAndJournalEveryEvent_whileExportingFew() {
        final SplittableRandom random = new SplittableRandom(404);
        final int events = 3_000;
        final PipelineMetrics metrics;
        try (GenOps genops = TestTables.builder().journal(journal).sampling(SamplingPolicy.adaptive().build())
            .build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            for (int i = 0; i < events; i++) {
                session.trackInteraction("bot-" + i % 3, interaction(100 + random.nextGaussian()));
            }
            assertThat(genops.flush(WAIT)).isTrue();
            metrics = genops.metrics();
        }

        // 0.003 USD per interaction on the test tables.
        assertThat(metrics.sampledOut()).as("seed 404").isGreaterThan(2_900);
        assertThat(metrics.processed()).isEqualTo(events);
        assertThat(metrics.totalCost()).isEqualTo(Money.usdNanos(events * 3_000_000L));
        assertThat(metrics.costByAgent().get("bot-0")).isEqualTo(Money.usdNanos(events / 3 * 3_000_000L));
        assertThat(metrics.journaled()).isEqualTo(events);
        final long[] records = new long[2];
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                records[0]++;
                records[1] += record.sampled() ? 1 : 0;
            });
        }
        // Read after the session closed: its record, always sampled, follows the events.
        assertThat(records[0]).as("sampled-out events are journaled too").isEqualTo(events + 1);
        assertThat(records[1]).isEqualTo(metrics.sampledIn() + 1);
    }

    @Test
    void builder_samplingRateAfterAnAdaptivePolicy_isRefused_andSamplingReplacesEarlierRates() {
        assertThatThrownBy(() -> GenOps.builder().sampling(SamplingPolicy.adaptive().build())
            .samplingRate(EventKind.SIGNAL, 0.5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GenOps.builder().sampling(null)).hasMessage("sampling");

        try (GenOps genops = TestTables.builder().samplingRate(EventKind.INTERACTION, 0.0)
            .sampling(SamplingPolicy.keepAll()).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 100; i++) {
                session.trackInteraction("bot", Interaction.builder().model(TestTables.MODEL).build());
            }
            assertThat(genops.flush(WAIT)).isTrue();

            assertThat(genops.metrics().sampledIn()).isEqualTo(100);
            assertThat(genops.metrics().sampling().keptFixedRate()).isEqualTo(100);
            assertThat(genops.metrics().sampling().keysTracked()).as("fixed rates keep no per-key state").isZero();
        }
    }

    private static PerformanceSignal signal(final String agent, final double value) {
        return PerformanceSignal.builder().agentId(agent).value(value).build();
    }

    private static Interaction interaction(final double latencyMs) {
        return Interaction.builder().model(TestTables.MODEL).inputTokens(1000).outputTokens(500)
            .latencyNanos(Math.max(0, Math.round(latencyMs * 1e6))).build();
    }

    /** What the stage after sampling saw of one event. */
    private static final class Seen {
        final EventKind kind;
        final String conversationId;
        final String error;
        final PolicyResult result;
        final boolean sampled;

        Seen(final EventView event) {
            this.kind = event.kind();
            this.conversationId = event.conversationId();
            this.error = event.error();
            this.result = event.policyResult();
            this.sampled = event.sampled();
        }
    }

    /** A user stage that notes every event's export decision, in ring order. */
    private static final class Recorder implements PipelineStage {
        private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void onEvent(final EventView event, final boolean endOfBatch) {
            seen.add(new Seen(event));
        }

        List<Boolean> sampled() {
            final List<Boolean> decisions = new ArrayList<>();
            synchronized (seen) {
                seen.forEach(event -> decisions.add(event.sampled));
            }
            return decisions;
        }

        List<Seen> matching(final Predicate<Seen> filter) {
            final List<Seen> matches = new ArrayList<>();
            synchronized (seen) {
                seen.stream().filter(filter).forEach(matches::add);
            }
            return matches;
        }

        Map<String, List<Boolean>> byConversation() {
            final Map<String, List<Boolean>> decisions = new HashMap<>();
            for (final Seen event : matching(event -> event.conversationId != null)) {
                decisions.computeIfAbsent(event.conversationId, id -> new ArrayList<>()).add(event.sampled);
            }
            return decisions;
        }
    }
}
