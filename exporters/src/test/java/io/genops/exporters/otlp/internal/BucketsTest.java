package io.genops.exporters.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    @Test
    void record_countsAValueOnABoundInTheBucketBelow_asOpenTelemetryDefinesIt() {
        final Buckets buckets = new Buckets(List.of(1d, 10d));

        buckets.record(0.5);
        buckets.record(1);
        buckets.record(1.0001);
        buckets.record(10);
        buckets.record(11);

        final HistogramPointData point = buckets.point(1, 2, Attributes.empty());
        assertThat(point.getCounts()).containsExactly(2L, 2L, 1L);
        assertThat(point.getCount()).isEqualTo(5);
        assertThat(point.getSum()).isEqualTo(23.5001);
        assertThat(point.getMin()).isEqualTo(0.5);
        assertThat(point.getMax()).isEqualTo(11);
        assertThat(point.getBoundaries()).containsExactly(1d, 10d);
    }

    @Test
    void anEmptyHistogram_hasNoMinOrMax() {
        final HistogramPointData point = new Buckets(Buckets.DURATION_SECONDS).point(1, 2, Attributes.empty());
        assertThat(point.hasMin()).isFalse();
        assertThat(point.hasMax()).isFalse();
        assertThat(point.getCounts()).hasSize(Buckets.DURATION_SECONDS.size() + 1);
    }
}
