package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetScopesTest {
    /** 0.003 USD on the test tables. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final long EVENT_NANOS = 3_000_000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void enforced_fiftyProducersAgainstOneLimit_neverPassItAndNeverStopShortOfIt() throws Exception {
        final Money limit = Money.usd("3.0001");
        try (GenOps genops = TestTables.builder().ringSize(4096).policy(GovernancePolicy.ENFORCED)
            .dailyBudget("shared", limit).build()) {
            final AtomicLong admitted = new AtomicLong();
            final AtomicLong refused = new AtomicLong();
            final ExecutorService pool = Executors.newFixedThreadPool(50);
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                final MonitoringSession session = genops.openSession("p" + t, Attribution.team("shared"));
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        try {
                            session.trackInteraction("bot", INTERACTION);
                            admitted.incrementAndGet();
                        } catch (final BudgetExceededException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (final Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(genops.flush(WAIT)).isTrue();

            // 1,000 events of 0.003 fit in 3.0001 exactly; the bound is zero overshoot.
            assertThat(admitted.get()).isEqualTo(1_000);
            assertThat(refused.get()).isEqualTo(50 * 200 - 1_000);
            assertThat(genops.budgetStatus("shared").consumed()).isEqualTo(Money.usdNanos(1_000 * EVENT_NANOS));
            assertThat(genops.metrics().rejectedBudget()).isEqualTo(refused.get());
        }
    }

    @Test
    void enforced_projectCustomerAndTeamProjectScopes_eachHoldTheirOwnLimit() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED)
            .budget(BudgetScope.PROJECT, "helpdesk", BudgetWindow.MONTHLY, Money.usd("0.006"))
            .budget(BudgetScope.CUSTOMER, "acme", BudgetWindow.WEEKLY, Money.usd("0.003"))
            .budget(BudgetScope.TEAM_PROJECT, "sales/crm", BudgetWindow.DAILY, Money.usd("0.009")).build()) {
            final MonitoringSession helpdesk = genops.openSession("h",
                Attribution.builder().project("helpdesk").build());
            helpdesk.trackInteraction("bot", INTERACTION);
            helpdesk.trackInteraction("bot", INTERACTION);
            assertThatThrownBy(() -> helpdesk.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("project=helpdesk")
                .hasMessageContaining("monthly");

            final MonitoringSession acme = genops.openSession("a", Attribution.builder().customerId("acme").build());
            acme.trackInteraction("bot", INTERACTION);
            assertThatThrownBy(() -> acme.trackInteraction("bot", INTERACTION))
                .hasMessageContaining("customer=acme").hasMessageContaining("weekly");

            final MonitoringSession crm = genops.openSession("c",
                Attribution.builder().team("sales").project("crm").build());
            for (int i = 0; i < 3; i++) {
                crm.trackInteraction("bot", INTERACTION);
            }
            assertThatThrownBy(() -> crm.trackInteraction("bot", INTERACTION))
                .hasMessageContaining("team_project=sales/crm");
            assertThat(genops.budgetStatuses()).hasSize(3);
        }
    }

    @Test
    void teamProjectBudget_isReportedByItsKey_evenWithoutADefault() {
        try (GenOps genops = TestTables.builder()
            .budget(BudgetScope.TEAM_PROJECT, "sales/crm", BudgetWindow.DAILY, Money.usd("1")).build()) {
            genops.openSession("c", Attribution.builder().team("sales").project("crm").build())
                .trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();

            final BudgetStatus status = genops.budgetStatus(BudgetScope.TEAM_PROJECT, "sales/crm", BudgetWindow.DAILY);
            assertThat(status).isNotNull();
            assertThat(status.consumed()).isEqualTo(Money.usdNanos(EVENT_NANOS));
            assertThat(genops.budgetStatus(BudgetScope.TEAM_PROJECT, "sales/other", BudgetWindow.DAILY)).isNull();
            assertThat(genops.budgetStatus(BudgetScope.TEAM_PROJECT, "sales", BudgetWindow.DAILY)).isNull();
        }
    }

    @Test
    void enforced_defaultTeamProjectBudgets_keepASlashInANameApart() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED)
            .defaultBudget(BudgetScope.TEAM_PROJECT, BudgetWindow.DAILY, Money.usd("0.003")).build()) {
            final MonitoringSession slashInTeam = genops.openSession("a",
                Attribution.builder().team("emea/sales").project("crm").build());
            final MonitoringSession slashInProject = genops.openSession("b",
                Attribution.builder().team("emea").project("sales/crm").build());
            slashInTeam.trackInteraction("bot", INTERACTION);
            slashInProject.trackInteraction("bot", INTERACTION);
            assertThatThrownBy(() -> slashInTeam.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class);
            assertThatThrownBy(() -> slashInProject.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.budgetStatuses()).hasSize(2)
                .allSatisfy(status -> assertThat(status.consumed()).isEqualTo(Money.usdNanos(EVENT_NANOS)));
        }
    }

    @Test
    void windows_followTheBudgetZonesCalendar() {
        // Sunday 2026-12-06 23:30 in Paris is 22:30 UTC; an hour later it is Monday in Paris, not in UTC.
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T22:30:00Z"));
        try (GenOps genops = TestTables.builder().clock(clock).policy(GovernancePolicy.ENFORCED)
            .budgetZone(ZoneId.of("Europe/Paris"))
            .budget(BudgetScope.TEAM, "support", BudgetWindow.DAILY, Money.usd("0.003"))
            .budget(BudgetScope.TEAM, "support", BudgetWindow.WEEKLY, Money.usd("0.006")).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            session.trackInteraction("bot", INTERACTION);
            assertThatThrownBy(() -> session.trackInteraction("bot", INTERACTION))
                .hasMessageContaining("daily 2026-12-06");

            clock.advance(Duration.ofHours(1));
            session.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();

            final BudgetStatus weekly = genops.budgetStatus(BudgetScope.TEAM, "support", BudgetWindow.WEEKLY);
            assertThat(weekly.start()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(weekly.consumed()).as("a new ISO week began at Monday midnight in Paris")
                .isEqualTo(Money.usd("0.003"));
            assertThat(genops.budgetStatus("support").start()).isEqualTo(LocalDate.of(2026, 12, 7));
        }
    }

    @Test
    void checkBudget_answersAllowedWarningOrBlockedWithAReason() {
        try (GenOps genops = TestTables.builder().team("support").dailyBudget("support", Money.usd("0.01")).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();

            final BudgetCheck allowed = genops.checkBudget(Attribution.EMPTY, Money.usd("0.001"));
            assertThat(allowed.result()).isEqualTo(PolicyResult.ALLOWED);
            assertThat(allowed.spent()).isEqualTo(Money.usd("0.003"));

            final BudgetCheck warning = genops.checkBudget(Attribution.EMPTY, Money.usd("0.005"));
            assertThat(warning.result()).isEqualTo(PolicyResult.WARNING);
            assertThat(warning.reason()).isEqualTo(PolicyReason.BUDGET_THRESHOLD);

            final BudgetCheck blocked = genops.checkBudget(Attribution.EMPTY, Money.usd("0.0071"));
            assertThat(blocked.result()).isEqualTo(PolicyResult.BLOCKED);
            assertThat(blocked.reason()).isEqualTo(PolicyReason.BUDGET_EXCEEDED);
            assertThat(blocked.scope()).isEqualTo("team=support");
            assertThat(blocked.window()).isEqualTo(BudgetWindow.DAILY);

            assertThat(genops.checkBudget(Attribution.team("other"), Money.usd("100")).result())
                .isEqualTo(PolicyResult.ALLOWED);
        }
    }
}
