package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.Interaction;
import io.genops.core.export.Exporter;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.raindrop.RaindropExporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.ShutdownReport;
import io.genops.pipeline.export.ExporterStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GenOps.close(timeout)} keeps its deadline when a receiver never answers: the export runner gives
 * up the send under way, closes its exporter with what is left of the deadline (the OTLP exporter's
 * final metric export included, whose own timeout is 10 s), and its thread is gone when close returns.
 */
class ShutdownDeadlineTest {
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(500);
    /** Beyond the timeout: the runner's grace for an interrupted send, and a busy machine's scheduling. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** The official exporters log every failed request through java.util.logging; this test fails them. */
    private static final Logger OTEL_EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    static {
        OTEL_EXPORTER_LOG.setLevel(Level.OFF);
    }

    @TempDir
    Path journal;

    @ParameterizedTest
    @ValueSource(strings = {"otlp", "raindrop"})
    void close_withAReceiverThatNeverAnswers_returnsByItsTimeout_andTheRunnerThreadIsGone(final String kind)
        throws Exception {
        try (SilentReceiver receiver = new SilentReceiver()) {
            // Each with its default timeout, 10 s: the deadline, not the timeout, must end the shutdown.
            final Function<URI, Exporter> exporters = kind.equals("otlp")
                ? uri -> OtlpExporter.builder().endpoint(uri).build()
                : uri -> RaindropExporter.builder().baseUrl(URI.create(uri + "/v1")).writeKey("rdk_test").build();
            final Exporter exporter = exporters.apply(receiver.uri());
            final GenOps genops = GenOps.builder().journal(journal).team("support").exporter(exporter)
                .exportBatchAge(Duration.ofMillis(20)).build();
            try (MonitoringSession session = genops.openSession("chat")) {
                for (int i = 0; i < 20; i++) {
                    assertThat(session.trackInteraction("bot", Interaction.builder().model("gpt-4o").inputTokens(100)
                        .outputTokens(20).build())).isTrue();
                }
            }
            receiver.awaitConnection();

            final long started = System.nanoTime();
            final ShutdownReport report = genops.close(CLOSE_TIMEOUT);
            final long tookNanos = System.nanoTime() - started;

            assertThat(tookNanos).as("close returns by its timeout and a small margin")
                .isLessThan(CLOSE_TIMEOUT.toNanos() + MARGIN_NANOS);
            assertThat(report.exportersCaughtUp()).isFalse();
            final long ended = System.nanoTime() + MARGIN_NANOS;
            while (runner(genops).running()) {
                assertThat(System.nanoTime()).as("the export runner's thread ends soon after close")
                    .isLessThan(ended);
                Thread.sleep(5);
            }
            assertThat(runner(genops).lagRecords()).as("what was not delivered stays in the journal").isPositive();
            if (exporter instanceof OtlpExporter) {
                assertThat(((OtlpExporter)exporter).stats().failedMetricExports())
                    .as("the metric export left unanswered is counted").isPositive();
            }
        }
    }

    private static ExporterStatus runner(final GenOps genops) {
        return genops.exporterStatuses().get(0);
    }

    /** Accepts connections on 127.0.0.1 and never reads or answers them. */
    private static final class SilentReceiver implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentReceiver() throws IOException {
            final Thread acceptor = new Thread(this::accept, "silent-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        /** Waits until an exporter has connected: its request is under way. */
        void awaitConnection() throws InterruptedException {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (accepted.isEmpty()) {
                assertThat(System.nanoTime()).as("a request reaches the receiver").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (final IOException e) {
                    // Closed: the loop ends.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (final Socket client : accepted) {
                client.close();
            }
        }
    }
}
