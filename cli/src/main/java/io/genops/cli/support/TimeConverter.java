package io.genops.cli.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time from the command line: an ISO instant ({@code 2026-12-03T10:15:30Z}), a date and
 * time with an offset ({@code 2026-12-03T11:15:30+01:00}), a date and time without one (read as UTC), or
 * a bare date ({@code 2026-12-03}), which means the start of that day in UTC. Journal days are UTC days,
 * so {@code --from 2026-12-03 --to 2026-12-04} is exactly the journal's file of the 3rd.
 */
public final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(final String value) {
        final String text = value.trim();
        try {
            if (text.length() == "2026-12-03".length()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT));
            }
            if (hasOffset(text)) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (final DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither a date such as 2026-12-03 nor an ISO time "
                + "such as 2026-12-03T10:15:30Z");
        }
    }

    /** Whether the text ends in an offset such as {@code +01:00} or {@code -0500} after its time. */
    private static boolean hasOffset(final String text) {
        final int t = text.indexOf('T');
        return t > 0 && (text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0);
    }
}
