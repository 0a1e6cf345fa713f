package io.genops.config.settings;

import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.policy.GovernancePolicy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent group: which events belong to it and how they are governed, under
 * {@code genops.groups.<name>}. Unset settings follow the pipeline's.
 *
 * @param name          the group's name
 * @param agents        agent-id patterns, {@code *} matching any run of characters; empty when none
 * @param match         attributes the event must carry with exactly these values; empty when none
 * @param policy        the group's policy, empty when it follows {@code genops.policy}
 * @param samplingRates fixed export rates of the event kinds the group sets; the others follow
 *                      {@code genops.sampling}
 * @param export        whether any of the group's events is exported
 * @param costAlerts    whether cost-rate and budget-threshold alerts are raised for the group's events, empty
 *                      when it follows {@code genops.alerts.cost-alerts}
 */
public record GroupSettings(String name, List<String> agents, Map<GroupAttribute, String> match,
    Optional<GovernancePolicy> policy, Map<EventKind, Double> samplingRates, boolean export,
    Optional<Boolean> costAlerts) {

    public GroupSettings {
        agents = List.copyOf(agents);
        match = Collections.unmodifiableMap(match.isEmpty() ? new EnumMap<>(GroupAttribute.class)
            : new EnumMap<>(match));
        samplingRates = Collections.unmodifiableMap(samplingRates.isEmpty() ? new EnumMap<>(EventKind.class)
            : new EnumMap<>(samplingRates));
    }
}
