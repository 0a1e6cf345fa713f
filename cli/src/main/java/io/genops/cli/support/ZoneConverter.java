package io.genops.cli.support;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a time zone from the command line: a region id ({@code Europe/Paris}), {@code UTC}, or a fixed
 * offset ({@code +02:00}). The zone is normalized as the configuration normalizes {@code budgetZone}, so
 * {@code UTC}, {@code Etc/UTC} and {@code +00:00} are one zone and print alike (see {@link Text#zone}).
 * Picocli's own conversion would show the JDK's exception class instead of what is allowed.
 */
public final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(final String value) {
        try {
            return ZoneId.of(value.trim()).normalized();
        } catch (final DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a time zone; expected a region id such as "
                + "Europe/Paris, or UTC, or an offset such as +02:00");
        }
    }
}
