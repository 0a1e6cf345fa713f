package io.genops.exporters.prometheus.internal;

/**
 * The default rule that turns an agent id into the agent type used as a label: an id that ends in a
 * dash and a group of digits names one instance of a type, and the type is what comes before that
 * dash. {@code support-bot-3} and {@code support-bot-17} are both {@code support-bot}; {@code bot-12-3}
 * is {@code bot-12}; {@code support-bot}, {@code agent7} and {@code 42} are their own type. Only one
 * group is removed, and never the whole id.
 */
public final class AgentTypes {
    private AgentTypes() {
    }

    /** The type of {@code agentId}; {@code null} stays {@code null}. */
    public static String fromId(final String agentId) {
        if (agentId == null) {
            return null;
        }
        final int end = agentId.length();
        int digits = end;
        while (digits > 0 && Character.isDigit(agentId.charAt(digits - 1))) {
            digits--;
        }
        final int dash = digits - 1;
        if (digits < end && dash > 0 && agentId.charAt(dash) == '-') {
            return agentId.substring(0, dash);
        }
        return agentId;
    }
}
