package io.genops.config.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a YAML or JSON configuration file into entries, each with the line it is on. Nested objects and
 * dotted keys are the same thing ({@code pipeline: {ring-size: 4096}} is {@code pipeline.ring-size: 4096}),
 * and the leading {@code genops} level is optional, so a file may be a section of a larger one.
 *
 * <p>Reading goes on past a bad value, so a file's problems come out together; only malformed YAML or
 * JSON stops it. Parser messages are cut to their first line and stripped of quoted text, as the
 * offending line may hold a secret.
 */
final class ConfigFile {
    /** The names looked for in the working directory, in this order. */
    static final List<String> NAMES = List.of("genops.yaml", "genops.yml", "genops.json");

    private static final JsonFactory JSON = JsonFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    private static final String ROOT = "genops";

    private final String file;
    private final boolean json;
    private final Problems problems;
    private final List<RawEntry> entries = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private JsonParser parser;

    private ConfigFile(final String file, final boolean json, final Problems problems) {
        this.file = file;
        this.json = json;
        this.problems = problems;
    }

    /** The entries of {@code path}; problems go to {@code problems}, a file that cannot be read among them. */
    static List<RawEntry> read(final Path path, final Source namedBy, final Problems problems) {
        final boolean json = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        final ConfigFile reader = new ConfigFile(path.toString(), json, problems);
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (final IOException e) {
            problems.add(ConfigKeys.CONFIG_FILE.name(), namedBy, "cannot read " + path + " ("
                + e.getClass().getSimpleName() + ")", "a readable YAML or JSON file");
            return List.of();
        }
        reader.parse(bytes);
        return reader.entries;
    }

    private void parse(final byte[] bytes) {
        try (JsonParser opened = json ? JSON.createParser(bytes) : YAML.createParser(bytes)) {
            parser = opened;
            final JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                fileProblem(line(), "does not hold an object of keys");
                return;
            }
            object("");
            if (parser.nextToken() != null) {
                fileProblem(line(), "holds more after the configuration's object");
            }
        } catch (final JsonProcessingException e) {
            final JsonLocation location = e.getLocation();
            fileProblem(location == null ? 0 : location.getLineNr(), "is malformed " + (json ? "JSON" : "YAML") + ": "
                + clean(e.getOriginalMessage()));
        } catch (final IOException e) {
            fileProblem(0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads the fields of an object the parser has just entered, under {@code path}. */
    private void object(final String path) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            final String field = parser.currentName();
            final int line = line();
            final String name = path.isEmpty() ? qualified(field) : path + '.' + field;
            value(name, parser.nextToken(), line);
        }
    }

    private void value(final String name, final JsonToken token, final int line) throws IOException {
        if (token == JsonToken.START_OBJECT && !KeyIndex.readsObjects(name)) {
            object(name);
        } else if (token == JsonToken.START_OBJECT) {
            add(name, new RawValue.Entries(entries(name)), line);
        } else if (token == JsonToken.START_ARRAY) {
            add(name, new RawValue.Items(items(name)), line);
        } else if (token == JsonToken.VALUE_NULL) {
            add(name, new RawValue.Null(), line);
        } else {
            add(name, new RawValue.Text(parser.getText()), line);
        }
    }

    private List<String> items(final String name) throws IOException {
        final List<String> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                items.add(parser.getText());
            } else {
                problem(name, line(), "item " + (items.size() + 1) + " is " + describe(token) + "; a list here holds "
                    + "single values", allowed(name, "a list of single values"));
                parser.skipChildren();
            }
        }
        return items;
    }

    private Map<String, String> entries(final String name) throws IOException {
        final Map<String, String> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            final String field = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                problem(name, line(), "'" + field + "' is " + describe(value) + "; expected a single value",
                    allowed(name, "name=value pairs"));
                parser.skipChildren();
            } else if (entries.put(field, parser.getText()) != null) {
                problem(name, line(), "'" + field + "' is set twice", allowed(name, "name=value pairs"));
            }
        }
        return entries;
    }

    private void add(final String name, final RawValue value, final int line) {
        final Integer earlier = lines.putIfAbsent(name, line);
        if (earlier != null) {
            problem(name, line, "is set twice in this file, first on line " + earlier, "each key once in a file");
            return;
        }
        entries.add(new RawEntry(name, value, Source.file(file, line)));
    }

    private void problem(final String key, final int line, final String message, final String allowed) {
        problems.add(key, Source.file(file, line), message, allowed);
    }

    /** A problem with the file as a whole, reported at the key that names the configuration file. */
    private void fileProblem(final int line, final String message) {
        problem(ConfigKeys.CONFIG_FILE.name(), line, message, json ? "well-formed JSON holding one object of keys, "
            + "such as {\"pipeline\": {\"ring-size\": 4096}}" : "well-formed YAML holding one object of keys, such "
            + "as pipeline: {ring-size: 4096}");
    }

    /** What {@code name}'s key allows, or {@code otherwise} for a name that is no key, reported on its own. */
    private static String allowed(final String name, final String otherwise) {
        final KeyIndex.Match match = KeyIndex.match(name);
        return match == null ? otherwise : match.key().type().allowed();
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** {@code pipeline} and {@code genops.pipeline} name the same section. */
    private static String qualified(final String field) {
        return field.equals(ROOT) || field.startsWith(ROOT + '.') ? field : ROOT + '.' + field;
    }

    private static String describe(final JsonToken token) {
        return token == JsonToken.START_OBJECT ? "an object" : token == JsonToken.START_ARRAY ? "a list" : "null";
    }

    /**
     * A parser's message without the lines that quote the document (YAML parsers indent those) and with
     * quoted text cut out: the malformed line may hold a secret.
     */
    private static String clean(final String message) {
        if (message == null) {
            return "no detail";
        }
        final List<String> kept = new ArrayList<>();
        for (final String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                kept.add(line.replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"").strip());
            }
        }
        return String.join("; ", kept);
    }
}
