package io.genops.exporters.internal.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks webhook endpoints and renders them safe to print. Webhook addresses often carry their secret
 * in the path or the query (a Slack incoming-webhook URL is its own credential), so only the scheme,
 * host and port are ever shown; the rest becomes {@code ***}.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** Requires an absolute http or https URI with a host and no user information. */
    public static URI checked(final URI endpoint, final String field) {
        Objects.requireNonNull(endpoint, field);
        final String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(field + " must be an http or https URI, not scheme '"
                + (endpoint.getScheme() == null ? "" : endpoint.getScheme()) + "'");
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException(field + " must name a host: " + redacted(endpoint));
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + " must not carry user information; send credentials with "
                + "header(\"Authorization\", ...) instead");
        }
        try {
            HttpRequest.newBuilder(endpoint);
        } catch (final IllegalArgumentException e) {
            // The JDK's message repeats the whole URI, which may hold a secret: name only the safe part.
            throw new IllegalArgumentException(field + " is refused by the JDK HTTP client: " + redacted(endpoint));
        }
        return endpoint;
    }

    /** {@code scheme://host:port/***}: the address without anything that may be a secret. */
    public static String redacted(final URI endpoint) {
        final StringBuilder text = new StringBuilder();
        text.append(endpoint.getScheme()).append("://").append(endpoint.getHost());
        if (endpoint.getPort() != -1) {
            text.append(':').append(endpoint.getPort());
        }
        final String path = endpoint.getRawPath();
        final boolean hidden = path != null && !path.isEmpty() && !path.equals("/")
            || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null;
        return text.append(hidden ? "/***" : "/").toString();
    }
}
