package io.genops.core.pricing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded, least-recently-used cache of model-name lookups in front of a {@link ModelPriceTable},
 * remembering misses too so an unknown model costs one lookup, not one per event. The selection of a
 * price tier is arithmetic on the cached entry, so one entry serves every tier of a model.
 *
 * <p>Owned by one thread (the cost stage's): not safe for concurrent use. Hit and miss counts may be
 * read from any thread.
 */
public final class PriceCache {
    private static final ModelPrice UNKNOWN = ModelPrice.of("(unknown)", null, TokenRates.of(0, 0));

    private final ModelPriceTable table;
    private final Map<String, ModelPrice> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public PriceCache(final ModelPriceTable table, final int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("price cache capacity must be positive: " + capacity);
        }
        this.table = table;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, ModelPrice> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The price of {@code model}, or {@code null} when the table has none. */
    public ModelPrice find(final String model) {
        ModelPrice price = entries.get(model);
        if (price != null) {
            hits.lazySet(hits.get() + 1);
        } else {
            misses.lazySet(misses.get() + 1);
            price = table.find(model);
            entries.put(model, price == null ? UNKNOWN : price);
        }
        return price == UNKNOWN ? null : price;
    }

    public ModelPriceTable table() {
        return table;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public int size() {
        return entries.size();
    }
}
