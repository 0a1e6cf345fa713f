package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.money.Money;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.otlp.OtlpExporterStats;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.export.ExportRunner;
import io.genops.pipeline.export.ExporterStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipeline → journal → export runner → OTLP exporter → a real OTLP/HTTP receiver on loopback, with
 * 100,000 events: the receiver goes down for {@value #OUTAGE_SECONDS} s in the middle (the port is
 * closed) while the application records the second half of the events, comes back, and everything
 * arrives; then the runner is stopped mid-stream and a new one resumes from the saved position,
 * repeating at most one batch.
 *
 * <p>During the outage the runner retries every 50 to 400 ms, a few dozen failed sends in all. The
 * receiver decodes what arrives with the official OTLP protobuf classes. The events are charged to their
 * team's daily budget, and every one of them arrives with it, its spend growing with the sequence.
 */
class OtlpEndToEndTest {
    private static final int EVENTS = 100_000;
    /** Every 50th event is a signal, exported as a log record; the others are interactions, as spans. */
    private static final int SIGNAL_EVERY = 50;
    /** The events go through this many sessions, each of which journals its own record when it closes. */
    private static final int SESSIONS = 100;
    private static final int BATCH = 1_000;
    private static final int OUTAGE_SECONDS = 10;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The official exporters log every failed request through java.util.logging; this test fails them on purpose. */
    private static final Logger OTEL_EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    static {
        OTEL_EXPORTER_LOG.setLevel(Level.OFF);
    }

    @TempDir
    Path journal;

    @Test
    void everyEvent_survivesACollectorOutage_andARestartRepeatsAtMostOneBatch() throws Exception {
        try (OtlpCollector collector = new OtlpCollector(); GenOps genops = pipeline()) {
            produce(genops, 0, SESSIONS / 2);
            final ClosingExporter first = new ClosingExporter(exporter(collector, "first"));
            final ExportRunner firstRunner = runner(first);
            firstRunner.start();
            waitFor(() -> collector.distinct() >= 25_000, "a quarter delivered");

            collector.stop();
            final long outageStarted = System.nanoTime();
            final long atStop = collector.total();
            // The application goes on while the collector is away: the second half is recorded during the outage.
            produce(genops, SESSIONS / 2, SESSIONS);
            assertThat(genops.flush(Duration.ofSeconds(30))).isTrue();
            final long outageLeftNanos = TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS) - (System.nanoTime() - outageStarted);
            assertThat(outageLeftNanos).as("recording the second half took less than the outage").isPositive();
            TimeUnit.NANOSECONDS.sleep(outageLeftNanos);
            final ExporterStatus during = firstRunner.status();
            assertThat(during.retries()).as("sends failed and were retried while the port was closed").isPositive();
            assertThat(collector.total() - atStop).as("nothing arrives through a closed port, bar a request already "
                + "being read when it closed").isLessThanOrEqualTo(BATCH);
            collector.start();
            final long restarted = System.nanoTime();
            final long deliveredBeforeRestart = collector.distinct();
            waitFor(() -> collector.distinct() > deliveredBeforeRestart, "delivery resumed after the outage");
            final Duration resumedAfter = Duration.ofNanos(System.nanoTime() - restarted);
            waitFor(() -> collector.distinct() >= 60_000, "three fifths delivered");

            firstRunner.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
            assertThat(first.closed.await(10, TimeUnit.SECONDS)).as("the first runner let go of its exporter").isTrue();
            final long duplicatesBeforeRestart = collector.total() - collector.distinct();

            final ClosingExporter second = new ClosingExporter(exporter(collector, "second"));
            final ExportRunner secondRunner = runner(second);
            secondRunner.start();
            waitFor(() -> collector.distinct() >= EVENTS + SESSIONS && secondRunner.status().lagRecords() == 0,
                "all delivered");
            assertThat(secondRunner.stop(System.nanoTime() + WAIT_NANOS)).isTrue();

            // Session spans carry their record's sequence too: every journal record arrives exactly once or more.
            assertThat(collector.distinct()).isEqualTo(EVENTS + SESSIONS);
            assertThat(collector.unsequenced.get()).as("spans and log records without a sequence").isZero();
            assertBudgets(collector);
            assertThat(collector.spans.get()).isGreaterThanOrEqualTo(EVENTS - EVENTS / SIGNAL_EVERY + SESSIONS);
            assertThat(collector.logRecords.get()).isGreaterThanOrEqualTo(EVENTS / SIGNAL_EVERY);
            assertThat(duplicatesBeforeRestart).as("the outage repeats at most the batch in flight")
                .isLessThanOrEqualTo(BATCH);
            assertThat(collector.total() - collector.distinct() - duplicatesBeforeRestart)
                .as("a restart repeats at most the one unsettled batch").isLessThanOrEqualTo(BATCH);
            final OtlpExporterStats firstStats = first.delegate.stats();
            final OtlpExporterStats secondStats = second.delegate.stats();
            assertThat(firstStats.eventsCounted() + secondStats.eventsCounted() - EVENTS - SESSIONS)
                .as("the metrics of the two exporters overlap by at most the re-offered batch")
                .isBetween(0L, (long)BATCH);
            assertThat(firstStats.failedSends()).isPositive();
            assertThat(resumedAfter).as("the runner's backoff is at most 400 ms, a send at most 2 s")
                .isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * Every interaction and signal names the team's budget, and its spend is the sum of the costs of every
     * event up to it: each span's or log record's {@code genops.budget.consumed} is the running total of
     * {@code genops.cost.total_nanos} in sequence order.
     */
    private static void assertBudgets(final OtlpCollector collector) {
        assertThat(collector.budgetNames).containsExactly("team:support:daily");
        assertThat(collector.budgetConsumed).as("the closed sessions are charged to nothing").hasSize(EVENTS);
        long spent = 0;
        for (final Map.Entry<Long, Double> event : collector.budgetConsumed.entrySet()) {
            spent += collector.costNanos.get(event.getKey());
            assertThat(event.getValue()).as("spend after event %d", event.getKey()).isEqualTo(spent / 1e9);
        }
        assertThat(spent).as("more than the 0.001 USD platform price of each event").isGreaterThan(EVENTS * 1_000_000L);
    }

    /** Ticks as the system clock does, from noon UTC today: the daily budget's window cannot roll over mid-run. */
    private static Clock fromNoon() {
        final Instant now = Instant.now();
        return Clock.offset(Clock.systemUTC(), Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(12,
            ChronoUnit.HOURS)));
    }

    private GenOps pipeline() {
        return GenOps.builder().journal(journal).ringSize(4096).team("support")
            .dailyBudget("support", Money.usd("1000")).clock(fromNoon())
            .modelPrices(ModelPriceTable.of("test", List.of(ModelPrice.of("m", "acme", TokenRates.of(1_000, 2_000)))))
            .build();
    }

    /** Records the events of sessions {@code from} (inclusive) to {@code to}, closing each session. */
    private static void produce(final GenOps genops, final int from, final int to) {
        final Interaction interaction = Interaction.builder().model("m").provider("acme").inputTokens(120)
            .outputTokens(30).latency(Duration.ofMillis(420)).build();
        final PerformanceSignal signal = PerformanceSignal.builder().agentId("bot").value(0.93).build();
        for (int s = from; s < to; s++) {
            try (MonitoringSession session = genops.openSession("chat-" + s)) {
                for (int i = 0; i < EVENTS / SESSIONS; i++) {
                    final boolean isSignal = (s * (EVENTS / SESSIONS) + i) % SIGNAL_EVERY == SIGNAL_EVERY - 1;
                    final boolean tracked = isSignal ? session.trackSignal("answer_quality", signal)
                        : session.trackInteraction("bot", interaction);
                    assertThat(tracked).isTrue();
                }
            }
        }
    }

    private static OtlpExporter exporter(final OtlpCollector collector, final String instance) {
        return OtlpExporter.builder().endpoint(collector.endpoint()).timeout(Duration.ofSeconds(2))
            .serviceName("e2e").resourceAttribute("service.instance.id", instance).build();
    }

    private ExportRunner runner(final Exporter exporter) {
        return new ExportRunner(exporter, journal, BATCH, TimeUnit.MILLISECONDS.toNanos(20), 0,
            TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400));
    }

    private static void waitFor(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Passes everything to the OTLP exporter and tells when the runner has closed it. */
    private static final class ClosingExporter implements Exporter {
        final OtlpExporter delegate;
        final CountDownLatch closed = new CountDownLatch(1);

        ClosingExporter(final OtlpExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean sampledOnly() {
            return delegate.sampledOnly();
        }

        @Override
        public void add(final EventView event) {
            delegate.add(event);
        }

        @Override
        public ExportResult send() {
            return delegate.send();
        }

        @Override
        public void discard() {
            delegate.discard();
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                closed.countDown();
            }
        }
    }
}
