package io.genops.exporters.otlp.internal;

import io.genops.core.Checks;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks of the OTLP exporter's settings, each with a message that names the setting and what is
 * wrong; a header's value never appears in a message.
 */
public final class Checked {
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Checked() {
    }

    /** An absolute http or https URI with a host, without user information, query or fragment. */
    public static URI endpoint(final URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        final String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("endpoint must be an absolute http or https URI: " + shown(endpoint));
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host: " + shown(endpoint));
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint must not hold user information; send credentials as a "
                + "header: " + shown(endpoint));
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must not have a query or a fragment: " + shown(endpoint));
        }
        return endpoint;
    }

    /** The endpoint as it may be shown: scheme, host, port and path, never user information or query. */
    public static String shown(final URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getRawAuthority() == null) {
            return "(not an absolute URI)";
        }
        final String host = endpoint.getHost() == null ? "?" : endpoint.getHost();
        final String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        final String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + host + port + path;
    }

    public static void header(final String name, final String value) {
        Checks.nonBlank(name, "header name");
        Objects.requireNonNull(value, "header '" + name + "' value");
        if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0))) {
            throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
        }
        if (!value.chars().allMatch(c -> c == '\t' || c >= ' ' && c != 127 && c <= 255)) {
            throw new IllegalArgumentException("header '" + name + "' value holds a control character (CR, LF, ...) "
                + "or a character beyond Latin-1");
        }
    }

    /** A positive duration of at most {@code max}. */
    public static Duration positive(final Duration value, final Duration max, final String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be at most " + max + ": " + value);
        }
        return value;
    }

    /** The bytes of a PEM file, read now; a missing or unreadable file is refused with the setting's name. */
    public static byte[] pem(final Path file, final String field) {
        if (file == null) {
            return null;
        }
        try {
            final byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new IllegalArgumentException(field + " file " + file + " is empty");
            }
            return bytes;
        } catch (final IOException e) {
            throw new IllegalArgumentException(field + " file " + file + " cannot be read: "
                + e.getClass().getSimpleName(), e);
        }
    }
}
