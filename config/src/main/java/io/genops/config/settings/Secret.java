package io.genops.config.settings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must not be shown: a write key, a header value, a webhook URL that carries a token.
 * {@link #toString()} shows only what is safe ({@code ****}, or a URL's scheme and host), so a secret
 * can sit in a record, a log line or an exception message without leaking; {@link #reveal()} hands
 * the value to the code that sends it.
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;
    private final String shown;

    private Secret(final String value, final String shown) {
        this.value = value;
        this.shown = shown;
    }

    /** A secret shown as {@code ****}. */
    public static Secret of(final String value) {
        return new Secret(Objects.requireNonNull(value, "value"), MASK);
    }

    /** A URL whose scheme and host may be shown, and nothing after them: {@code https://hooks.slack.com/****}. */
    public static Secret url(final URI url) {
        Objects.requireNonNull(url, "url");
        final String host = url.getHost() == null ? "" : url.getHost();
        return new Secret(url.toString(), url.getScheme() + "://" + host + "/" + MASK);
    }

    /** The value itself, for the code that sends it; never log it. */
    public String reveal() {
        return value;
    }

    /** Equal values are equal secrets; compared in constant time. */
    @Override
    public boolean equals(final Object o) {
        return o instanceof Secret && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
            ((Secret)o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form; never the value. */
    @Override
    public String toString() {
        return shown;
    }
}
