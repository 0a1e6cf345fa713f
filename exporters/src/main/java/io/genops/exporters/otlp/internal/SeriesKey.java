package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Objects;

/**
 * The dimensions of the exporter's metrics: bounded ones only. Customer, session, conversation and
 * agent ids are left out on purpose, since they grow with traffic; the series limit guards the rest.
 *
 * <p>Every event is counted, so finding its series must not allocate: one key is kept as a probe,
 * {@linkplain #of set} from each event in turn, and {@linkplain #copy copied} only when a new series is
 * stored. A key stored in a map is never set again.
 */
final class SeriesKey {
    private EventKind kind;
    private String group;
    private String team;
    private String project;
    private String environment;
    private String provider;
    private String model;
    private String errorType;
    private PolicyResult policyResult;
    private PolicyReason policyReason;
    private int hash;

    /** A probe, to be {@linkplain #of set} from each event. */
    SeriesKey() {
    }

    /** Sets this probe to the dimensions of {@code event}; returns it. */
    SeriesKey of(final EventView event) {
        kind = event.kind();
        group = event.group();
        team = event.team();
        project = event.project();
        environment = event.environment();
        provider = event.provider();
        model = event.model();
        errorType = event.error();
        policyResult = event.policyResult();
        policyReason = event.policyReason();
        int h = kind.hashCode();
        h = 31 * h + Objects.hashCode(group);
        h = 31 * h + Objects.hashCode(team);
        h = 31 * h + Objects.hashCode(project);
        h = 31 * h + Objects.hashCode(environment);
        h = 31 * h + Objects.hashCode(provider);
        h = 31 * h + Objects.hashCode(model);
        h = 31 * h + Objects.hashCode(errorType);
        h = 31 * h + Objects.hashCode(policyResult);
        hash = 31 * h + Objects.hashCode(policyReason);
        return this;
    }

    /** A key of its own with the same dimensions, to store. */
    SeriesKey copy() {
        final SeriesKey copy = new SeriesKey();
        copy.kind = kind;
        copy.group = group;
        copy.team = team;
        copy.project = project;
        copy.environment = environment;
        copy.provider = provider;
        copy.model = model;
        copy.errorType = errorType;
        copy.policyResult = policyResult;
        copy.policyReason = policyReason;
        copy.hash = hash;
        return copy;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SeriesKey key && hash == key.hash && kind == key.kind
            && policyResult == key.policyResult && policyReason == key.policyReason && Objects.equals(group, key.group)
            && Objects.equals(team, key.team)
            && Objects.equals(project, key.project) && Objects.equals(environment, key.environment)
            && Objects.equals(provider, key.provider) && Objects.equals(model, key.model)
            && Objects.equals(errorType, key.errorType);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    Attributes attributes() {
        final AttributesBuilder attributes = Attributes.builder();
        attributes.put(Keys.EVENT_KIND, EventMapping.kindName(kind));
        if (kind == EventKind.INTERACTION) {
            attributes.put(Keys.OPERATION_NAME, Keys.INVOKE_AGENT);
        }
        put(attributes, Keys.PROVIDER_NAME, provider);
        put(attributes, Keys.REQUEST_MODEL, model);
        put(attributes, Keys.AGENT_GROUP, group);
        put(attributes, Keys.TEAM, team);
        put(attributes, Keys.PROJECT, project);
        put(attributes, Keys.ENVIRONMENT, environment);
        put(attributes, Keys.ERROR_TYPE, errorType);
        if (policyResult != null) {
            attributes.put(Keys.POLICY_RESULT, policyResult.name());
        }
        if (policyReason != null && policyReason != PolicyReason.NONE) {
            attributes.put(Keys.POLICY_REASON, policyReason.name());
        }
        return attributes.build();
    }

    private static void put(final AttributesBuilder attributes, final AttributeKey<String> key, final String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
