package io.genops.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCacheTest {
    private static final ModelPrice A = ModelPrice.of("a", null, TokenRates.of(1, 1));
    private static final ModelPrice B = ModelPrice.of("b", null, TokenRates.of(2, 2));
    private static final ModelPrice C = ModelPrice.of("c", null, TokenRates.of(3, 3));

    private final ModelPriceTable table = ModelPriceTable.of("test", List.of(A, B, C));

    @Test
    void find_sameNameTwice_looksItUpOnceThenHits() {
        final PriceCache cache = new PriceCache(table, 8);

        assertThat(cache.find("a")).isSameAs(A);
        assertThat(cache.find("a")).isSameAs(A);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void find_variantName_isCachedUnderTheNameAsAsked() {
        final PriceCache cache = new PriceCache(table, 8);

        assertThat(cache.find("Vendor/A")).isSameAs(A);
        assertThat(cache.find("Vendor/A")).isSameAs(A);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void find_unknownModel_isRememberedAsAMissOnce() {
        final PriceCache cache = new PriceCache(table, 8);

        assertThat(cache.find("nope")).isNull();
        assertThat(cache.find("nope")).isNull();
        assertThat(cache.find("nope")).isNull();
        assertThat(cache.misses()).as("one table lookup").isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void find_beyondCapacity_evictsTheLeastRecentlyUsed() {
        final PriceCache cache = new PriceCache(table, 2);
        cache.find("a");
        cache.find("b");
        cache.find("a");

        cache.find("c");

        assertThat(cache.size()).isEqualTo(2);
        cache.find("a");
        assertThat(cache.hits()).as("a stayed: it was used after b").isEqualTo(2);
        cache.find("b");
        assertThat(cache.misses()).as("b was evicted and looked up again").isEqualTo(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void find_manyDistinctNames_neverHoldsMoreThanItsCapacity() {
        final PriceCache cache = new PriceCache(table, 16);

        for (int i = 0; i < 10_000; i++) {
            cache.find("unknown-" + i);
        }

        assertThat(cache.size()).isEqualTo(16);
        assertThat(cache.misses()).isEqualTo(10_000);
    }

    @Test
    void new_nonPositiveCapacity_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PriceCache(table, 0))
            .withMessage("price cache capacity must be positive: 0");
    }
}
