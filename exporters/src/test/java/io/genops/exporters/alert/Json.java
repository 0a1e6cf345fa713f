package io.genops.exporters.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a JSON body into maps, lists, strings, numbers and booleans, refusing trailing content. */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    public static Object parse(final byte[] body) throws IOException {
        try (JsonParser json = FACTORY.createParser(body)) {
            final Object value = read(json, json.nextToken());
            if (json.nextToken() != null) {
                throw new IOException("content after the first JSON value");
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(final Object value) {
        return (List<Object>) value;
    }

    private static Object read(final JsonParser json, final JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                final Map<String, Object> object = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    final String name = json.currentName();
                    object.put(name, read(json, json.nextToken()));
                }
                return object;
            case START_ARRAY:
                final List<Object> array = new ArrayList<>();
                for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
                    array.add(read(json, next));
                }
                return array;
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
                return json.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return json.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return json.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }
}
