package io.genops.cli.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an absolute {@code http} or {@code https} URL with a host, such as {@code http://localhost:4318}. */
public final class HttpUri implements ITypeConverter<URI> {
    @Override
    public URI convert(final String value) {
        final URI uri;
        try {
            uri = new URI(value.trim());
        } catch (final URISyntaxException e) {
            throw new TypeConversionException("'" + value + "' is not a URL: " + e.getReason());
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TypeConversionException("'" + value + "' is not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new TypeConversionException("'" + value + "' names no host");
        }
        return uri;
    }
}
