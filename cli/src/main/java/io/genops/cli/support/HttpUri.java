package io.genops.cli.support;

import io.genops.core.UrlText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the address of a server: an absolute {@code http} or {@code https} URL with a host, such as
 * {@code http://localhost:4318}, without user information, a query or a fragment. Credentials go in
 * headers or in the environment, never in a URL that is printed and kept in shell history; so a URL
 * that carries them is bad usage, and the message does not repeat it.
 */
public final class HttpUri implements ITypeConverter<URI> {
    @Override
    public URI convert(final String value) {
        return parse(value, false);
    }

    /**
     * A webhook's URL, which may carry its own token in the path or the query (a chat's incoming webhook
     * is its own credential); user information is still refused, and a message shows the scheme and the host
     * at most, as {@code https://hooks.example.com/****}.
     */
    public static final class Webhook implements ITypeConverter<URI> {
        @Override
        public URI convert(final String value) {
            return parse(value, true);
        }
    }

    private static URI parse(final String value, final boolean webhook) {
        final String text = value.trim();
        if (UrlText.carriesUserInfo(text)) {
            throw new TypeConversionException("the URL carries user information (not shown); give credentials in "
                + "the environment or a header, not in the URL");
        }
        final URI uri;
        try {
            uri = new URI(text);
        } catch (final URISyntaxException e) {
            throw new TypeConversionException("the text is not a URL (" + e.getReason() + ")");
        }
        if (!webhook && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            throw new TypeConversionException("the URL has a query or a fragment (not shown), which a server's "
                + "address does not take");
        }
        final String shown = webhook ? masked(uri) : "'" + value + "'";
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TypeConversionException(shown + " is not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new TypeConversionException(shown + " names no host");
        }
        return uri;
    }

    /** A webhook URL as a message may show it: its scheme and host, the rest masked as configuration masks it. */
    private static String masked(final URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "the URL (not shown)";
        }
        return "'" + uri.getScheme() + "://" + uri.getHost() + "/****'";
    }
}
