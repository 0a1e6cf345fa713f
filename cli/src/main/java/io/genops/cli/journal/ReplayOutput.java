package io.genops.cli.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.cli.support.Csv;
import io.genops.cli.support.Json;
import io.genops.cli.support.OutputFormat;
import io.genops.cli.support.Table;
import io.genops.cli.support.Text;
import io.genops.core.policy.PolicyResult;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.AuditReport.Line;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints an {@link AuditReport} as a table, CSV rows or one JSON object. */
final class ReplayOutput {
    private final PrintWriter out;
    private final List<Path> journals;
    private final String modelPrices;
    private final String platformPrices;
    private final Dimension by;

    ReplayOutput(final PrintWriter out, final List<Path> journals, final String modelPrices,
        final String platformPrices, final Dimension by) {
        this.out = out;
        this.journals = journals;
        this.modelPrices = modelPrices;
        this.platformPrices = platformPrices;
        this.by = by;
    }

    void print(final AuditReport report, final OutputFormat format) {
        switch (format) {
            case CSV:
                csv(report);
                break;
            case JSON:
                Json.object(out, json -> json(json, report));
                break;
            default:
                table(report);
                break;
        }
        out.flush();
    }

    private String dimension() {
        return by.name().toLowerCase(Locale.ROOT);
    }

    private void table(final AuditReport report) {
        out.printf(Locale.ROOT, "Replay of %s%n", journals.size() == 1 ? journals.get(0) : journals.size()
            + " journals: " + journals);
        out.printf(Locale.ROOT, "  model prices %s, platform prices %s%n", modelPrices, platformPrices);
        out.printf(Locale.ROOT, "  %s records matched, from %s to %s%n%n", Text.count(report.records()),
            Text.time(report.firstMillis()), Text.time(report.lastMillis()));

        out.printf(Locale.ROOT, "By %s, USD%n", dimension());
        final Table table = new Table(dimension(), "records", "recorded", "recomputed", "difference");
        for (final Map.Entry<String, Line> row : report.by(by).entrySet()) {
            final Line line = row.getValue();
            table.row(row.getKey(), Text.count(line.records()), Text.usd(line.recorded()),
                Text.usd(line.recomputed()), Text.usd(line.difference()));
        }
        table.row("total", Text.count(report.records()), Text.usd(report.recordedTotal()),
            Text.usd(report.recomputedTotal()), Text.usd(report.difference()));
        table.print(out);
        out.println();

        out.println("By policy result");
        final Table policies = new Table("result", "records");
        for (final PolicyResult result : PolicyResult.values()) {
            policies.row(result.name(), Text.count(report.policyCounts().getOrDefault(result, 0L)));
        }
        policies.print(out);
        out.println();
        out.printf(Locale.ROOT, "Damaged or out-of-chain records: %s%n", Text.count(report.damaged()));
        if (report.unreachable() > 0) {
            out.printf(Locale.ROOT, "Records the index lists that cannot be reached (in no total): %s%n",
                Text.count(report.unreachable()));
        }
        if (report.missingPriceRecords() > 0) {
            out.printf(Locale.ROOT, "Records of models these prices lack (recomputed at zero model cost): %s%n",
                Text.count(report.missingPriceRecords()));
        }
        if (report.unpriceable() > 0) {
            out.printf(Locale.ROOT, "Records these prices cannot price (left out of the totals): %s%n",
                Text.count(report.unpriceable()));
        }
    }

    private void csv(final AuditReport report) {
        Csv.row(out, dimension(), "records", "recorded_usd", "recomputed_usd", "difference_usd");
        for (final Map.Entry<String, Line> row : report.by(by).entrySet()) {
            final Line line = row.getValue();
            Csv.row(out, row.getKey(), Long.toString(line.records()), Text.usd(line.recorded()),
                Text.usd(line.recomputed()), Text.usd(line.difference()));
        }
    }

    private void json(final JsonGenerator json, final AuditReport report) throws IOException {
        json.writeArrayFieldStart("journals");
        for (final Path journal : journals) {
            json.writeString(journal.toString());
        }
        json.writeEndArray();
        json.writeStringField("model_prices", modelPrices);
        json.writeStringField("platform_prices", platformPrices);
        json.writeNumberField("records", report.records());
        json.writeNumberField("sessions", report.sessions());
        json.writeStringField("first", Text.time(report.firstMillis()));
        json.writeStringField("last", Text.time(report.lastMillis()));
        json.writeStringField("recorded_usd", Text.usd(report.recordedTotal()));
        json.writeStringField("recomputed_usd", Text.usd(report.recomputedTotal()));
        json.writeStringField("difference_usd", Text.usd(report.difference()));
        json.writeStringField("by", dimension());
        json.writeArrayFieldStart("rows");
        for (final Map.Entry<String, Line> row : report.by(by).entrySet()) {
            final Line line = row.getValue();
            json.writeStartObject();
            json.writeStringField("key", row.getKey());
            json.writeNumberField("records", line.records());
            json.writeStringField("recorded_usd", Text.usd(line.recorded()));
            json.writeStringField("recomputed_usd", Text.usd(line.recomputed()));
            json.writeStringField("difference_usd", Text.usd(line.difference()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("policy_results");
        for (final PolicyResult result : PolicyResult.values()) {
            json.writeNumberField(result.name(), report.policyCounts().getOrDefault(result, 0L));
        }
        json.writeEndObject();
        json.writeNumberField("damaged", report.damaged());
        json.writeNumberField("unreachable", report.unreachable());
        json.writeNumberField("unpriceable", report.unpriceable());
        json.writeObjectFieldStart("missing_prices");
        for (final Map.Entry<String, Long> model : report.missingPrices().entrySet()) {
            json.writeNumberField(model.getKey(), model.getValue());
        }
        json.writeEndObject();
    }
}
