package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/** An immutable log record built from one journaled signal or alert, for the OTLP log exporter. */
final class EventLog implements LogRecordData {
    private final String eventName;
    private final long epochNanos;
    private final SpanContext context;
    private final Severity severity;
    private final String body;
    private final Attributes attributes;
    private final Telemetry telemetry;

    EventLog(final String eventName, final long epochNanos, final SpanContext context, final Severity severity,
        final String body, final Attributes attributes, final Telemetry telemetry) {
        this.eventName = eventName;
        this.epochNanos = epochNanos;
        this.context = context;
        this.severity = severity;
        this.body = body;
        this.attributes = attributes;
        this.telemetry = telemetry;
    }

    @Override
    public Resource getResource() {
        return telemetry.resource();
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return telemetry.scope();
    }

    @Override
    public long getTimestampEpochNanos() {
        return epochNanos;
    }

    /** The event's own time: the pipeline observed the event when it accepted it. */
    @Override
    public long getObservedTimestampEpochNanos() {
        return epochNanos;
    }

    @Override
    public SpanContext getSpanContext() {
        return context;
    }

    @Override
    public Severity getSeverity() {
        return severity;
    }

    @Override
    public String getSeverityText() {
        return severity.name();
    }

    /** Required by the interface, deprecated there in favour of {@link #getBodyValue()}. */
    @Override
    @Deprecated
    public io.opentelemetry.sdk.logs.data.Body getBody() {
        return io.opentelemetry.sdk.logs.data.Body.string(body);
    }

    @Override
    public Value<?> getBodyValue() {
        return Value.of(body);
    }

    @Override
    public Attributes getAttributes() {
        return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
        return attributes.size();
    }

    @Override
    public String getEventName() {
        return eventName;
    }

    @Override
    public String toString() {
        return "EventLog{" + eventName + ", " + body + "}";
    }
}
