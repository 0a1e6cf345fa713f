package io.genops.cli.prices;

import io.genops.cli.support.Table;
import io.genops.config.PriceTables;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genops prices}: the model price table the pipeline and replays use, or one model's rates. */
@Command(name = "prices",
    header = "Lists model prices per million tokens, bundled or from a file.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Lists model prices in USD per million tokens: input (not cached), cache read, cache write, output (not "
            + "reasoning) and reasoning, with long-context tiers. The bundled table by default, or a file: "
            + "LiteLLM's model_prices_and_context_window.json or a genops-model-prices/1 file, checked as the "
            + "pipeline would read it.",
        ""},
    footer = {"", "Exit status: 0 when the prices were printed, 1 when the file has errors (file:line: key: "
            + "problem) or the model has no price, 2 for bad options."})
public final class PricesCommand implements Callable<Integer> {
    private static final int SUGGESTIONS = 5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", order = 1,
        description = "a model price file (default: the bundled table)")
    private Path file;

    @Option(names = "--model", paramLabel = "NAME", order = 2,
        description = "only this model, found as the pipeline finds it (provider prefixes and date suffixes "
            + "ignored)")
    private String model;

    @Override
    public Integer call() {
        final ModelPriceTable table = file == null ? PriceTables.bundledModels() : PriceTables.readModels(file);
        final PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            out.printf(Locale.ROOT, "Model prices of %s: %d models, USD per million tokens%n", table.source(),
                table.size());
            final List<ModelPrice> prices = table.prices().stream()
                .sorted(Comparator.comparing(ModelPrice::model)).collect(Collectors.toList());
            print(out, prices);
            return 0;
        }
        final ModelPrice price = table.find(model);
        if (price == null) {
            throw new IllegalArgumentException("no price for model '" + model + "' in " + table.source()
                + suggestions(table, model));
        }
        out.printf(Locale.ROOT, "%s in %s%s, USD per million tokens%n", price.model(), table.source(),
            price.provider() == null ? "" : " (provider " + price.provider() + ")");
        print(out, List.of(price));
        return 0;
    }

    private static void print(final PrintWriter out, final List<ModelPrice> prices) {
        final Table table = new Table("model", "provider", "input", "cache read", "cache write", "output",
            "reasoning").leftAligned(2);
        for (final ModelPrice price : prices) {
            rates(table, price.model(), price.provider() == null ? "-" : price.provider(), price.base());
            for (final ModelPrice.Tier tier : price.tiers()) {
                rates(table, String.format(Locale.ROOT, "  above %,d input tokens", tier.aboveInputTokens()), "",
                    tier.rates());
            }
        }
        table.print(out);
        out.flush();
    }

    private static void rates(final Table table, final String label, final String provider, final TokenRates rates) {
        table.row(label, provider, perMillion(rates.inputPicos()), perMillion(rates.cacheReadPicos()),
            perMillion(rates.cacheCreationPicos()), perMillion(rates.outputPicos()),
            perMillion(rates.reasoningPicos()));
    }

    /** Picounits (1e-12 USD) per token are micro-USD per million tokens: exact, at least two decimals. */
    static String perMillion(final long picosPerToken) {
        BigDecimal value = BigDecimal.valueOf(picosPerToken, 6).stripTrailingZeros();
        if (value.scale() < 2) {
            value = value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return value.toPlainString();
    }

    private static String suggestions(final ModelPriceTable table, final String name) {
        final String wanted = name.toLowerCase(Locale.ROOT);
        final List<String> similar = table.prices().stream().map(ModelPrice::model)
            .filter(known -> known.toLowerCase(Locale.ROOT).contains(wanted)
                || wanted.contains(known.toLowerCase(Locale.ROOT)))
            .sorted().limit(SUGGESTIONS).collect(Collectors.toList());
        return similar.isEmpty() ? "; 'genops prices' lists them all" : "; similar: " + String.join(", ", similar);
    }
}
