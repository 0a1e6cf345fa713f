package io.genops.cli.demo;

import static io.genops.cli.support.Text.duration;

import io.genops.cli.support.Table;
import io.genops.core.money.Money;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.GroupMetrics;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.SamplingMetrics;
import io.genops.pipeline.export.ExporterStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The demo's report for a person: a few short tables. Money is printed exactly, to the nanodollar
 * the pipeline accounts in, so the team totals visibly add up to the total.
 */
final class ReportTable {
    private static final int TOP_AGENTS = 10;
    private static final String ROW = "  %-30s %18s%n";

    private final PrintWriter out;

    ReportTable(final PrintWriter out) {
        this.out = out;
    }

    void print(final DemoReport report) {
        final DemoPlan plan = report.plan();
        out.printf(Locale.ROOT, "%nGenOps demo: %d agents, %d producer threads, %s budgets, %s backpressure, %s "
            + "sampling%n%n", plan.agents(), plan.threads(), lower(plan.policy()), lower(plan.backpressure()),
            lower(plan.sampling()));
        calls(report);
        latency(report.latency());
        costs(report);
        budgets(report);
        sampling(report);
        groups(report);
        pipeline(report);
        exporters(report);
        journal(report);
        out.flush();
    }

    private void calls(final DemoReport report) {
        final CallCounts calls = report.calls();
        out.println("Calls");
        row("events", count(calls.calls()));
        row("  interactions", count(calls.interactions));
        row("  signals", count(calls.signals));
        row("accepted", count(calls.accepted));
        row("rejected by budget", count(calls.rejected));
        if (calls.refusedUnpriced > 0) {
            row("refused: model without a price", count(calls.refusedUnpriced));
        }
        row("dropped (ring full)", count(calls.dropped));
        row("seconds", String.format(Locale.ROOT, "%.3f", report.seconds()));
        row("events/s", count(Math.round(report.eventsPerSecond())));
        row("rate asked, events/s", report.plan().rate() == 0 ? "unlimited" : count(report.plan().rate()));
        row("drained after the last call", duration(Math.round(report.drainSeconds() * 1e9)));
        row("conversations", count(calls.conversations));
        row("  signals they recorded", count(calls.conversationSignals));
        row("  waiting in their close()", duration(calls.conversationCloseNanos));
        out.println();
    }

    private void latency(final Histogram latency) {
        out.printf(Locale.ROOT, "Caller-side time of trackInteraction, %s calls%n", count(latency.getTotalCount()));
        row("p50", duration(latency.getValueAtPercentile(50)));
        row("p99", duration(latency.getValueAtPercentile(99)));
        row("p99.9", duration(latency.getValueAtPercentile(99.9)));
        row("max", duration(latency.getMaxValue()));
        row("mean", duration(Math.round(latency.getMean())));
        out.println();
    }

    private void costs(final DemoReport report) {
        final PipelineMetrics metrics = report.metrics();
        out.println("Cost by team, USD");
        metrics.costByTeam().forEach((team, cost) -> row(team, money(cost)));
        row("total", money(metrics.totalCost()));
        out.println();
        out.printf(Locale.ROOT, "Top %d agents by cost, USD%n", TOP_AGENTS);
        for (final Map.Entry<String, Money> agent : report.topAgents(TOP_AGENTS)) {
            row(agent.getKey(), money(agent.getValue()));
        }
        out.println();
    }

    /** Every budget by scope, key and window; nothing when none is set, as under some presets. */
    private void budgets(final DemoReport report) {
        if (report.budgets().isEmpty()) {
            return;
        }
        out.println("Budgets, USD");
        final Table table = new Table("scope", "key", "window", "allocated", "consumed", "remaining", "utilization")
            .leftAligned(3);
        for (final BudgetStatus budget : report.budgets()) {
            table.row(DemoReport.scopeOf(budget), DemoReport.keyOf(budget), budget.window(), money(budget.allocated()),
                money(budget.consumed()), money(budget.remaining()), budget.utilizationPercent() + " %");
        }
        table.print(out);
        out.println();
    }

    private void pipeline(final DemoReport report) {
        final PipelineMetrics metrics = report.metrics();
        out.println("Alerts and pipeline");
        row("alert rules created", count(report.alertRules()));
        row("alerts fired", count(metrics.alertsFired()));
        row("  each to the channels", String.join(", ", report.alertChannels()));
        row("  deliveries succeeded", count(metrics.alertsDelivered()));
        row("  deliveries failed", count(metrics.alertsFailed()));
        if (metrics.alertsUnroutable() > 0) {
            row("  deliveries to no such channel", count(metrics.alertsUnroutable()));
        }
        row("  lost, delivery queue full", count(metrics.alertsDropped()));
        row("repeats held by cooldown", count(metrics.alertsSuppressed()));
        final DeliveryStats webhook = report.webhook();
        if (webhook != null) {
            row("webhook batches delivered", count(webhook.successes()));
            row("  failed", count(webhook.failures()));
            row("  retries", count(webhook.retries()));
        }
        row("unpriced interactions", count(metrics.unpricedEvents()));
        row("events processed", count(metrics.processed()));
        row("events journaled", count(metrics.journaled()));
        row("failed events", count(metrics.failedEvents()));
        row("shut down cleanly", report.cleanShutdown() ? "yes" : "NO");
        out.println();
    }

    private void sampling(final DemoReport report) {
        final PipelineMetrics metrics = report.metrics();
        final SamplingMetrics sampling = metrics.sampling();
        if (report.plan().sampling() == SamplingMode.ADAPTIVE) {
            out.println("Sampling for export, adaptive per event kind or signal name and agent");
            row("keys tracked", count(sampling.keysTracked()));
            row("keys evicted (LRU)", count(sampling.keysEvicted()));
            row("kept: a key's first events", count(sampling.keptFirstEvents()));
            row("kept: trending worse", count(sampling.keptTrendingWorse()));
            row("kept: high variance", count(sampling.keptHighVariance()));
            row("kept: stable", count(sampling.keptStable()));
        } else {
            out.printf(Locale.ROOT, "Sampling for export, a fixed %s of interactions and signals%n",
                report.plan().sampleRate());
            row("kept at the fixed rate", count(sampling.keptFixedRate()));
        }
        row("kept: alerts, errors, refusals", count(sampling.keptMustKeep()));
        row("sampled in (exported)", count(metrics.sampledIn()));
        row("sampled out (still counted)", count(metrics.sampledOut()));
        out.println();
    }

    /** Only when agent groups were declared: the default group alone has nothing to tell apart. */
    private void groups(final DemoReport report) {
        final Map<String, GroupMetrics> groups = report.metrics().groups();
        if (groups.size() < 2) {
            return;
        }
        out.println("Agent groups");
        final Table table = new Table("group", "events", "exported", "refused", "cost, USD");
        groups.forEach((name, group) -> table.row(name, count(group.events()), count(group.exported()),
            count(group.refused()), money(group.cost())));
        table.print(out);
        out.println();
    }

    private void exporters(final DemoReport report) {
        if (report.exporters().isEmpty()) {
            return;
        }
        out.println("Exporters, when the report was taken");
        final Table table = new Table("exporter", "exported", "batches", "retries", "failed batches",
            "failed events", "damaged", "lag, records", "lag");
        for (final ExporterStatus status : report.exporters()) {
            table.row(status.name(), count(status.exported()), count(status.batches()), count(status.retries()),
                count(status.failedBatches()), count(status.failedEvents()), count(status.damagedRecords()),
                count(status.lagRecords()), lag(status));
        }
        table.print(out);
        if (report.prometheusUrl() != null) {
            out.printf(Locale.ROOT, "  Prometheus served %s during the run%n", report.prometheusUrl());
        }
        out.println();
    }

    /**
     * How far behind the exporter is in time; unknown ({@code -}) before it settled its first batch, as
     * the runner's lag then counts from no record at all.
     */
    private static String lag(final ExporterStatus status) {
        if (status.lagRecords() == 0) {
            return "caught up";
        }
        return status.position() < 0 ? "-" : duration(status.lagMillis() * 1_000_000L);
    }

    private void journal(final DemoReport report) {
        final JournalChoice journal = report.plan().journal();
        out.println("Audit journal");
        out.printf(Locale.ROOT, "  %-30s %s%n", "directory", journal.describe());
        if (!journal.enabled()) {
            return;
        }
        row("records written", count(report.metrics().journaled()));
        out.printf(Locale.ROOT, "  replay it:   ./genops replay --journal %s%n", journal.directory());
        out.printf(Locale.ROOT, "  check it:    ./genops verify --journal %s%n", journal.directory());
    }

    private void row(final String label, final String value) {
        out.printf(Locale.ROOT, ROW, label, value);
    }

    private static String count(final long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String money(final Money amount) {
        return Money.format(amount.nanos());
    }

    private static String lower(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
