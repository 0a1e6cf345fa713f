package io.genops.core.event;

import java.util.Locale;
import java.util.Objects;

/**
 * The fields of an event an agent group can match by equality: what every event carries when the
 * caller hands it over (its attribution, the session's and the client's filling in what the event
 * leaves unset), and for interactions the model and provider. Signals and alert rules have no model
 * or provider, so a group matching either never matches them.
 */
public enum GroupAttribute {
    TEAM, PROJECT, ENVIRONMENT, CUSTOMER_ID, COST_CENTER, FEATURE, MODEL, PROVIDER;

    private static final GroupAttribute[] VALUES = values();

    /** The name in configuration keys and messages: {@code team}, {@code customer-id}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a label such as {@code customer-id}, in any case, with hyphens or underscores.
     *
     * @throws IllegalArgumentException naming the allowed labels when there is no such attribute
     */
    public static GroupAttribute parse(final String label) {
        Objects.requireNonNull(label, "group attribute");
        final String wanted = label.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (final GroupAttribute attribute : VALUES) {
            if (attribute.name().equals(wanted)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException("group attribute '" + label + "' is unknown; expected one of "
            + labels());
    }

    /** Every label, comma-separated, for messages. */
    public static String labels() {
        final StringBuilder labels = new StringBuilder();
        for (final GroupAttribute attribute : VALUES) {
            labels.append(labels.length() == 0 ? "" : ", ").append(attribute.label());
        }
        return labels.toString();
    }
}
