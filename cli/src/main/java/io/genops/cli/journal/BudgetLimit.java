package io.genops.cli.journal;

import io.genops.core.money.Money;
import io.genops.pipeline.BudgetScope;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A budget limit given on the command line as {@code SCOPE=USD} (every key of the scope, as
 * {@code GenOpsBuilder.defaultBudget} sets it) or {@code SCOPE:KEY=USD} (one key, as
 * {@code GenOpsBuilder.budget}): {@code team=50}, {@code team:support=25}, {@code customer:acme=5},
 * {@code team_project:support/helpdesk=10}.
 *
 * @param scope the scope
 * @param key   the key, or {@code null} for every key of the scope
 * @param limit the limit, positive USD
 */
record BudgetLimit(BudgetScope scope, String key, Money limit) {

    /** What the limit is for, as given: {@code team} for every key of the scope, {@code team:support} for one. */
    String target() {
        return key == null ? scope.label() : scope.label() + ":" + key;
    }

    /** Parses the option value for picocli, which reports a refusal with the option's name. */
    static final class Converter implements ITypeConverter<BudgetLimit> {
        @Override
        public BudgetLimit convert(final String value) {
            final int equals = value.lastIndexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw refused(value, "expected SCOPE=USD or SCOPE:KEY=USD, such as team=50 or team:support=25");
            }
            final String target = value.substring(0, equals);
            final int colon = target.indexOf(':');
            final String scopeName = colon < 0 ? target : target.substring(0, colon);
            final String key = colon < 0 ? null : target.substring(colon + 1);
            if (key != null && key.isBlank()) {
                throw refused(value, "the key after ':' is empty");
            }
            final BudgetScope scope = scope(value, scopeName);
            if (scope == BudgetScope.TEAM_PROJECT && key != null && !isTeamSlashProject(key)) {
                throw refused(value, "a team_project key reads TEAM/PROJECT, such as team_project:support/helpdesk=10");
            }
            return new BudgetLimit(scope, key, amount(value, value.substring(equals + 1)));
        }

        /** The pipeline keys team_project as team, '/', project; a key of another form would match no spend. */
        private static boolean isTeamSlashProject(final String key) {
            final int slash = key.indexOf('/');
            return slash > 0 && slash < key.length() - 1;
        }

        private static BudgetScope scope(final String value, final String name) {
            final String normalized = name.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace('-', '_');
            for (final BudgetScope scope : BudgetScope.values()) {
                if (scope.name().equals(normalized)) {
                    return scope;
                }
            }
            throw refused(value, "'" + name + "' is not a scope; expected team, project, customer or team_project");
        }

        private static Money amount(final String value, final String usd) {
            final Money amount;
            try {
                amount = Money.usd(usd.trim());
            } catch (final IllegalArgumentException e) {
                throw refused(value, "'" + usd + "' is not a USD amount such as 50 or 0.25");
            }
            if (amount.nanos() <= 0) {
                throw refused(value, "'" + usd + "' is not a positive USD amount");
            }
            return amount;
        }

        private static TypeConversionException refused(final String value, final String problem) {
            return new TypeConversionException("'" + value + "': " + problem);
        }
    }
}
