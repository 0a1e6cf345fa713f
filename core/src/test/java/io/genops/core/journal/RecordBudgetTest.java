package io.genops.core.journal;

import static io.genops.core.journal.TestEvent.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The budget a record carries: its name from two codes and the record's own attribution, limit and spend. */
class RecordBudgetTest {
    private static final long USD = 1_000_000_000L;

    private final RecordCodec codec = new RecordCodec();
    private final RecordView view = new RecordView();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"team:support:daily", "team:support:weekly", "team:support:monthly",
        "project:helpdesk:daily", "project:helpdesk:weekly", "project:helpdesk:monthly",
        "customer:customer_456:daily", "customer:customer_456:weekly", "customer:customer_456:monthly",
        "team_project:support/helpdesk:daily", "team_project:support/helpdesk:weekly",
        "team_project:support/helpdesk:monthly"})
    void shouldRoundTripTheBudgetOfEveryScopeAndWindow(final String name) {
        final TestEvent event = TestEvent.supportInteraction().budget(name, 50 * USD, 12_345_678_901L);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
        assertThat(view.budgetName()).isEqualTo(name);
        assertThat(view.budgetLimitNanos()).isEqualTo(50 * USD);
        assertThat(view.budgetConsumedNanos()).isEqualTo(12_345_678_901L);
        assertThat(codec.buffer()[2] & RecordCodec.FLAG_BUDGET).isEqualTo(RecordCodec.FLAG_BUDGET);
    }

    @ParameterizedTest(name = "limit {0}, consumed {1}")
    @CsvSource({"1, 0", "0, 0", "10, 10", "1000000000000000000, 999999999999999999", "9223372036854775807, -1",
        "-1, 9223372036854775807", "-9223372036854775808, -9223372036854775808", "123000, 7",
        "5000000000000000000, 1"})
    void shouldRoundTripAnyLimitAndConsumedAmount(final long limit, final long consumed) {
        final TestEvent event = TestEvent.supportInteraction().budget("team:support:daily", limit, consumed);

        assertThat(roundTrip(event)).isEqualTo(fields(event));
    }

    /**
     * Records of teams taking turns, each under its own budget, keep their names and limits through the
     * encoder's and the reader's caches of recent budgets, and the reader hands back one name instance per
     * budget.
     */
    @Test
    void shouldKeepEachBudgetApartWhenTeamsTakeTurns() {
        final String[] teams = {"support", "sales", "billing"};
        final String[] names = {"team:support:daily", "team:sales:daily", "team:billing:daily"};
        final String[] firstRead = new String[teams.length];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < teams.length; i++) {
                final TestEvent event = TestEvent.supportInteraction().budget(names[i], (i + 1) * 10 * USD, round);
                event.team = teams[i];

                assertThat(roundTrip(event)).isEqualTo(fields(event));
                assertThat(view.budgetName()).isEqualTo(names[i]);
                assertThat(view.budgetLimitNanos()).isEqualTo((i + 1) * 10 * USD);
                if (round == 0) {
                    firstRead[i] = view.budgetName();
                } else {
                    assertThat(view.budgetName()).isSameAs(firstRead[i]);
                }
            }
        }
    }

    /** A key with colons of its own reads back: the scope ends at the first colon, the window starts after the last. */
    @Test
    void shouldRoundTripAKeyWithColonsAndNonAsciiCharacters() {
        final TestEvent event = TestEvent.supportInteraction();
        event.customerId = "acme:eu:café";

        assertThat(roundTrip(event.budget("customer:acme:eu:café:weekly", 10 * USD, 1))).isEqualTo(fields(event));
        assertThat(view.budgetName()).isEqualTo("customer:acme:eu:café:weekly");
    }

    /**
     * 50 USD is 5 × 10^10 nanodollars: the budget byte holds exponent 10 beside the codes, then the
     * one-byte mantissa 5 and the consumed amount; nothing of the name but its codes.
     */
    @Test
    void shouldWriteTheBudgetAsDrawnInTheLayout() {
        final TestEvent event = new TestEvent();
        event.team = "ab";
        event.project = "cd";
        event.budget("team_project:ab/cd:weekly", 50 * USD, 300);

        final byte[] record = Records.encode(event, 0);

        final int budgetAt = RecordCodec.OFFSET_VARIABLE + 11 + 1;
        assertThat(record[2]).isEqualTo((byte)RecordCodec.FLAG_BUDGET);
        assertThat(record[budgetAt] & 0xFF).as("scope 3, window 1, exponent 10").isEqualTo(3 | 1 << 2 | 10 << 4);
        assertThat(record[budgetAt + 1]).as("mantissa").isEqualTo((byte)5);
        assertThat(record[budgetAt + 2] & 0xFF).as("300 as LEB128, low seven bits").isEqualTo(0xAC);
        assertThat(record[budgetAt + 3]).as("300 as LEB128, the rest").isEqualTo((byte)2);
        assertThat(record[budgetAt + 4] & 0xFF).as("the string mask follows").isEqualTo(0b110);
        assertThat(view.wrap(record, record.length)).isEqualTo(RecordView.OK);
        assertThat(view.budgetName()).isEqualTo("team_project:ab/cd:weekly");
    }

    @Test
    void budgetOnAnEventOfNoBudget_costsNoByteAndReadsAsNone() {
        final TestEvent event = TestEvent.supportInteraction();

        final int plain = codec.encode(event, 0);

        assertThat(codec.buffer()[2] & RecordCodec.FLAG_BUDGET).isZero();
        assertThat(view.wrap(codec.buffer(), plain)).isEqualTo(RecordView.OK);
        assertThat(view.budgetName()).isNull();
        assertThat(view.budgetLimitNanos()).isZero();
        assertThat(view.budgetConsumedNanos()).isZero();
        assertThat(view.budgetUtilizationPercent()).isNaN();
        assertThat(codec.encode(event.budget("team:support:daily", 50 * USD, 34 * USD), 0) - plain)
            .as("a round 50 USD limit and 34 USD spent").isEqualTo(7);
    }

    @Test
    void budgetName_ofRecordsWithTheSameKey_isOneInstance() {
        final byte[] first = Records.encode(TestEvent.supportInteraction().budget("team:support:daily", USD, 1), 0);
        final byte[] second = Records.encode(TestEvent.supportInteraction().budget("team:support:daily", USD, 2), 1);

        assertThat(view.wrap(first, first.length)).isEqualTo(RecordView.OK);
        final String name = view.budgetName();
        assertThat(view.wrap(second, second.length)).isEqualTo(RecordView.OK);

        assertThat(view.budgetName()).isEqualTo("team:support:daily").isSameAs(name);
        assertThat(view.budgetConsumedNanos()).isEqualTo(2);
    }

    @Test
    void budgetName_afterARecordOfAnotherKey_followsTheKey() {
        final TestEvent sales = TestEvent.supportInteraction();
        sales.team = "sales";
        final byte[] first = Records.encode(TestEvent.supportInteraction().budget("team:support:daily", USD, 1), 0);
        final byte[] second = Records.encode(sales.budget("team:sales:daily", USD, 1), 1);

        view.wrap(first, first.length);
        view.budgetName();
        view.wrap(second, second.length);

        assertThat(view.budgetName()).isEqualTo("team:sales:daily");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"team:sales:daily", "org:support:daily", "team:support:hourly", "support", "team:support",
        "team_project:support:daily", "team_project:supporthelpdesk:daily", "team_project:support/help:daily",
        "project:support:daily", "customer::daily", ":support:daily"})
    void encode_budgetNameTheRecordCannotHold_isRefusedNamingIt(final String name) {
        final TestEvent event = TestEvent.supportInteraction().budget(name, USD, 1);

        assertThatThrownBy(() -> codec.encode(event, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("budget name '" + name + "'");
        final int length = codec.encode(TestEvent.supportInteraction(), 0);
        assertThat(view.wrap(codec.buffer(), length)).as("the codec is still usable").isEqualTo(RecordView.OK);
    }

    @Test
    void encode_budgetOfAScopeWhoseKeyIsAbsent_isRefused() {
        final TestEvent event = TestEvent.supportInteraction().budget("customer:acme:daily", USD, 1);
        event.customerId = null;

        assertThatThrownBy(() -> codec.encode(event, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("key other than the event's own customer");
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"50000000000, 12345678901, 24.691357802", "1, 1, 100", "3, 1, 33.333333333333333333333",
        "100, 250, 250", "7, 0, 0", "1000000000000000000, 999999999999999999, 99.9999999999999999",
        "9223372036854775807, 9223372036854775807, 100", "3, 9223372036854775807, 307445734561825860233.3333"})
    void budgetUtilizationPercent_isTheNearestDoubleToTheExactShare(final long limit, final long consumed,
        final BigDecimal exact) {
        final TestEvent event = TestEvent.supportInteraction().budget("team:support:daily", limit, consumed);
        roundTrip(event);

        final double expected = new BigDecimal(consumed).movePointRight(2)
            .divide(new BigDecimal(limit), new MathContext(60)).doubleValue();
        assertThat(view.budgetUtilizationPercent()).isEqualTo(expected).isEqualTo(exact.doubleValue());
        assertThat(event.budgetUtilizationPercent()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void budgetUtilizationPercent_ofALimitNotPositive_isNaN(final long limit) {
        assertThat(TestEvent.supportInteraction().budget("team:support:daily", limit, 5).budgetUtilizationPercent())
            .isNaN();
    }

    private Map<String, Object> roundTrip(final TestEvent event) {
        final int length = codec.encode(event, 0);
        assertThat(view.wrap(codec.buffer(), length)).as("wrap").isEqualTo(RecordView.OK);
        return fields(view);
    }
}
