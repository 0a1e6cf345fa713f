package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trace and span ids derived from the event itself rather than drawn at random, so that a batch sent
 * again after a restart carries the same ids (a backend can recognise the duplicate) and so that any
 * tool can find a session's trace from its id alone:
 * <pre>
 *  session trace id = hex of bytes [0, 16) of SHA-256(UTF-8(session id))
 *  session span id  = hex of bytes [16, 24) of the same digest
 *  event digest     = SHA-256(UTF-8(session id or "") + "\n" + sequence + "\n" + epoch millis)
 *  span id          = hex of bytes [0, 8)  of the event digest
 *  trace id         = the session trace id, or, for an event outside any session,
 *                     hex of bytes [8, 24) of the event digest
 *  parent span id   = the session span id for every event of a session but the session's own
 *                     record, whose span id is the session span id; none outside a session
 * </pre>
 * The session span id depends on the session id alone, so an event can name its parent before the
 * session's record (which closes the session) has been read, and a resent session span keeps its id.
 * An id that would come out all zeros (invalid in OpenTelemetry) gets its last bit set; at 2^-64 per
 * id that is a formality. SHA-256 is used for its spread, not as a secret: session ids are not
 * hidden by it. The session trace ids of the last {@value #CACHED_SESSIONS} sessions are cached.
 *
 * <p>Not thread-safe: one per exporter, used on the runner's thread.
 */
public final class Ids {
    static final int CACHED_SESSIONS = 1024;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(64);
    private final Map<String, SessionIds> sessions = new LinkedHashMap<>(CACHED_SESSIONS * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, SessionIds> eldest) {
            return size() > CACHED_SESSIONS;
        }
    };

    public Ids() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The trace id of all events of session {@code sessionId}. */
    public String sessionTraceId(final String sessionId) {
        return session(sessionId).traceId();
    }

    /** The span id of session {@code sessionId}'s own span, the parent of its events. */
    public String sessionSpanId(final String sessionId) {
        return session(sessionId).spanId();
    }

    private SessionIds session(final String sessionId) {
        final SessionIds cached = sessions.get(sessionId);
        if (cached != null) {
            return cached;
        }
        final byte[] digest = sha256.digest(sessionId.getBytes(StandardCharsets.UTF_8));
        final SessionIds ids = new SessionIds(hex(digest, 0, 16), hex(digest, 16, 24));
        sessions.put(sessionId, ids);
        return ids;
    }

    /** The trace, span and parent span id of {@code event}. */
    public EventIds of(final EventView event) {
        final String sessionId = event.sessionId();
        if (sessionId != null && event.kind() == EventKind.SESSION) {
            final SessionIds ids = session(sessionId);
            return new EventIds(ids.traceId(), ids.spanId(), null);
        }
        text.setLength(0);
        text.append(sessionId == null ? "" : sessionId).append('\n').append(event.sequence()).append('\n')
            .append(event.epochMillis());
        final byte[] digest = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        final String spanId = hex(digest, 0, 8);
        if (sessionId == null) {
            return new EventIds(hex(digest, 8, 24), spanId, null);
        }
        final SessionIds ids = session(sessionId);
        return new EventIds(ids.traceId(), spanId, ids.spanId());
    }

    /** Lower-case hex of {@code bytes[from, to)}, with the last bit set when all of them are zero. */
    static String hex(final byte[] bytes, final int from, final int to) {
        boolean zero = true;
        for (int i = from; i < to; i++) {
            zero &= bytes[i] == 0;
        }
        if (zero) {
            bytes[to - 1] = 1;
        }
        final char[] chars = new char[(to - from) * 2];
        for (int i = from; i < to; i++) {
            chars[(i - from) * 2] = HEX[(bytes[i] >> 4) & 0x0F];
            chars[(i - from) * 2 + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(chars);
    }

    /** A trace id (32 hex digits), a span id (16) and the parent's span id, {@code null} for a root. */
    public record EventIds(String traceId, String spanId, String parentSpanId) {
    }

    /** A session's trace id and the span id of its own span. */
    private record SessionIds(String traceId, String spanId) {
    }
}
