package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Attribution;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each journaled event names the budget closest to its limit of those it was charged to, and that budget's figures. */
class JournaledBudgetTest {
    /** 0.003 USD on the test tables. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final long EVENT_NANOS = 3_000_000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path journal;

    /** One journaled event's budget as read back. */
    private record Charged(EventKind kind, String team, String name, long limitNanos, long consumedNanos) {
    }

    @Test
    void shouldJournalTheBudgetWithTheHighestShareSpent_itsLimitAndItsSpendAfterTheCharge() {
        try (GenOps genops = TestTables.builder().journal(journal)
            .budget(BudgetScope.TEAM, "support", BudgetWindow.DAILY, Money.usd("0.009"))
            .budget(BudgetScope.TEAM, "support", BudgetWindow.MONTHLY, Money.usd("0.012")).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            for (int i = 0; i < 4; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            assertThat(genops.flush(WAIT)).isTrue();
        }

        // Daily: 3 of 9, 6 of 9, 9 of 9, 12 of 9 thousandths; monthly: 3, 6, 9, 12 of 12. The daily share is higher.
        assertThat(read()).containsExactly(
            new Charged(EventKind.INTERACTION, "support", "team:support:daily", 9_000_000, EVENT_NANOS),
            new Charged(EventKind.INTERACTION, "support", "team:support:daily", 9_000_000, 2 * EVENT_NANOS),
            new Charged(EventKind.INTERACTION, "support", "team:support:daily", 9_000_000, 3 * EVENT_NANOS),
            new Charged(EventKind.INTERACTION, "support", "team:support:daily", 9_000_000, 4 * EVENT_NANOS),
            new Charged(EventKind.SESSION, "support", null, 0, 0));
    }

    /**
     * The project's monthly budget, mostly spent by another team, is at 93 % after the event and has 0.007
     * USD left; the team's daily one is at 50 % with 0.003 left. Closest by share is the project's.
     */
    @Test
    void closest_isByShareOfTheLimit_notByMoneyLeft() {
        try (GenOps genops = TestTables.builder().journal(journal)
            .budget(BudgetScope.TEAM, "support", BudgetWindow.DAILY, Money.usd("0.006"))
            .budget(BudgetScope.PROJECT, "helpdesk", BudgetWindow.MONTHLY, Money.usd("0.1")).build()) {
            final MonitoringSession sales = genops.openSession("a", Attribution.builder().team("sales")
                .project("helpdesk").build());
            for (int i = 0; i < 30; i++) {
                sales.trackInteraction("bot", INTERACTION);
            }
            final MonitoringSession support = genops.openSession("b", Attribution.builder().team("support")
                .project("helpdesk").build());
            support.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
        }

        final List<Charged> charged = read();
        assertThat(charged.get(29)).isEqualTo(new Charged(EventKind.INTERACTION, "sales", "project:helpdesk:monthly",
            100_000_000, 30 * EVENT_NANOS));
        assertThat(charged.get(30)).isEqualTo(new Charged(EventKind.INTERACTION, "support",
            "project:helpdesk:monthly", 100_000_000, 31 * EVENT_NANOS));
    }

    @Test
    void shouldJournalCustomerAndTeamProjectBudgets_andNoneForAnEventOfNoBudget() {
        try (GenOps genops = TestTables.builder().journal(journal)
            .budget(BudgetScope.CUSTOMER, "acme", BudgetWindow.WEEKLY, Money.usd("0.03"))
            .budget(BudgetScope.TEAM_PROJECT, "sales/crm", BudgetWindow.DAILY, Money.usd("0.05")).build()) {
            genops.openSession("a", Attribution.builder().team("sales").project("crm").customerId("acme").build())
                .trackInteraction("bot", INTERACTION);
            genops.openSession("b", Attribution.builder().team("sales").project("crm").build())
                .trackSignal("latency_ms", PerformanceSignal.builder().agentId("bot").value(12).build());
            genops.openSession("c", Attribution.team("billing")).trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
        }

        // The signal costs 0.01 USD, on top of the interaction's 0.003 in the same team-and-project budget.
        assertThat(read()).filteredOn(charged -> charged.kind() != EventKind.SESSION).containsExactly(
            new Charged(EventKind.INTERACTION, "sales", "customer:acme:weekly", 30_000_000, EVENT_NANOS),
            new Charged(EventKind.SIGNAL, "sales", "team_project:sales/crm:daily", 50_000_000,
                EVENT_NANOS + 10_000_000),
            new Charged(EventKind.INTERACTION, "billing", null, 0, 0));
    }

    private List<Charged> read() {
        final List<Charged> charged = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> charged.add(new Charged(record.kind(), record.team(),
                record.budgetName(), record.budgetLimitNanos(), record.budgetConsumedNanos())));
        }
        return charged;
    }
}
