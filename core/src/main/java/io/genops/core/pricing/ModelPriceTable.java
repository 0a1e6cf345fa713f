package io.genops.core.pricing;

import io.genops.core.Checks;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Model prices by name, immutable and safe to share between threads.
 *
 * <p>{@link #find(String)} tries the exact name first and then the forms providers commonly report:
 * lower case, without a {@code provider/} prefix, and without a trailing release date
 * ({@code -20240806} or {@code -2024-08-06}). The exact lookup allocates nothing; the fallbacks
 * do, which is why the pipeline puts a {@link PriceCache} in front of this table.
 */
public final class ModelPriceTable {
    private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

    private final String source;
    private final Map<String, ModelPrice> byName;

    private ModelPriceTable(final String source, final Map<String, ModelPrice> byName) {
        this.source = source;
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static ModelPriceTable of(final String source, final Collection<ModelPrice> prices) {
        Checks.nonBlank(source, "source");
        final Map<String, ModelPrice> byName = new LinkedHashMap<>();
        for (final ModelPrice price : prices) {
            if (byName.put(price.model(), price) != null) {
                throw new IllegalArgumentException(source + ": model '" + price.model() + "' is listed twice");
            }
        }
        return new ModelPriceTable(source, byName);
    }

    /** A table with {@code overrides} replacing or adding entries of this one. */
    public ModelPriceTable with(final ModelPriceTable overrides) {
        final Map<String, ModelPrice> merged = new LinkedHashMap<>(byName);
        merged.putAll(overrides.byName);
        return new ModelPriceTable(source + " + " + overrides.source, merged);
    }

    /** Where the table came from, for messages: a file name or {@code "bundled"}. */
    public String source() {
        return source;
    }

    public int size() {
        return byName.size();
    }

    public Collection<ModelPrice> prices() {
        return byName.values();
    }

    /** The price of {@code model} under its exact name or a common variant of it, or {@code null}. */
    public ModelPrice find(final String model) {
        Objects.requireNonNull(model, "model");
        final ModelPrice exact = byName.get(model);
        return exact != null ? exact : findVariant(model);
    }

    private ModelPrice findVariant(final String model) {
        String name = model.toLowerCase(Locale.ROOT);
        ModelPrice price = byName.get(name);
        final int slash = name.lastIndexOf('/');
        if (price == null && slash >= 0) {
            name = name.substring(slash + 1);
            price = byName.get(name);
        }
        if (price == null) {
            final String undated = DATE_SUFFIX.matcher(name).replaceFirst("");
            price = undated.equals(name) ? null : byName.get(undated);
        }
        return price;
    }
}
