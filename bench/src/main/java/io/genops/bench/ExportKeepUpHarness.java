package io.genops.bench;

import com.sun.net.httpserver.HttpServer;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.export.ExporterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether OTLP export keeps up with ingestion: one producer records interactions as fast as it can,
 * or at a given rate in bursts of 256 with a pause between them, into a journaled pipeline (10 % of
 * interactions sampled for export, or the share given) whose OTLP exporter sends to a receiver on
 * loopback that reads each request and answers 200. Every half second it prints the ingestion rate
 * and the exporter's lag, then the rates and the change of lag over the second half of the run (the
 * first half warms up); then it stops producing, times how long the exporter takes to catch up, and
 * prints the CPU time each group of threads spent per exported event.
 *
 * <pre>
 * java @bench/target/genops-jvm.options -cp bench/target/benchmarks.jar \
 *     io.genops.bench.ExportKeepUpHarness [seconds] [events per second, 0 = as fast as possible]
 *     [export batch size, default 16384] [gzip, default true] [share of interactions sampled, default 0.1]
 * </pre>
 */
public final class ExportKeepUpHarness {
    private static final long REPORT_NANOS = 500_000_000L;
    private static final long CATCH_UP_NANOS = 60_000_000_000L;
    /** A paced producer records bursts of 256 events on schedule and parks between them. */
    private static final long PACE_MASK = 255;
    private static final long MOST_BEHIND_NANOS = 10_000_000L;

    private ExportKeepUpHarness() {
    }

    public static void main(final String[] args) throws IOException {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final long rate = args.length > 1 ? Long.parseLong(args[1]) : 0;
        final int batch = args.length > 2 ? Integer.parseInt(args[2]) : 16_384;
        final boolean gzip = args.length <= 3 || Boolean.parseBoolean(args[3]);
        final double sampling = args.length > 4 ? Double.parseDouble(args[4]) : 0.1;
        final AtomicLong requests = new AtomicLong();
        final HttpServer receiver = receiver(requests);
        try (TempJournal journal = new TempJournal()) {
            final OtlpExporter otlp = OtlpExporter.builder()
                .endpoint(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort())).gzip(gzip).build();
            final GenOps genops = GenOps.builder().team("support").journal(journal.directory()).exporter(otlp)
                .samplingRate(EventKind.INTERACTION, sampling).exportBatchSize(batch)
                .exportBatchAge(Duration.ofMillis(200)).build();
            System.out.printf("%s, export batches of %d events or 200 ms, %.3g %% of interactions sampled%n", otlp,
                batch, sampling * 100);
            produce(genops, seconds, rate, batch);
            final long caughtUpNanos = catchUp(genops);
            final ExporterStatus status = genops.exporterStatuses().get(0);
            System.out.printf("stopped producing; %s after %.2f s; %d events exported, %d requests received%n",
                status.lagRecords() == 0 ? "the exporter caught up" : "the exporter was still " + status.lagRecords()
                    + " records behind", caughtUpNanos / 1e9, status.exported(), requests.get());
            System.out.printf("runner: %d retries, %d failed batches; exporter: %d failed sends of %d%n",
                status.retries(), status.failedBatches(), otlp.stats().failedSends(), otlp.stats().sends());
            printCpu(status.exported());
            genops.close(Duration.ofSeconds(30));
        } finally {
            receiver.stop(0);
        }
    }

    private static void produce(final GenOps genops, final int seconds, final long rate, final int batch) {
        final long intervalNanos = rate > 0 ? 1_000_000_000L / rate : 0;
        final Interaction[] interactions = Fixtures.interactions();
        final String[] agents = Fixtures.agents();
        System.out.println("   t(s)   events/s  exported  lag(records)  lag(ms)");
        try (MonitoringSession session = genops.openSession("export-keep-up")) {
            final long start = System.nanoTime();
            long nextReport = start + REPORT_NANOS;
            long reported = 0;
            final long halfway = start + seconds * 500_000_000L;
            ExporterStatus atHalf = null;
            long producedAtHalf = 0;
            long due = start;
            long i = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                if (atHalf == null && (i & 1023) == 0 && System.nanoTime() - halfway >= 0) {
                    atHalf = genops.exporterStatuses().get(0);
                    producedAtHalf = i;
                }
                if (intervalNanos > 0 && (i & PACE_MASK) == 0) {
                    due = pace(due + (PACE_MASK + 1) * intervalNanos);
                }
                session.trackInteraction(agents[(int)(i % agents.length)], interactions[(int)(i & Fixtures.MASK)]);
                i++;
                if ((i & 1023) == 0 && System.nanoTime() - nextReport >= 0) {
                    report(genops, (System.nanoTime() - start) / 1e9, (i - reported) / (REPORT_NANOS / 1e9));
                    reported = i;
                    nextReport += REPORT_NANOS;
                }
            }
            final ExporterStatus atEnd = genops.exporterStatuses().get(0);
            final double halfSeconds = seconds / 2.0;
            final double ingested = (i - producedAtHalf) / halfSeconds;
            System.out.printf("second half (%.1f s after warm-up): ingested %.0f events/s, exported %.0f events/s, "
                + "lag %d -> %d records%n", halfSeconds, ingested,
                (atEnd.exported() - atHalf.exported()) / halfSeconds, atHalf.lagRecords(), atEnd.lagRecords());
            System.out.println(verdict(rate, ingested, atHalf.lagRecords(), atEnd.lagRecords(), batch));
        }
    }

    /**
     * Keeping up means the lag over the second half grew by less than one export batch, the most a runner
     * holds unsettled between two looks; a rate asked for and not reached is said, since then the producer,
     * not the exporter, set the pace.
     */
    static String verdict(final long rate, final double ingested, final long lagAtHalf, final long lagAtEnd,
        final int batch) {
        final long growth = lagAtEnd - lagAtHalf;
        final String export = growth < batch
            ? "KEEPS UP: the lag grew by " + growth + " records, less than one batch of " + batch
            : "FALLS BEHIND: the lag grew by " + growth + " records, at least one batch of " + batch;
        final String pace = rate > 0 && ingested < rate * 0.98
            ? String.format("; ingestion reached %.1f %% of the %d events/s asked", ingested * 100 / rate, rate)
            : "";
        return "verdict: " + export + pace;
    }

    /**
     * CPU time per exported event of each group of threads, since they started: a figure that depends
     * less than the rates on what else the machine is running.
     */
    private static void printCpu(final long events) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<String, Long> cpuNanos = new TreeMap<>();
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            final long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                cpuNanos.merge(threadGroup(info.getThreadName()), cpu, Long::sum);
            }
        }
        System.out.println("CPU time per exported event, by thread group:");
        cpuNanos.forEach((group, cpu) -> System.out.printf("  %-32s %7.0f ns%n", group, (double)cpu / events));
    }

    private static String threadGroup(final String name) {
        if (name.startsWith("genops-export")) {
            return "export runner (" + name + ")";
        }
        if (name.startsWith("genops-stage")) {
            return "pipeline stages";
        }
        if (name.startsWith("genops-otlp-sender") || name.startsWith("jdkhttp") || name.startsWith("HttpClient")) {
            return "OTLP HTTP client";
        }
        if (name.startsWith("HTTP-Dispatcher")) {
            return "loopback receiver";
        }
        return name.equals("main") ? "producer (main)" : "other";
    }

    /**
     * Parks until {@code dueNanos}, so a paced producer leaves the cores to the pipeline between bursts,
     * and returns when the next burst is due. A producer more than {@value #MOST_BEHIND_NANOS} ns behind
     * its schedule forgets the debt rather than catching up above the rate.
     */
    private static long pace(final long dueNanos) {
        final long now = System.nanoTime();
        if (now - dueNanos > MOST_BEHIND_NANOS) {
            return now;
        }
        for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return dueNanos;
    }

    private static void report(final GenOps genops, final double elapsed, final double rate) {
        final ExporterStatus status = genops.exporterStatuses().get(0);
        System.out.printf("%7.1f %10.0f %9d %13d %8d%n", elapsed, rate, status.exported(), status.lagRecords(),
            status.lagMillis());
    }

    private static long catchUp(final GenOps genops) {
        genops.flush(Duration.ofSeconds(30));
        final long start = System.nanoTime();
        while (genops.exporterStatuses().get(0).lagRecords() > 0 && System.nanoTime() - start < CATCH_UP_NANOS) {
            try {
                Thread.sleep(10);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return System.nanoTime() - start;
    }

    /** Reads every request to the end and answers 200 with an empty body, as a collector that accepts all. */
    private static HttpServer receiver(final AtomicLong requests) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStreamSink.INSTANCE);
            }
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Discards what is written to it. */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(final int b) {
        }

        @Override
        public void write(final byte[] b, final int off, final int len) {
        }
    }
}
