package io.genops.exporters.alert.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.alert.FiredAlert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Turns a batch into request bytes with one JSON generator and one buffer per delivering thread, both
 * kept from batch to batch (the dispatcher delivers on a single thread, so in practice there is one
 * of each per channel). Each body is copied out of the buffer, so an abandoned HTTP exchange still
 * reading an earlier body can never see the next one. A buffer that grew past
 * {@value #KEEP_BUFFER_BYTES} bytes for an unusually large batch is let go after use rather than kept.
 */
final class JsonEncoder {
    static final int KEEP_BUFFER_BYTES = 64 * 1024;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final AlertPayload payload;
    private final ThreadLocal<Reused> reused = new ThreadLocal<>();

    JsonEncoder(final AlertPayload payload) {
        this.payload = payload;
    }

    byte[] encode(final List<FiredAlert> alerts) throws IOException {
        Reused current = reused.get();
        if (current == null) {
            current = new Reused();
            reused.set(current);
        }
        boolean keep = false;
        try {
            final byte[] body = current.encode(payload, alerts);
            keep = current.buffer.capacity() <= KEEP_BUFFER_BYTES;
            return body;
        } finally {
            if (!keep) {
                // A generator that failed mid-value is in an unknown state; an oversized buffer is waste.
                reused.remove();
                current.json.close();
            }
        }
    }

    private static final class Reused {
        private final Buffer buffer = new Buffer();
        private final JsonGenerator json;

        Reused() throws IOException {
            json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
            // One body per request: no separator between the root values of consecutive batches.
            json.setRootValueSeparator(null);
        }

        byte[] encode(final AlertPayload payload, final List<FiredAlert> alerts) throws IOException {
            buffer.reset();
            payload.write(json, alerts);
            json.flush();
            return buffer.toByteArray();
        }
    }

    private static final class Buffer extends ByteArrayOutputStream {
        int capacity() {
            return buf.length;
        }
    }
}
