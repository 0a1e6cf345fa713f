package io.genops.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * A streaming reader over one JSON document that turns every problem into a {@link PriceTableException}
 * carrying the file, the key path and the line.
 *
 * <p>Each {@code read...} method advances to the next value and reads it, so a format reader is a
 * loop over {@link #nextKey()} that hands each key's value to the right method. Numbers are only
 * ever read as {@link BigDecimal}, from the token's text, so a price is never a binary fraction.
 */
final class JsonCursor implements AutoCloseable {
    /** Duplicate keys are refused: a price listed twice is ambiguous, not "last one wins". */
    static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();

    private final JsonParser parser;
    private final String file;
    /** Set by {@link #peek()}: the next {@link #next()} returns the current token again. */
    private boolean replay;

    private JsonCursor(final JsonParser parser, final String file) {
        this.parser = parser;
        this.file = file;
    }

    static JsonCursor open(final byte[] json, final String file) {
        try {
            return new JsonCursor(FACTORY.createParser(json), file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Requires the document to be an object and enters it. */
    void startDocument() {
        if (next() != JsonToken.START_OBJECT) {
            throw error("a price table must be a JSON object, found " + describe(parser.currentToken()));
        }
    }

    /** Requires that nothing follows the top-level object. */
    void endDocument() {
        if (next() != null) {
            throw error("unexpected content after the end of the top-level object");
        }
    }

    /** Advances onto an object value and enters it. */
    void startObject() {
        expect(JsonToken.START_OBJECT, "an object");
    }

    /** Advances onto an array value and enters it. */
    void startArray() {
        expect(JsonToken.START_ARRAY, "an array");
    }

    /** The next key of the current object, or {@code null} when the object ends. */
    String nextKey() {
        return next() == JsonToken.END_OBJECT ? null : currentName();
    }

    /** Whether the current array has another element; the element itself is left to be read. */
    boolean nextElement() {
        if (next() == JsonToken.END_ARRAY) {
            return false;
        }
        replay = true;
        return true;
    }

    /** The kind of the next value, without consuming it. */
    JsonToken peek() {
        final JsonToken token = next();
        replay = true;
        return token;
    }

    /** Skips the next value, however deeply nested. */
    void skipValue() {
        next();
        try {
            parser.skipChildren();
        } catch (final IOException e) {
            throw failure(e);
        }
    }

    String readString() {
        expect(JsonToken.VALUE_STRING, "a string");
        return text();
    }

    /** Reads a string that must equal {@code expected}; anything else is {@code problem}, naming what was found. */
    void readExpected(final String expected, final String problem) {
        final String value = readString();
        if (!value.equals(expected)) {
            throw error(problem + ", found '" + value + "'");
        }
    }

    /** A JSON number, exactly as written: {@code 2.5e-06} becomes 25 × 10⁻⁷, not a double. */
    BigDecimal readNumber() {
        final JsonToken token = next();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error("expected a number, found " + describe(token));
        }
        try {
            return parser.getDecimalValue();
        } catch (final IOException e) {
            throw failure(e);
        }
    }

    /** A decimal written as a string, such as {@code "2.50"}; the form our own files use for money. */
    BigDecimal readDecimalString() {
        final JsonToken token = next();
        if (token != JsonToken.VALUE_STRING) {
            throw error("expected a decimal string such as \"2.50\", found " + describe(token));
        }
        final String text = text();
        try {
            return new BigDecimal(text.trim());
        } catch (final NumberFormatException e) {
            throw error("\"" + text + "\" is not a decimal number");
        }
    }

    /** A whole, non-negative JSON number, such as a token or interaction count. */
    long readCount() {
        final BigDecimal value = readNumber();
        if (value.signum() < 0) {
            throw error("must not be negative: " + value.toPlainString());
        }
        try {
            return value.longValueExact();
        } catch (final ArithmeticException e) {
            throw error("expected a whole number within 64 bits, found " + value.toPlainString());
        }
    }

    /** The line of the current token, counted from 1. */
    int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** The key path of the current token, such as {@code models.gemini-2.5-pro.tiers[0].input}. */
    String path() {
        final Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
            context = context.getParent()) {
            if (context.inArray()) {
                if (context.hasCurrentIndex()) {
                    segments.push("[" + context.getCurrentIndex() + "]");
                }
            } else if (context.getCurrentName() != null) {
                segments.push(context.getCurrentName());
            }
        }
        final StringBuilder path = new StringBuilder();
        for (final String segment : segments) {
            if (path.length() > 0 && segment.charAt(0) != '[') {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    /** A problem with the current token. */
    PriceTableException error(final String problem) {
        return new PriceTableException(file, path(), line(), problem);
    }

    /** A problem reported at a position recorded earlier, such as a key missing from an object. */
    PriceTableException error(final String key, final int line, final String problem) {
        return new PriceTableException(file, key, line, problem);
    }

    /** The current key is not one of {@code allowed}; suggests the nearest one when it looks like a typo. */
    PriceTableException unknownKey(final Collection<String> allowed) {
        final String key = currentName();
        final String closest = Suggestions.closest(key, allowed);
        final String hint = closest == null ? "" : "; did you mean '" + closest + "'?";
        return error("unknown key '" + key + "'" + hint + " (allowed: " + String.join(", ", allowed) + ")");
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot close the parser of " + file, e);
        }
    }

    private JsonToken next() {
        if (replay) {
            replay = false;
            return parser.currentToken();
        }
        try {
            return parser.nextToken();
        } catch (final IOException e) {
            throw failure(e);
        }
    }

    private void expect(final JsonToken wanted, final String description) {
        final JsonToken token = next();
        if (token != wanted) {
            throw error("expected " + description + ", found " + describe(token));
        }
    }

    private String currentName() {
        try {
            return parser.currentName();
        } catch (final IOException e) {
            throw failure(e);
        }
    }

    private String text() {
        try {
            return parser.getText();
        } catch (final IOException e) {
            throw failure(e);
        }
    }

    /** Malformed JSON as a {@link PriceTableException} at its line; any other I/O failure as it is. */
    private RuntimeException failure(final IOException e) {
        if (!(e instanceof JsonProcessingException)) {
            return new UncheckedIOException("cannot read " + file, e);
        }
        final JsonProcessingException json = (JsonProcessingException)e;
        final int line = json.getLocation() == null ? line() : json.getLocation().getLineNr();
        return new PriceTableException(file, path(), line, "malformed JSON: " + json.getOriginalMessage(), e);
    }

    private static String describe(final JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : "'" + token.asString() + "'";
        }
    }
}
