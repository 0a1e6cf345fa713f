package io.genops.config;

import static io.genops.config.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.money.Money;
import io.genops.core.pricing.PlatformPriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPricesTest {
    private static final int NO_DISCOUNT = 0;

    private final PlatformPriceTable table = PriceTables.bundledPlatform();

    @Test
    void shouldPriceAnEnterpriseAlertToSixChannelsAtTheCheckedValue() {
        // (0.05 + 0.10) × enterprise 4.0 × more than five channels 2.0
        assertThat(usd(table.alertNanos(Complexity.ENTERPRISE, 6, NO_DISCOUNT))).isEqualTo(Money.usd("1.20"));
    }

    @Test
    void shouldPriceAnEnterpriseRealtimeSignalAtTheCheckedValue() {
        // 0.01 × enterprise 3.0 × realtime 2.5
        assertThat(usd(table.signalNanos(Complexity.ENTERPRISE, Frequency.REALTIME, NO_DISCOUNT)))
            .isEqualTo(Money.usd("0.075"));
    }

    @Test
    void shouldPriceAModerateInteractionByItsPayloadBand() {
        // 0.001 × moderate 1.5 × a band factor: 1.2 below 10k characters, 1.0 below 1k, 2.0 from 100k
        assertThat(usd(table.interactionNanos(Complexity.MODERATE, 5_000, NO_DISCOUNT))).isEqualTo(Money.usd("0.0018"));
        assertThat(usd(table.interactionNanos(Complexity.MODERATE, 999, NO_DISCOUNT))).isEqualTo(Money.usd("0.0015"));
        assertThat(usd(table.interactionNanos(Complexity.MODERATE, 100_000, NO_DISCOUNT)))
            .isEqualTo(Money.usd("0.003"));
    }

    @Test
    void shouldBandAlertChannelsAtOneThreeAndSix() {
        assertThat(usd(table.alertNanos(Complexity.SIMPLE, 0, NO_DISCOUNT))).isEqualTo(Money.usd("0.15"));
        assertThat(usd(table.alertNanos(Complexity.SIMPLE, 2, NO_DISCOUNT))).isEqualTo(Money.usd("0.18"));
        assertThat(usd(table.alertNanos(Complexity.SIMPLE, 3, NO_DISCOUNT))).isEqualTo(Money.usd("0.225"));
        assertThat(usd(table.alertNanos(Complexity.SIMPLE, 5, NO_DISCOUNT))).isEqualTo(Money.usd("0.225"));
    }

    @Test
    void shouldEarnEachVolumeDiscountFromItsThreshold() {
        assertThat(table.discountTier(999)).isZero();
        assertThat(table.discount(table.discountTier(1_000))).isEqualByComparingTo("0.05");
        assertThat(table.discount(table.discountTier(10_000))).isEqualByComparingTo("0.10");
        assertThat(table.discount(table.discountTier(100_000))).isEqualByComparingTo("0.15");
        assertThat(table.discount(table.discountTier(1_000_000))).isEqualByComparingTo("0.25");
        assertThat(table.discount(table.discountTier(Long.MAX_VALUE))).isEqualByComparingTo(new BigDecimal("0.25"));
    }

    @Test
    void shouldTakeAQuarterOffAtAMillionInteractionsAMonth() {
        final int tier = table.discountTier(1_000_000);

        assertThat(usd(table.interactionNanos(Complexity.SIMPLE, 0, tier))).isEqualTo(Money.usd("0.00075"));
        assertThat(usd(table.alertNanos(Complexity.ENTERPRISE, 6, tier))).isEqualTo(Money.usd("0.90"));
    }

    @Test
    void shouldReadTheSameTableFromAFileOrAStream() throws IOException {
        final PlatformPriceTable fromStream;
        try (InputStream in = PriceTables.class.getResourceAsStream(PriceTables.PLATFORM_RESOURCE)) {
            fromStream = PriceTables.readPlatform(in, "platform.json");
        }

        assertThat(fromStream.signalNanos(Complexity.COMPLEX, Frequency.LOW, NO_DISCOUNT))
            .isEqualTo(table.signalNanos(Complexity.COMPLEX, Frequency.LOW, NO_DISCOUNT))
            .isEqualTo(16_000_000);
    }

    private static Money usd(final long nanos) {
        return Money.usdNanos(nanos);
    }

    /** Each broken file is a copy of the bundled one with one edit, so only that edit can be at fault. */
    @Nested
    class BadFiles {
        @TempDir
        Path dir;

        @Test
        void shouldRefuseAMissingComplexityLevel() throws IOException {
            final Path file = edited("\"complex\": \"2.5\", \"enterprise\": \"4.0\"", "\"complex\": \"2.5\"");

            assertRefused(file, PriceTables::readPlatform, "alert.complexity.enterprise", 21,
                "required key 'enterprise' is missing");
        }

        @Test
        void shouldRefuseAnUnknownFrequencyAndListTheKnownOnes() throws IOException {
            final Path file = edited("\"realtime\": \"2.5\"", "\"real-time\": \"2.5\"");

            assertRefused(file, PriceTables::readPlatform, "signal.frequency.real-time", 17,
                "did you mean 'realtime'? (allowed: low, standard, high, realtime)");
        }

        @Test
        void shouldRefuseBandsOutOfOrder() throws IOException {
            final Path file = edited("{\"below\": 3, \"factor\": \"1.2\"}", "{\"below\": 7, \"factor\": \"1.2\"}");

            assertRefused(file, PriceTables::readPlatform, "alert.channels[2].below", 25, "bounds must ascend");
        }

        @Test
        void shouldRefuseAClosedLastBand() throws IOException {
            final Path file = edited("{\"factor\": \"2.0\"}\n        ]\n    },\n    \"signal\"",
                "{\"below\": 200000, \"factor\": \"2.0\"}\n        ]\n    },\n    \"signal\"");

            assertRefused(file, PriceTables::readPlatform, "interaction.payload_chars", 12, "must leave out 'below'");
        }

        @Test
        void shouldRefuseADiscountAboveOne() throws IOException {
            final Path file = edited("\"discount\": \"0.25\"", "\"discount\": \"25\"");

            assertRefused(file, PriceTables::readPlatform, "volume_discounts[3].discount", 33, "write 5 % as 0.05");
        }

        @Test
        void shouldRefuseANegativeBasePart() throws IOException {
            final Path file = edited("[\"0.05\", \"0.10\"]", "[\"0.05\", \"-0.10\"]");

            assertRefused(file, PriceTables::readPlatform, "alert.base[1]", 20, "price -0.10 is negative");
        }

        @Test
        void shouldRefuseAMisspelledSection() throws IOException {
            final Path file = edited("\"format\"", "\"formats\"");

            assertRefused(file, PriceTables::readPlatform, "formats", 2, "did you mean 'format'?");
        }

        private Path edited(final String original, final String replacement) throws IOException {
            final String bundled;
            try (InputStream in = PriceTables.class.getResourceAsStream(PriceTables.PLATFORM_RESOURCE)) {
                bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(bundled).as("the edit must apply").contains(original);
            final Path file = dir.resolve("platform.json");
            Files.writeString(file, bundled.replace(original, replacement));
            return file;
        }
    }
}
