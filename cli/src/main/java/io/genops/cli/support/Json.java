package io.genops.cli.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One JSON object on one line, written with jackson-core's streaming generator. Amounts of money go
 * out as decimal strings with every digit kept: most JSON readers turn numbers into binary doubles,
 * which would lose the nanodollars.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the fields of the object. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    public static void object(final PrintWriter out, final Body body) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the JSON output", e);
        }
        out.println();
        out.flush();
    }
}
