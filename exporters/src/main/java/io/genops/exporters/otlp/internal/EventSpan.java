package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/**
 * A finished span built from one journaled interaction or closed session: immutable, without events or links, never
 * dropping an attribute. It goes straight to the OTLP span exporter; no tracer or span processor of
 * the SDK is involved.
 */
final class EventSpan implements SpanData {
    private final String name;
    private final SpanContext context;
    private final SpanContext parent;
    private final StatusData status;
    private final long startEpochNanos;
    private final long endEpochNanos;
    private final Attributes attributes;
    private final Telemetry telemetry;

    EventSpan(final String name, final SpanContext context, final SpanContext parent, final StatusData status,
        final long startEpochNanos, final long endEpochNanos, final Attributes attributes, final Telemetry telemetry) {
        this.name = name;
        this.context = context;
        this.parent = parent;
        this.status = status;
        this.startEpochNanos = startEpochNanos;
        this.endEpochNanos = endEpochNanos;
        this.attributes = attributes;
        this.telemetry = telemetry;
    }

    @Override
    public String getName() {
        return name;
    }

    /** {@code INTERNAL}: the interaction is recorded by the application that made it, not by a client library. */
    @Override
    public SpanKind getKind() {
        return SpanKind.INTERNAL;
    }

    @Override
    public SpanContext getSpanContext() {
        return context;
    }

    /** The session's span for an interaction of a session; invalid (a root) otherwise. See the exporter's javadoc. */
    @Override
    public SpanContext getParentSpanContext() {
        return parent;
    }

    @Override
    public StatusData getStatus() {
        return status;
    }

    @Override
    public long getStartEpochNanos() {
        return startEpochNanos;
    }

    @Override
    public Attributes getAttributes() {
        return attributes;
    }

    @Override
    public List<EventData> getEvents() {
        return List.of();
    }

    @Override
    public List<LinkData> getLinks() {
        return List.of();
    }

    @Override
    public long getEndEpochNanos() {
        return endEpochNanos;
    }

    @Override
    public boolean hasEnded() {
        return true;
    }

    @Override
    public int getTotalRecordedEvents() {
        return 0;
    }

    @Override
    public int getTotalRecordedLinks() {
        return 0;
    }

    @Override
    public int getTotalAttributeCount() {
        return attributes.size();
    }

    /** Required by the interface, deprecated there in favour of {@link #getInstrumentationScopeInfo()}. */
    @Override
    @Deprecated
    public io.opentelemetry.sdk.common.InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
        final InstrumentationScopeInfo scope = telemetry.scope();
        return io.opentelemetry.sdk.common.InstrumentationLibraryInfo.create(scope.getName(), scope.getVersion());
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return telemetry.scope();
    }

    @Override
    public Resource getResource() {
        return telemetry.resource();
    }

    @Override
    public String toString() {
        return "EventSpan{" + name + ", " + context.getTraceId() + "/" + context.getSpanId() + "}";
    }
}
