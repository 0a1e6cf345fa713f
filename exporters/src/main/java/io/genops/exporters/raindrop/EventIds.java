package io.genops.exporters.raindrop;

import io.genops.core.event.EventView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic Raindrop {@code event_id}s: a name-based UUID, version 5 (SHA-1, RFC 9562), in the
 * namespace {@value #NAMESPACE}, of the name
 * <pre>
 *  &lt;kind&gt;/&lt;sequence&gt;/&lt;epoch millis&gt;/&lt;session id&gt;
 *  e.g. interaction/42/1796292930123/support-3k9x
 * </pre>
 * where kind is {@code interaction} or {@code signal} and a missing session id is empty. The same
 * journal record always gives the same id, across retries, restarts and replays, so Raindrop can
 * drop the copies an at-least-once export sends; and anyone can recompute an id elsewhere, e.g. in
 * Python with {@code uuid.uuid5(UUID(NAMESPACE), name)}. The pipeline's sequence starts again at each
 * start and in each process, so it is the session id that keeps the ids of different processes apart:
 * every interaction and signal belongs to a session, and session ids are random (56 bits).
 *
 * <p>Not thread-safe: the digest is reused.
 */
final class EventIds {
    static final String NAMESPACE = "fb8b04d3-79f8-45e8-8f21-c10bf831931b";
    private static final byte[] NAMESPACE_BYTES = bytes(UUID.fromString(NAMESPACE));
    private static final int VERSION_5 = 0x50;

    private final MessageDigest sha1;
    private final StringBuilder name = new StringBuilder(96);

    EventIds() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1, this one does not", e);
        }
    }

    /** The id of {@code event}, whose kind is written as {@code kindName}. */
    String of(final String kindName, final EventView event) {
        name.setLength(0);
        name.append(kindName).append('/').append(event.sequence()).append('/').append(event.epochMillis())
            .append('/').append(event.sessionId() == null ? "" : event.sessionId());
        sha1.reset();
        sha1.update(NAMESPACE_BYTES);
        final byte[] hash = sha1.digest(name.toString().getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte)((hash[6] & 0x0F) | VERSION_5);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        final ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    private static byte[] bytes(final UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
            .array();
    }
}
