package io.genops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs {@code genops demo} in-process on small workloads and checks that its report adds up. */
class DemoCommandTest {
    /** One small advisory run that most tests read; the workload is seeded, so its figures are repeatable. */
    private static CommandRun small;
    private static Map<String, Object> report;
    @TempDir
    static Path journals;

    @BeforeAll
    static void runSmallDemo() throws IOException {
        small = CommandRun.of("demo", "--events", "3000", "--rate", "0", "--threads", "2", "--json", "--journal",
            journals.resolve("small").toString());
        report = JsonTree.object(small.out());
    }

    @Test
    void jsonReportIsOneObjectWithEveryKey() {
        assertThat(small.exitCode()).as(small.err()).isZero();
        assertThat(small.out().strip()).doesNotContain("\n");
        assertThat(report).containsKeys("events", "seconds", "events_per_second",
            "caller_latency_ns", "total_cost_usd", "cost_by_team", "cost_by_agent", "dropped", "rejected",
            "sampled_in", "sampled_out", "alerts_fired", "budgets", "unpriced", "sampling", "exporters", "journal");
    }

    @Test
    void everyCallIsAcceptedRejectedOrDropped() {
        assertThat(report.get("events")).isEqualTo(3000L);
        assertThat(number(report, "accepted") + number(report, "rejected") + number(report, "dropped"))
            .isEqualTo(3000L);
        assertThat(number(report, "interactions") + number(report, "signals")).isEqualTo(3000L);
        final Map<String, Object> pipeline = object(report, "pipeline");
        assertThat(number(pipeline, "processed")).isEqualTo(number(pipeline, "accepted"));
        assertThat(number(report, "sampled_in") + number(report, "sampled_out"))
            .isEqualTo(number(pipeline, "processed"));
        assertThat(pipeline.get("clean_shutdown")).isEqualTo(true);
        assertThat(number(pipeline, "journaled")).as("every event journaled").isEqualTo(number(pipeline, "processed"));
    }

    @Test
    void teamCostsAddUpToTheTotalExactly() {
        final BigDecimal total = new BigDecimal((String)report.get("total_cost_usd"));
        assertThat(total).isPositive();
        assertThat(sum(object(report, "cost_by_team"))).isEqualByComparingTo(total);
        assertThat(sum(object(report, "cost_by_agent"))).isLessThanOrEqualTo(total);
        assertThat(object(report, "cost_by_team")).containsKeys("support", "sales", "technical", "billing");
    }

    @Test
    void latencyPercentilesAreOrdered() {
        final Map<String, Object> latency = object(report, "caller_latency_ns");

        assertThat(number(latency, "p50")).isPositive()
            .isLessThanOrEqualTo(number(latency, "p99"));
        assertThat(number(latency, "p99")).isLessThanOrEqualTo(number(latency, "p999"));
        assertThat(number(latency, "p999")).isLessThanOrEqualTo(number(latency, "max"));
    }

    @Test
    void automaticBudgetsAreCrossedSoThresholdsFire() {
        final List<Map<String, Object>> budgets = ReportBudgets.all(report);

        assertThat(budgets).extracting(budget -> budget.get("scope") + " " + budget.get("key") + " "
            + budget.get("window"))
            .containsExactlyInAnyOrder("team support daily", "team sales daily", "team technical daily",
                "team billing daily");
        for (final Map<String, Object> budget : budgets) {
            final BigDecimal utilization = new BigDecimal((String)budget.get("utilization_percent"));
            assertThat(utilization).as(budget.toString()).isGreaterThanOrEqualTo(new BigDecimal("100"));
        }
        assertThat(number(report, "alerts_fired")).as("three thresholds of four teams").isGreaterThanOrEqualTo(12);
    }

    @Test
    void enforcedTinyBudgetRejectsInteractions() throws IOException {
        final CommandRun run = CommandRun.of("demo", "--events", "3000", "--rate", "0", "--threads", "2", "--json",
            "--policy", "enforced", "--budget", "0.01", "--no-journal");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(number(report, "rejected")).isPositive();
        assertThat(number(object(report, "pipeline"), "rejected_budget")).as("rules and conversation signals too")
            .isGreaterThanOrEqualTo(number(report, "rejected"));
        assertThat(number(report, "accepted") + number(report, "rejected") + number(report, "dropped"))
            .isEqualTo(3000L);
    }

    @Test
    void keptJournalCarriesTodaysSpendIntoTheNextRun(@TempDir final Path directory) throws IOException {
        final String[] args = {"demo", "--events", "1000", "--rate", "0", "--threads", "1", "--json",
            "--budget", "1000", "--journal", directory.toString()};
        final Map<String, Object> first = JsonTree.object(CommandRun.of(args).out());
        final Map<String, Object> second = JsonTree.object(CommandRun.of(args).out());

        final BigDecimal spentInBoth = new BigDecimal((String)object(first, "cost_by_team").get("sales"))
            .add(new BigDecimal((String)object(second, "cost_by_team").get("sales")));
        final Object consumed = ReportBudgets.of(second, "team", "sales", "daily").get("consumed_usd");
        assertThat(new BigDecimal((String)consumed)).isEqualByComparingTo(spentInBoth);
    }

    @Test
    void journalAndNoJournalExcludeEachOther() {
        final CommandRun run = CommandRun.of("demo", "--journal", "somewhere", "--no-journal");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--journal and --no-journal exclude each other");
    }

    @Test
    void tableReportShowsEverySection() {
        final CommandRun run = CommandRun.of("demo", "--events", "2000", "--rate", "0", "--threads", "2",
            "--journal", journals.resolve("table").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Calls", "Caller-side time of trackInteraction", "Cost by team, USD",
            "Top 10 agents by cost", "Budgets, USD", "Sampling for export, adaptive", "keys tracked",
            "Alerts and pipeline", "each to the channels", "deliveries succeeded", "deliveries failed",
            "shut down cleanly", "Audit journal", "records written", "signals they recorded",
            "replay it:   ./genops replay --journal " + journals.resolve("table"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--threads|0|'--threads': 0 is outside [1, 64]",
        "--agents|5000|'--agents'",
        "--events|lots|'--events'",
        "--rate|-1|'--rate'",
        "--policy|strict|'--policy'",
        "--backpressure|sometimes|'--backpressure'",
        "--budget|-5|'--budget'",
        "--budget|five dollars|'--budget'",
        "--sample-rate|1.5|'--sample-rate': 1.5 is not a fraction in [0, 1]"})
    void badOptionValuesAreUsageErrors(final String option, final String value, final String message) {
        final CommandRun run = CommandRun.of("demo", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option " + message).contains("Usage: genops demo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpDescribesEveryOptionWithItsDefault() {
        final CommandRun run = CommandRun.of("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("--agents=N", "(default: 20)", "--rate=EVENTS_PER_S", "(default: 20000)",
            "--budget=USD|auto", "gives each team 70%", "--policy=advisory|enforced");
    }

    @Test
    void unknownOptionIsAUsageError() {
        final CommandRun run = CommandRun.of("demo", "--turbo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--turbo'");
    }

    private static long number(final Map<String, Object> object, final String key) {
        assertThat(object).containsKey(key);
        return ((Number)object.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Map<String, Object> object, final String key) {
        assertThat(object.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>)object.get(key);
    }

    private static BigDecimal sum(final Map<String, Object> amounts) {
        return amounts.values().stream().map(amount -> new BigDecimal((String)amount))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
