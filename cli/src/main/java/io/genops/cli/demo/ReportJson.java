package io.genops.cli.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.money.Money;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.PipelineMetrics;
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
        json.writeNumberField("dropped", calls.dropped);
        json.writeNumberField("conversations", calls.conversations);
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

    private static void budgets(final JsonGenerator json, final DemoReport report) throws IOException {
        json.writeObjectFieldStart("budgets");
        for (final BudgetStatus budget : report.budgets()) {
            json.writeObjectFieldStart(DemoReport.teamOf(budget));
            json.writeStringField("window", budget.window());
            json.writeStringField("allocated_usd", usd(budget.allocated()));
            json.writeStringField("consumed_usd", usd(budget.consumed()));
            json.writeStringField("remaining_usd", usd(budget.remaining()));
            json.writeStringField("utilization_percent", budget.utilizationPercent().toPlainString());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void alertsAndPipeline(final JsonGenerator json, final DemoReport report) throws IOException {
        final PipelineMetrics metrics = report.metrics();
        json.writeNumberField("alert_rules", report.alertRules());
        json.writeNumberField("alerts_fired", metrics.alertsFired());
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
        json.writeNumberField("conversation_signals", report.conversationSignals());
        json.writeNumberField("dropped", metrics.dropped());
        json.writeNumberField("rejected_budget", metrics.rejectedBudget());
        json.writeNumberField("rejected_invalid", metrics.rejectedInvalid());
        json.writeNumberField("failed_events", metrics.failedEvents());
        json.writeNumberField("journaled", metrics.journaled());
        json.writeStringField("journal", report.plan().journal().describe());
        json.writeBooleanField("clean_shutdown", report.cleanShutdown());
        json.writeEndObject();
    }

    private static String usd(final Money amount) {
        return Money.format(amount.nanos());
    }
}
