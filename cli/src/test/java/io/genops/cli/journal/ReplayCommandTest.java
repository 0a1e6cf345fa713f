package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import io.genops.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genops replay} over a journal whose live totals are known. */
class ReplayCommandTest {
    @TempDir
    static Path shared;
    private static TestJournal.Written written;

    @BeforeAll
    static void writeJournal() {
        written = TestJournal.write(shared.resolve("journal"));
    }

    private static String journal() {
        return written.directory().toString();
    }

    @Test
    void tableShowsRecordedRecomputedAndDifferencePerTeam() {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("By team, USD", "support", "sales", "By policy result", "ALLOWED",
            "Damaged or out-of-chain records: 0");
        final String total = Money.format(written.totalCost().nanos());
        assertThat(run.out()).containsPattern("total\\s+15\\s+" + total.replace(".", "\\.") + "\\s+"
            + total.replace(".", "\\.") + "\\s+0\\.00");
    }

    @Test
    void jsonTotalEqualsTheLivePipelineToTheNanodollar() throws IOException {
        final Map<String, Object> report = json("replay", "--journal", journal(), "--format", "json", "--by", "day");

        assertThat(Money.usd((String)report.get("recorded_usd"))).isEqualTo(written.totalCost());
        assertThat(report.get("difference_usd")).isEqualTo("0.00");
        assertThat(report.get("records")).isEqualTo(written.records());
        assertThat(rows(report)).extracting(row -> row.get("key"))
            .containsExactly("2026-11-30", "2026-12-01", "2026-12-02");
        assertThat(report.get("damaged")).isEqualTo(0L);
    }

    @Test
    void filtersChooseTheRecordsReported() throws IOException {
        final Map<String, Object> report = json("replay", "--journal", journal(), "--format", "json",
            "--team", "support", "--from", "2026-12-01", "--to", "2026-12-02T00:00:00Z", "--by", "customer");

        assertThat(report.get("records")).isEqualTo(2L);
        assertThat(rows(report)).extracting(row -> row.get("key")).containsExactly("globex");
    }

    @Test
    void anotherPriceTableGivesTheExactDifference(@TempDir final Path directory) throws IOException {
        final Path prices = Files.writeString(directory.resolve("prices.json"),
            "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\", \"unit\": \"per_million_tokens\", "
            + "\"models\": {\n"
            + "  \"gpt-4o-mini\": {\"provider\": \"openai\", \"input\": \"0.30\", \"output\": \"1.20\"}}}\n");

        final Map<String, Object> report = json("replay", "--journal", journal(), "--format", "json",
            "--prices", prices.toString());

        final long doubled = TestJournal.INTERACTIONS * TestJournal.MODEL_NANOS_PER_INTERACTION;
        assertThat(Money.usd((String)report.get("difference_usd")).nanos()).isEqualTo(doubled);
        assertThat(report.get("model_prices")).isEqualTo(prices.toString());
    }

    @Test
    void byGroup_totalsEachAgentGroup_andTheGroupFilterChoosesOne() throws IOException {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--format", "csv", "--by", "group");
        final Map<String, Object> marked = json("replay", "--journal", journal(), "--format", "json", "--group",
            TestJournal.MARKED_GROUP);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3).element(0)
            .isEqualTo("group,records,recorded_usd,recomputed_usd,difference_usd");
        assertThat(run.out()).contains("\ndefault,14,", "\nmarked,1,");
        assertThat(marked.get("records")).isEqualTo(1L);
    }

    @Test
    void csvHasAHeaderAndOneRowPerKey() {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--format", "csv", "--by", "project");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("project,records,recorded_usd,recomputed_usd,difference_usd");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("chat,7,");
        assertThat(lines.get(2)).startsWith("mail,8,");
    }

    @Test
    void severalJournalsMergeIntoOneReport(@TempDir final Path directory) throws IOException {
        final TestJournal.Written other = TestJournal.write(directory.resolve("pod-2"));

        final Map<String, Object> report = json("replay", "--journal", journal(), other.directory().toString(),
            "--format", "json");

        assertThat(report.get("records")).isEqualTo(2 * written.records());
        assertThat(Money.usd((String)report.get("recorded_usd"))).isEqualTo(written.totalCost()
            .plus(other.totalCost()));
    }

    @Test
    void aPriceFileWithErrorsIsNamedWithItsLineAndKey(@TempDir final Path directory) throws IOException {
        final Path prices = Files.writeString(directory.resolve("bad.json"),
            "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\", \"unit\": \"per_million_tokens\", "
            + "\"models\": {\n"
            + "  \"gpt-4o-mini\": {\"input\": \"0.30\"}}}\n");

        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--prices", prices.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
            .isEqualTo("genops replay: " + prices + ":2: models.gpt-4o-mini.output: required key 'output' is missing");
    }

    @Test
    void recordsOfAModelTheGivenPricesLackAreCountedAndNamed(@TempDir final Path directory) throws IOException {
        final Path prices = Files.writeString(directory.resolve("prices.json"),
            "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\", \"unit\": \"per_million_tokens\", "
            + "\"models\": {\n"
            + "  \"gpt-4o\": {\"provider\": \"openai\", \"input\": \"2.50\", \"output\": \"10.00\"}}}\n");

        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--prices", prices.toString(),
            "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"missing_prices\":{\"gpt-4o-mini\":" + TestJournal.INTERACTIONS + "}");
        assertThat(run.err().strip()).isEqualTo("genops replay: " + TestJournal.INTERACTIONS + " records are of models "
            + prices + " has no price for, though the journal priced them, so their model cost is recomputed as "
            + "zero: gpt-4o-mini (" + TestJournal.INTERACTIONS + ")");
    }

    @Test
    void aJsonFileThatPricesNoModelIsRefusedNotReadAsAnEmptyTable(@TempDir final Path directory)
        throws IOException {
        final Path prices = Files.writeString(directory.resolve("cfg.json"), "{\"genops\": {\"policy\": 3}}\n");

        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--prices", prices.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("genops replay: " + prices + ":1: no model prices: read as LiteLLM's "
            + "table");
    }

    @Test
    void aMissingPriceFileIsOneLine() {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--prices", "/no/such/prices.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("genops replay: cannot read price table /no/such/prices.json: "
            + "no such file");
    }

    @Test
    void anEmptyTimeRangeIsAUsageError() {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--from", "2026-12-02",
            "--to", "2026-12-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not before --to").contains("Usage: genops replay");
    }

    @Test
    void aTimeThatIsNeitherDateNorInstantIsAUsageError() {
        final CommandRun run = CommandRun.of("replay", "--journal", journal(), "--from", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--from': 'yesterday' is neither a date");
    }

    static Map<String, Object> json(final String... args) throws IOException {
        final CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonTree.object(run.out());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(final Map<String, Object> report) {
        return (List<Map<String, Object>>)report.get("rows");
    }

    static BigDecimal usd(final Object amount) {
        return new BigDecimal((String)amount);
    }
}
