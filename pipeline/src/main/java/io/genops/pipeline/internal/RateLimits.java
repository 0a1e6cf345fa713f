package io.genops.pipeline.internal;

import io.genops.pipeline.RateLimitScope;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events-per-second limits per team and per agent, checked on the callers' threads without locks.
 *
 * <p>Each key has a generic cell rate limiter: one {@link AtomicLong} holding the theoretical arrival
 * time of the next event. An event is admitted when that time is less than a second of tolerance
 * ahead of now (so a key may burst one second's worth of events), and advances it by one emission
 * interval with a compare-and-set. Keys are tracked up to a cap; past it, new keys are not limited.
 */
public final class RateLimits {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<RateLimitScope, Map<String, Long>> explicit = new EnumMap<>(RateLimitScope.class);
    private final long[] defaults = new long[RateLimitScope.values().length];
    private final Map<RateLimitScope, Map<String, Limiter>> limiters = new EnumMap<>(RateLimitScope.class);
    private final int maxKeys;
    private final AtomicInteger keys = new AtomicInteger();
    private final boolean active;

    /** {@code limits}: scope to key to events per second, where the key {@code "*"} sets the default. */
    public RateLimits(final Map<RateLimitScope, Map<String, Long>> limits, final int maxKeys) {
        this.maxKeys = maxKeys;
        boolean any = false;
        for (final RateLimitScope scope : RateLimitScope.values()) {
            final Map<String, Long> perKey = limits.getOrDefault(scope, Map.of());
            explicit.put(scope, perKey);
            defaults[scope.ordinal()] = perKey.getOrDefault("*", 0L);
            limiters.put(scope, new ConcurrentHashMap<>());
            any |= !perKey.isEmpty();
        }
        this.active = any;
    }

    public boolean active() {
        return active;
    }

    /**
     * Admits one event of {@code key}, or names the scope that refused it; {@code null} when admitted.
     * Allocation-free once the key is known.
     */
    Limiter refusing(final RateLimitScope scope, final String key, final long nowNanos) {
        if (key == null) {
            return null;
        }
        final Limiter limiter = limiterFor(scope, key);
        return limiter == null || limiter.tryAcquire(nowNanos) ? null : limiter;
    }

    /** Whether an event of {@code key} would be admitted now, without taking its place. */
    public boolean wouldAdmit(final RateLimitScope scope, final String key, final long nowNanos) {
        final Limiter limiter = key == null ? null : limiterFor(scope, key);
        return limiter == null || limiter.wouldAdmit(nowNanos);
    }

    private Limiter limiterFor(final RateLimitScope scope, final String key) {
        final Map<String, Limiter> known = limiters.get(scope);
        final Limiter limiter = known.get(key);
        if (limiter != null) {
            return limiter;
        }
        final Long rate = explicit.get(scope).get(key);
        final long eventsPerSecond = rate != null ? rate : defaults[scope.ordinal()];
        if (eventsPerSecond <= 0 || (rate == null && keys.get() >= maxKeys)) {
            return null;
        }
        return known.computeIfAbsent(key, k -> {
            keys.incrementAndGet();
            return new Limiter(scope.label() + "=" + k, eventsPerSecond);
        });
    }

    /** One key's limiter. */
    static final class Limiter {
        final String label;
        final long eventsPerSecond;
        private final long intervalNanos;
        private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE);

        Limiter(final String label, final long eventsPerSecond) {
            this.label = label;
            this.eventsPerSecond = eventsPerSecond;
            this.intervalNanos = Math.max(1, NANOS_PER_SECOND / eventsPerSecond);
        }

        boolean tryAcquire(final long nowNanos) {
            while (true) {
                final long arrival = theoreticalArrival.get();
                final long start = arrival == Long.MIN_VALUE || arrival - nowNanos < 0 ? nowNanos : arrival;
                if (start - nowNanos >= NANOS_PER_SECOND) {
                    return false;
                }
                if (theoreticalArrival.compareAndSet(arrival, start + intervalNanos)) {
                    return true;
                }
            }
        }

        boolean wouldAdmit(final long nowNanos) {
            final long arrival = theoreticalArrival.get();
            return arrival == Long.MIN_VALUE || arrival - nowNanos < NANOS_PER_SECOND;
        }
    }
}
