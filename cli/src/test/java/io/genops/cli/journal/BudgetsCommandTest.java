package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.core.money.Money;
import io.genops.pipeline.BudgetStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code genops budgets} must find, from the journal alone, what the live pipeline's budgets held. */
class BudgetsCommandTest {
    private static final String[] LIMITS = {"--daily-budget", "team=1", "--weekly-budget", "team=5",
        "--monthly-budget", "project=10", "--daily-budget", "customer=2", "--weekly-budget", "team_project=3"};

    @TempDir
    static Path shared;
    private static TestJournal.Written written;

    @BeforeAll
    static void writeJournal() {
        written = TestJournal.write(shared.resolve("journal"));
    }

    @Test
    void everyLiveBudgetIsRebuiltExactlyFromTheJournal() throws IOException {
        final Map<String, Object> report = ReplayCommandTest.json(args("--format", "json", "--at",
            TestJournal.END.toString()));

        final List<Map<String, Object>> rows = budgets(report);
        assertThat(written.budgets()).hasSizeGreaterThan(10);
        for (final BudgetStatus live : written.budgets()) {
            final Map<String, Object> row = rows.stream()
                .filter(r -> r.get("scope").equals(live.scope()) && r.get("window").equals(live.window()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + live));
            assertThat(row.get("start")).as(live.toString()).isEqualTo(live.start().toString());
            assertThat(Money.usd((String)row.get("consumed_usd"))).as(live.toString()).isEqualTo(live.consumed());
            assertThat(Money.usd((String)row.get("allocated_usd"))).as(live.toString()).isEqualTo(live.allocated());
            assertThat(row.get("utilization_percent")).as(live.toString())
                .isEqualTo(live.utilizationPercent().toPlainString());
        }
    }

    @Test
    void windowsFollowTheCalendarOfTheInstantAsked() throws IOException {
        final Map<String, Object> report = ReplayCommandTest.json("budgets", "--journal",
            written.directory().toString(), "--format", "json", "--at", "2026-11-30", "--scope", "team",
            "--window", "daily");

        assertThat(budgets(report)).extracting(row -> row.get("scope") + " " + row.get("start"))
            .containsExactly("team=sales 2026-11-30", "team=support 2026-11-30");
    }

    @Test
    void theTableShowsUtilizationOnlyWhereALimitWasGiven() {
        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(), "--at",
            "2026-12-02", "--daily-budget", "team:support=0.01", "--scope", "team", "--window", "daily,monthly");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("team=support\\s+daily\\s+2026-12-02\\s+\\S+\\s+0\\.01\\s+0\\.00\\s+"
            + "\\d+\\.\\d\\d %").containsPattern("team=support\\s+monthly\\s+2026-12-01\\s+\\S+\\s+-\\s+-\\s+-");
    }

    @Test
    void limitsAndZoneComeFromAConfigurationFile(@TempDir final Path directory) throws IOException {
        final Path config = Files.writeString(directory.resolve("genops.yaml"), String.join("\n",
            "genops:",
            "  budgets:",
            "    zone: Pacific/Kiritimati",
            "    limits:",
            "      - team:support:daily=0.01",
            "    defaults:",
            "      - team:daily=100",
            ""));

        final Map<String, Object> report = ReplayCommandTest.json("budgets", "--journal",
            written.directory().toString(), "--format", "json", "--config", config.toString(), "--at",
            "2026-12-02T00:00:00Z", "--scope", "team", "--window", "daily", "--daily-budget", "team:sales=7");

        assertThat(report.get("zone")).isEqualTo("Pacific/Kiritimati");
        assertThat(budgets(report)).extracting(row -> row.get("scope") + " " + row.get("start") + " "
            + row.get("allocated_usd")).containsExactly("team=sales 2026-12-02 7.00", "team=support 2026-12-02 0.01");
    }

    @Test
    void aConfigurationWithProblemsIsOneLine(@TempDir final Path directory) throws IOException {
        final Path config = Files.writeString(directory.resolve("genops.yaml"), "genops:\n  budgets:\n    limits:\n"
            + "      - team:support:fortnightly=5\n");

        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(), "--config",
            config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
            .startsWith("genops budgets: The GenOps configuration has 1 problem: - ").contains("genops.budgets.limits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"teams=1", "team", "team=", "team=-3", "team=lots", "team:=4", "team_project:sales=5",
        "team_project:sales/=5", "team_project:/helpdesk=5"})
    void badLimitsAreUsageErrors(final String limit) {
        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(),
            "--daily-budget", limit);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--daily-budget'", "'" + limit + "'");
    }

    @Test
    void aTeamProjectKeyWithoutASlashSaysWhatIsAllowed() {
        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(),
            "--monthly-budget", "team_project:sales=5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--monthly-budget' (SCOPE[:KEY]=USD): "
            + "'team_project:sales=5': a team_project key reads TEAM/PROJECT, such as "
            + "team_project:support/helpdesk=10");
    }

    @ParameterizedTest
    @CsvSource({
        "--daily-budget, team:sales=5, team:sales=6, 'team:sales is given two limits, 5.00 and 6.00'",
        "--weekly-budget, team=1, team=1, 'team is given two limits, 1.00 and 1.00'",
        "--monthly-budget, team_project:support/helpdesk=2, team-project:support/helpdesk=3, "
            + "'team_project:support/helpdesk is given two limits, 2.00 and 3.00'"})
    void twoLimitsForOneTargetInOneWindowAreAUsageError(final String option, final String first,
        final String second, final String problem) {
        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(), option, first,
            option, second);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Invalid value for option '" + option + "': " + problem
            + "; give each scope, and each key of a scope, one limit per window").contains("Usage: genops budgets");
    }

    @Test
    void aKeyAndItsScopeOrAnotherWindowMayEachHaveALimit() throws IOException {
        final Map<String, Object> report = ReplayCommandTest.json("budgets", "--journal",
            written.directory().toString(), "--format", "json", "--at", "2026-12-02", "--scope", "team", "--window",
            "daily,weekly", "--daily-budget", "team=50", "--daily-budget", "team:sales=5", "--weekly-budget",
            "team:sales=5");

        assertThat(budgets(report)).extracting(row -> row.get("scope") + " " + row.get("window") + " "
            + row.get("allocated_usd")).contains("team=sales daily 5.00", "team=sales weekly 5.00",
            "team=support daily 50.00");
    }

    @Test
    void utcIsCalledUtc() throws IOException {
        final CommandRun table = CommandRun.of("budgets", "--journal", written.directory().toString(), "--at",
            "2026-12-02");
        final Map<String, Object> json = ReplayCommandTest.json("budgets", "--journal",
            written.directory().toString(), "--format", "json", "--at", "2026-12-02");

        assertThat(table.out()).startsWith("Budgets as of 2026-12-02T00:00:00Z, UTC calendar, from ");
        assertThat(json.get("zone")).isEqualTo("UTC");
    }

    @ParameterizedTest
    @CsvSource({"UTC, UTC", "Etc/UTC, UTC", "+00:00, UTC", "+02:00, +02:00", "Europe/Paris, Europe/Paris"})
    void aZoneIsShownByItsId(final String given, final String shown) throws IOException {
        final Map<String, Object> report = ReplayCommandTest.json("budgets", "--journal",
            written.directory().toString(), "--format", "json", "--at", "2026-12-02", "--zone", given);

        assertThat(report.get("zone")).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Base", "+25:00", "", "Europe/"})
    void anUnknownZoneSaysWhatIsAllowed(final String zone) {
        final CommandRun run = CommandRun.of("budgets", "--journal", written.directory().toString(), "--zone", zone);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--zone': '" + zone + "' is not a time zone; "
            + "expected a region id such as Europe/Paris, or UTC, or an offset such as +02:00")
            .doesNotContain("java.time");
    }

    private static String[] args(final String... more) {
        final String[] args = new String[3 + LIMITS.length + more.length];
        args[0] = "budgets";
        args[1] = "--journal";
        args[2] = written.directory().toString();
        System.arraycopy(LIMITS, 0, args, 3, LIMITS.length);
        System.arraycopy(more, 0, args, 3 + LIMITS.length, more.length);
        return args;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> budgets(final Map<String, Object> report) {
        return (List<Map<String, Object>>)report.get("budgets");
    }
}
