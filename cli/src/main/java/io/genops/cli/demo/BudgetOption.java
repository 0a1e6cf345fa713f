package io.genops.cli.demo;

import io.genops.core.money.Money;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --budget}: a daily budget in USD for every team, or {@code auto}, which gives
 * each team a share of what it is forecast to spend in the run, so that its thresholds are crossed
 * however many events the run makes. With {@code --config} and no {@code --budget}, the budgets are
 * the configuration's own.
 *
 * @param perTeam    the budget of every team, or {@code null} for auto or configured
 * @param configured whether the budgets come from the configuration, the demo setting none
 */
record BudgetOption(Money perTeam, boolean configured) {
    static final BudgetOption AUTO = new BudgetOption(null, false);
    static final BudgetOption CONFIGURED = new BudgetOption(null, true);
    static final String AUTO_NAME = "auto";

    boolean isAuto() {
        return perTeam == null && !configured;
    }

    @Override
    public String toString() {
        if (configured) {
            return "configured";
        }
        return isAuto() ? AUTO_NAME : Money.format(perTeam.nanos());
    }

    /** Parses the option for picocli, which reports a refusal with the option's name. */
    static final class Converter implements ITypeConverter<BudgetOption> {
        @Override
        public BudgetOption convert(final String value) {
            if (AUTO_NAME.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return AUTO;
            }
            final Money amount;
            try {
                amount = Money.usd(value);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(
                    "'" + value + "' is neither 'auto' nor a USD amount such as 250 or 0.01");
            }
            if (amount.nanos() <= 0) {
                throw new TypeConversionException("'" + value + "' is not a positive USD amount");
            }
            return new BudgetOption(amount, false);
        }
    }
}
