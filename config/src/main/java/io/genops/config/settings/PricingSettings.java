package io.genops.config.settings;

import io.genops.core.money.CurrencyTable;
import io.genops.core.money.Money;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.UnknownModelPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prices: where model and platform prices come from (read and checked when the configuration loads),
 * what happens to a model without a price, the price cache and exchange rates.
 *
 * @param litellmFile   LiteLLM's {@code model_prices_and_context_window.json}, replacing the bundled models
 * @param modelFile     a table in our own format, whose entries replace or add to the models above
 * @param platformFile  platform prices in our own format, replacing the bundled ones
 * @param unknownModel  what happens to an interaction whose model has no price
 * @param cacheCapacity model-name lookups kept in the price cache
 * @param estimate      the fixed cost per interaction callers use instead of pricing it, or empty to price exactly
 * @param reconcileEvery interactions after which estimates are reconciled with exact costs in the budgets
 * @param currencies    exchange rates from USD
 * @param modelPrices   the model table these settings give
 * @param platformPrices the platform table these settings give
 */
public record PricingSettings(Optional<Path> litellmFile, Optional<Path> modelFile, Optional<Path> platformFile,
    UnknownModelPolicy unknownModel, int cacheCapacity, Optional<Money> estimate, int reconcileEvery,
    CurrencyTable currencies, ModelPriceTable modelPrices, PlatformPriceTable platformPrices) {
    /** Names the files rather than printing the tables. */
    @Override
    public String toString() {
        return "PricingSettings[models=" + modelPrices.source() + " (" + modelPrices.size() + " models), platform="
            + platformFile.map(Path::toString).orElse("bundled") + ", unknownModel=" + unknownModel
            + ", cacheCapacity=" + cacheCapacity + ", estimate=" + estimate.map(Money::toString).orElse("none")
            + ", reconcileEvery=" + reconcileEvery + ", currencies=" + currencies.rates() + ']';
    }
}
