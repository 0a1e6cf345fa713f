package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * The dimensions of the exporter's metrics: bounded ones only. Customer, session, conversation and
 * agent ids are left out on purpose, since they grow with traffic; the series limit guards the rest.
 */
record SeriesKey(EventKind kind, String team, String project, String environment, String provider, String model,
    String errorType, PolicyResult policyResult, PolicyReason policyReason) {

    static SeriesKey of(final EventView event) {
        return new SeriesKey(event.kind(), event.team(), event.project(), event.environment(), event.provider(),
            event.model(), event.error(), event.policyResult(), event.policyReason());
    }

    Attributes attributes() {
        final AttributesBuilder attributes = Attributes.builder();
        attributes.put(Keys.EVENT_KIND, EventMapping.kindName(kind));
        if (kind == EventKind.INTERACTION) {
            attributes.put(Keys.OPERATION_NAME, Keys.INVOKE_AGENT);
        }
        put(attributes, Keys.PROVIDER_NAME, provider);
        put(attributes, Keys.REQUEST_MODEL, model);
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
