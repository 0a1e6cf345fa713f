package io.genops.exporters.raindrop;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes one event at a time into the bytes of its JSON object, with one generator and one buffer
 * kept from event to event. Each event is encoded while its view is valid, since the runner reuses
 * views, and copied out, so a batch holds only bytes. A generator that failed half-way is replaced;
 * a buffer grown past {@value #KEEP_BUFFER_BYTES} bytes for a large content is let go.
 *
 * <p>Not thread-safe: the runner's thread only.
 */
final class EventEncoder {
    static final int KEEP_BUFFER_BYTES = 64 * 1024;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final EventIds ids = new EventIds();
    private final RecentInteractions recent;
    private Buffer buffer;
    private JsonGenerator json;

    /** An event's JSON object and, for an interaction, what a signal may find it by. */
    record Encoded(byte[] json, RecentInteractions.Sent interaction) {
    }

    /** An encoder whose signals name the interactions {@code recent} knows. */
    EventEncoder(final RecentInteractions recent) {
        this.recent = recent;
        reset();
    }

    /**
     * The JSON object for an interaction or a signal. An interaction is noted in {@code recent} as part of
     * the current batch only once it is written, so one that cannot be encoded is never named.
     *
     * @throws IOException when the event cannot be written as JSON; the encoder stays usable
     */
    Encoded encode(final EventView event) throws IOException {
        buffer.reset();
        boolean written = false;
        try {
            final boolean signal = event.kind() == EventKind.SIGNAL;
            final String id = ids.of(signal ? "signal" : "interaction", event);
            if (signal) {
                final String target = recent.targetOf(event);
                RaindropPayload.writeSignal(json, target != null ? target : id, id, event);
            } else {
                RaindropPayload.writeInteraction(json, id, event);
            }
            json.flush();
            written = true;
            return new Encoded(buffer.toByteArray(), signal ? null : recent.batched(event, id));
        } finally {
            if (!written || buffer.capacity() > KEEP_BUFFER_BYTES) {
                reset();
            }
        }
    }

    private void reset() {
        buffer = new Buffer();
        try {
            json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (final IOException e) {
            throw new UncheckedIOException("a JSON generator over a byte array could not be created", e);
        }
        // Each event is its own root value: no separator between consecutive ones.
        json.setRootValueSeparator(null);
    }

    private static final class Buffer extends ByteArrayOutputStream {
        int capacity() {
            return buf.length;
        }
    }
}
