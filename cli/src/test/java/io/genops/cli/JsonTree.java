package io.genops.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into maps, lists, strings, {@code Long}s, {@code Double}s and booleans with
 * jackson-core alone, so tests can look into the CLI's {@code --json} output. Integers stay exact.
 */
public final class JsonTree {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTree() {
    }

    /** The single top-level object of {@code text}; anything after it is an error. */
    public static Map<String, Object> object(final String text) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + text);
            }
            final Map<String, Object> object = readObject(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value in: " + text);
            }
            return object;
        }
    }

    private static Object read(final JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                return readArray(parser);
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        }
    }

    private static Map<String, Object> readObject(final JsonParser parser) throws IOException {
        final Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            final String name = parser.currentName();
            parser.nextToken();
            object.put(name, read(parser));
        }
        return object;
    }

    private static List<Object> readArray(final JsonParser parser) throws IOException {
        final List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser));
        }
        return array;
    }
}
