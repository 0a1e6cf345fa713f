package io.genops.exporters.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final Backoff backoff = new Backoff(100 * MS, 1_000 * MS);

    @Test
    void ceiling_doublesPerRetryUpToMax() {
        assertThat(backoff.ceilingNanos(1)).isEqualTo(100 * MS);
        assertThat(backoff.ceilingNanos(2)).isEqualTo(200 * MS);
        assertThat(backoff.ceilingNanos(4)).isEqualTo(800 * MS);
        assertThat(backoff.ceilingNanos(5)).isEqualTo(1_000 * MS);
        assertThat(backoff.ceilingNanos(Integer.MAX_VALUE)).isEqualTo(1_000 * MS);
    }

    @Test
    void delay_withoutRetryAfter_liesInTheUpperHalfOfTheCeilingAndVaries() {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] seen = new long[200];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = backoff.delayNanos(3, -1, random);
            assertThat(seen[i]).isBetween(200 * MS, 400 * MS);
        }
        assertThat(java.util.Arrays.stream(seen).distinct().count()).isGreaterThan(150);
    }

    @Test
    void delay_withRetryAfter_followsItUpToMax() {
        final SplittableRandom random = new SplittableRandom(7);
        assertThat(backoff.delayNanos(1, 0, random)).isZero();
        assertThat(backoff.delayNanos(1, 700 * MS, random)).isEqualTo(700 * MS);
        assertThat(backoff.delayNanos(1, 30_000 * MS, random)).isEqualTo(1_000 * MS);
        assertThat(backoff.delayNanos(1, Long.MAX_VALUE, random)).isEqualTo(1_000 * MS);
    }

    @Test
    void parseRetryAfter_readsSecondsAndHttpDates() {
        final long now = Instant.parse("2026-12-03T10:15:30Z").toEpochMilli();
        assertThat(Backoff.parseRetryAfterNanos("1", now)).isEqualTo(1_000 * MS);
        assertThat(Backoff.parseRetryAfterNanos(" 120 ", now)).isEqualTo(120_000 * MS);
        assertThat(Backoff.parseRetryAfterNanos("99999999999999999999", now)).isEqualTo(Long.MAX_VALUE);
        assertThat(Backoff.parseRetryAfterNanos("Thu, 03 Dec 2026 10:15:35 GMT", now)).isEqualTo(5_000 * MS);
        assertThat(Backoff.parseRetryAfterNanos("Thu, 03 Dec 2026 10:00:00 GMT", now)).isZero();
    }

    @Test
    void parseRetryAfter_absentOrUnreadable_isMinusOne() {
        assertThat(Backoff.parseRetryAfterNanos(null, 0)).isEqualTo(-1);
        assertThat(Backoff.parseRetryAfterNanos("", 0)).isEqualTo(-1);
        assertThat(Backoff.parseRetryAfterNanos("-1", 0)).isEqualTo(-1);
        assertThat(Backoff.parseRetryAfterNanos("soon", 0)).isEqualTo(-1);
        assertThat(Backoff.parseRetryAfterNanos("1.5", 0)).isEqualTo(-1);
    }
}
