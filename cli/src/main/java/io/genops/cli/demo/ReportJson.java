package io.genops.cli.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.money.Money;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.GroupMetrics;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.SamplingMetrics;
import io.genops.pipeline.export.ExporterStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The demo's report as one JSON object on one line, for programs. Amounts of money are decimal
 * strings with every digit the pipeline keeps (up to nine decimals), since a JSON number would be
 * read as a binary double by most consumers and lose the exactness; the cost per team then adds up
 * to the total exactly.
 */
final class ReportJson {
    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;

    ReportJson(final PrintWriter out) {
        this.out = out;
    }

    void print(final DemoReport report) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            run(json, report);
            latency(json, report.latency());
            costs(json, report.metrics());
            budgets(json, report);
            alertsAndPipeline(json, report);
            sampling(json, report);
            groups(json, report.metrics());
            destinations(json, report);
            journal(json, report);
            json.writeEndObject();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
        out.println();
        out.flush();
    }

    private static void run(final JsonGenerator json, final DemoReport report) throws IOException {
        final DemoPlan plan = report.plan();
        final CallCounts calls = report.calls();
        json.writeNumberField("events", calls.calls());
        json.writeNumberField("interactions", calls.interactions);
        json.writeNumberField("signals", calls.signals);
        json.writeNumberField("accepted", calls.accepted);
        json.writeNumberField("rejected", calls.rejected);
        json.writeNumberField("refused_unpriced", calls.refusedUnpriced);
        json.writeNumberField("dropped", calls.dropped);
        json.writeNumberField("conversations", calls.conversations);
        json.writeNumberField("conversation_signals", calls.conversationSignals);
        json.writeNumberField("conversation_close_seconds", calls.conversationCloseNanos / 1e9);
        json.writeNumberField("seconds", report.seconds());
        json.writeNumberField("events_per_second", report.eventsPerSecond());
        json.writeNumberField("drain_seconds", report.drainSeconds());
        json.writeNumberField("agents", plan.agents());
        json.writeNumberField("threads", plan.threads());
        json.writeNumberField("rate", plan.rate());
        json.writeStringField("policy", plan.policy().name().toLowerCase(Locale.ROOT));
        json.writeStringField("backpressure", plan.backpressure().name().toLowerCase(Locale.ROOT));
        json.writeStringField("budget", plan.budget().toString());
    }

    private static void latency(final JsonGenerator json, final Histogram latency) throws IOException {
        json.writeObjectFieldStart("caller_latency_ns");
        json.writeNumberField("count", latency.getTotalCount());
        json.writeNumberField("p50", latency.getValueAtPercentile(50));
        json.writeNumberField("p99", latency.getValueAtPercentile(99));
        json.writeNumberField("p999", latency.getValueAtPercentile(99.9));
        json.writeNumberField("max", latency.getMaxValue());
        json.writeNumberField("mean", Math.round(latency.getMean()));
        json.writeEndObject();
    }

    private static void costs(final JsonGenerator json, final PipelineMetrics metrics) throws IOException {
        json.writeStringField("total_cost_usd", usd(metrics.totalCost()));
        amounts(json, "cost_by_team", metrics.costByTeam());
        amounts(json, "cost_by_agent", metrics.costByAgent());
        amounts(json, "cost_by_model", metrics.costByModel());
    }

    private static void amounts(final JsonGenerator json, final String field, final Map<String, Money> amounts)
        throws IOException {
        json.writeObjectFieldStart(field);
        for (final Map.Entry<String, Money> amount : amounts.entrySet()) {
            json.writeStringField(amount.getKey(), usd(amount.getValue()));
        }
        json.writeEndObject();
    }

    /** One object per budget and window: a scope such as team holds several keys, a key several windows. */
    private static void budgets(final JsonGenerator json, final DemoReport report) throws IOException {
        json.writeArrayFieldStart("budgets");
        for (final BudgetStatus budget : report.budgets()) {
            json.writeStartObject();
            json.writeStringField("scope", DemoReport.scopeOf(budget));
            json.writeStringField("key", DemoReport.keyOf(budget));
            json.writeStringField("window", budget.window());
            json.writeStringField("start", budget.start().toString());
            json.writeStringField("allocated_usd", usd(budget.allocated()));
            json.writeStringField("consumed_usd", usd(budget.consumed()));
            json.writeStringField("remaining_usd", usd(budget.remaining()));
            json.writeStringField("utilization_percent", budget.utilizationPercent().toPlainString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void alertsAndPipeline(final JsonGenerator json, final DemoReport report) throws IOException {
        final PipelineMetrics metrics = report.metrics();
        json.writeNumberField("alert_rules", report.alertRules());
        json.writeNumberField("alerts_fired", metrics.alertsFired());
        json.writeArrayFieldStart("alert_channels");
        for (final String channel : report.alertChannels()) {
            json.writeString(channel);
        }
        json.writeEndArray();
        json.writeNumberField("alerts_delivered", metrics.alertsDelivered());
        json.writeNumberField("alerts_suppressed", metrics.alertsSuppressed());
        json.writeNumberField("alerts_failed", metrics.alertsFailed());
        json.writeNumberField("alerts_dropped", metrics.alertsDropped());
        json.writeNumberField("sampled_in", metrics.sampledIn());
        json.writeNumberField("sampled_out", metrics.sampledOut());
        json.writeNumberField("unpriced", metrics.unpricedEvents());
        json.writeObjectFieldStart("pipeline");
        json.writeNumberField("accepted", metrics.accepted());
        json.writeNumberField("processed", metrics.processed());
        json.writeNumberField("dropped", metrics.dropped());
        json.writeNumberField("rejected_budget", metrics.rejectedBudget());
        json.writeNumberField("rejected_invalid", metrics.rejectedInvalid());
        json.writeNumberField("failed_events", metrics.failedEvents());
        json.writeNumberField("journaled", metrics.journaled());
        json.writeBooleanField("clean_shutdown", report.cleanShutdown());
        json.writeEndObject();
    }

    private static void sampling(final JsonGenerator json, final DemoReport report) throws IOException {
        final SamplingMetrics sampling = report.metrics().sampling();
        json.writeObjectFieldStart("sampling");
        json.writeStringField("mode", report.plan().sampling().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("keys_tracked", sampling.keysTracked());
        json.writeNumberField("keys_evicted", sampling.keysEvicted());
        json.writeNumberField("kept_first_events", sampling.keptFirstEvents());
        json.writeNumberField("kept_trending_worse", sampling.keptTrendingWorse());
        json.writeNumberField("kept_high_variance", sampling.keptHighVariance());
        json.writeNumberField("kept_stable", sampling.keptStable());
        json.writeNumberField("kept_must_keep", sampling.keptMustKeep());
        json.writeNumberField("kept_head", sampling.keptHead());
        json.writeNumberField("kept_fixed_rate", sampling.keptFixedRate());
        json.writeEndObject();
    }

    /** Every agent group, declared ones in order and the default last. */
    private static void groups(final JsonGenerator json, final PipelineMetrics metrics) throws IOException {
        json.writeObjectFieldStart("groups");
        for (final Map.Entry<String, GroupMetrics> group : metrics.groups().entrySet()) {
            json.writeObjectFieldStart(group.getKey());
            json.writeNumberField("events", group.getValue().events());
            json.writeNumberField("exported", group.getValue().exported());
            json.writeNumberField("refused", group.getValue().refused());
            json.writeStringField("cost_usd", usd(group.getValue().cost()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void destinations(final JsonGenerator json, final DemoReport report) throws IOException {
        json.writeArrayFieldStart("exporters");
        for (final ExporterStatus status : report.exporters()) {
            json.writeStartObject();
            json.writeStringField("name", status.name());
            json.writeNumberField("exported", status.exported());
            json.writeNumberField("batches", status.batches());
            json.writeNumberField("retries", status.retries());
            json.writeNumberField("failed_batches", status.failedBatches());
            json.writeNumberField("failed_events", status.failedEvents());
            json.writeNumberField("damaged_records", status.damagedRecords());
            json.writeNumberField("restarts", status.restarts());
            json.writeNumberField("lag_records", status.lagRecords());
            if (status.lagRecords() == 0) {
                json.writeNumberField("lag_seconds", 0);
            } else if (status.position() >= 0) {
                json.writeNumberField("lag_seconds", status.lagMillis() / 1e3);
            } else {
                json.writeNullField("lag_seconds");
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (report.prometheusUrl() != null) {
            json.writeStringField("prometheus_url", report.prometheusUrl());
        }
        final DeliveryStats webhook = report.webhook();
        if (webhook != null) {
            json.writeObjectFieldStart("webhook");
            json.writeNumberField("attempts", webhook.attempts());
            json.writeNumberField("retries", webhook.retries());
            json.writeNumberField("batches_delivered", webhook.successes());
            json.writeNumberField("batches_failed", webhook.failures());
            json.writeEndObject();
        }
    }

    private static void journal(final JsonGenerator json, final DemoReport report) throws IOException {
        final JournalChoice journal = report.plan().journal();
        if (!journal.enabled()) {
            json.writeNullField("journal");
            return;
        }
        json.writeObjectFieldStart("journal");
        json.writeStringField("directory", journal.directory().toString());
        json.writeBooleanField("fresh", journal.fresh());
        json.writeNumberField("records", report.metrics().journaled());
        json.writeEndObject();
    }

    private static String usd(final Money amount) {
        return Money.format(amount.nanos());
    }
}
