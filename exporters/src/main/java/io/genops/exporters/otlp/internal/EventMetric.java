package io.genops.exporters.otlp.internal;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;

/**
 * One metric of a collection: its identity and an immutable set of points, built with the SDK's public
 * point and data factories ({@code LongPointData.create}, {@code HistogramData.create}, ...).
 */
final class EventMetric implements MetricData {
    private final Telemetry telemetry;
    private final String name;
    private final String description;
    private final String unit;
    private final MetricDataType type;
    private final Data<?> data;

    EventMetric(final Telemetry telemetry, final String name, final String description, final String unit,
        final MetricDataType type, final Data<?> data) {
        this.telemetry = telemetry;
        this.name = name;
        this.description = description;
        this.unit = unit;
        this.type = type;
        this.data = data;
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
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getUnit() {
        return unit;
    }

    @Override
    public MetricDataType getType() {
        return type;
    }

    @Override
    public Data<?> getData() {
        return data;
    }

    @Override
    public String toString() {
        return "EventMetric{" + name + ", " + data.getPoints().size() + " points}";
    }
}
