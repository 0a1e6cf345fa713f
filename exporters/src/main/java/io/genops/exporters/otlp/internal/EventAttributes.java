package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The attributes of one span or log record, in the order they were put. The SDK's own builder sorts
 * and de-duplicates its keys on every {@code build()}, which for thirty-odd attributes on every
 * sampled event is a large share of the exporter's work; the mapping puts each key at most once, so
 * this keeps them as they come. It equals any {@link Attributes} holding the same pairs (the SDK's own
 * class compares by class, so from its side the comparison is false).
 */
final class EventAttributes implements Attributes {
    private final AttributeKey<?>[] keys;
    private final Object[] values;
    private final int size;

    private EventAttributes(final AttributeKey<?>[] keys, final Object[] values, final int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(final AttributeKey<T> key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return (T)values[i];
            }
        }
        return null;
    }

    @Override
    public void forEach(final BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
        for (int i = 0; i < size; i++) {
            consumer.accept(keys[i], values[i]);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Map<AttributeKey<?>, Object> asMap() {
        final Map<AttributeKey<?>, Object> map = new LinkedHashMap<>(size * 2);
        forEach(map::put);
        return Collections.unmodifiableMap(map);
    }

    @Override
    public AttributesBuilder toBuilder() {
        return Attributes.builder().putAll(this);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Attributes attributes && asMap().equals(attributes.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /**
     * Collects the pairs; each key is put at most once, and a {@code null} value is left out. One builder
     * serves one attribute set after another: {@link #build()} copies what it holds, {@link #reset()}
     * empties it.
     */
    static final class Builder {
        private AttributeKey<?>[] keys = new AttributeKey<?>[40];
        private Object[] values = new Object[40];
        private int size;
        /**
         * By size, the keys of the last set built with that many: sets are immutable, so one whose keys come
         * in the same order shares them. Spans of interactions mostly carry the same keys, and a copy of
         * them was a third of what each span allocated.
         */
        private AttributeKey<?>[][] lastKeys = new AttributeKey<?>[41][];

        Builder reset() {
            Arrays.fill(values, 0, size, null);
            size = 0;
            return this;
        }

        <T> Builder put(final AttributeKey<T> key, final T value) {
            if (value == null) {
                return this;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = Objects.requireNonNull(key, "key");
            values[size] = value;
            size++;
            return this;
        }

        EventAttributes build() {
            if (size >= lastKeys.length) {
                lastKeys = Arrays.copyOf(lastKeys, size + 1);
            }
            AttributeKey<?>[] shared = lastKeys[size];
            if (shared == null || !sameKeys(shared)) {
                shared = Arrays.copyOf(keys, size);
                lastKeys[size] = shared;
            }
            return new EventAttributes(shared, Arrays.copyOf(values, size), size);
        }

        /** Whether {@code shared} holds the keys put, in order; keys are constants, compared as instances. */
        private boolean sameKeys(final AttributeKey<?>[] shared) {
            for (int i = 0; i < size; i++) {
                if (shared[i] != keys[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
