package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
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
 * hidden by it. Session ids are random, so the ids of different processes do not meet; the one kind of
 * event outside any session, an alert fired by a rule from configuration, is told apart by its sequence
 * and millisecond only, so two processes firing at the same sequence in the same millisecond give the
 * same ids (the journal has no identity of its own to add). The ids of the last
 * {@value #CACHED_SESSIONS} sessions are cached, with their span context.
 *
 * <p>Not thread-safe: one per exporter, used on the runner's thread.
 */
public final class Ids {
    static final int CACHED_SESSIONS = 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The two digits of each number below 100, tens then ones. */
    private static final byte[] TWO_DIGITS = twoDigits();
    private static final int DIGEST_BYTES = 32;
    /** The digits of a long, its sign included. */
    private static final int LONG_CHARS = 20;

    private final MessageDigest sha256;
    private final byte[] digest = new byte[DIGEST_BYTES];
    /** The text an event's digest is taken of, as UTF-8, built here rather than through a String. */
    private byte[] text = new byte[64];
    private final byte[] hexDigits = new byte[2 * 16];
    /**
     * The digits of the last epoch millisecond: at high rates a thousand events share one, so its
     * digits are written once.
     */
    private final byte[] millisDigits = new byte[LONG_CHARS];
    private long millis;
    private int millisLength = decimal(millis, millisDigits, 0);
    /** The session looked up last: consecutive events often share one, and its id string with it. */
    private String lastSessionId;
    private SessionIds lastSession;
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
        return session(sessionId).context().getTraceId();
    }

    /** The span id of session {@code sessionId}'s own span, the parent of its events. */
    public String sessionSpanId(final String sessionId) {
        return session(sessionId).context().getSpanId();
    }

    private SessionIds session(final String sessionId) {
        if (sessionId == lastSessionId) {
            return lastSession;
        }
        SessionIds ids = sessions.get(sessionId);
        if (ids == null) {
            final byte[] utf8 = sessionId.getBytes(StandardCharsets.UTF_8);
            final byte[] sessionDigest = sha256.digest(utf8);
            ids = new SessionIds(utf8, context(hex(sessionDigest, 0, 16), hex(sessionDigest, 16, 24)));
            sessions.put(sessionId, ids);
        }
        lastSessionId = sessionId;
        lastSession = ids;
        return ids;
    }

    /** The trace, span and parent span id of {@code event}. */
    public EventIds of(final EventView event) {
        final String sessionId = event.sessionId();
        final SessionIds session = sessionId == null ? null : session(sessionId);
        if (session != null && event.kind() == EventKind.SESSION) {
            return new EventIds(session.context(), null);
        }
        digestEvent(session == null ? null : session.utf8(), event.sequence(), event.epochMillis());
        final String spanId = hex(digest, 0, 8, hexDigits);
        if (session == null) {
            return new EventIds(context(hex(digest, 8, 24, hexDigits), spanId), null);
        }
        return new EventIds(context(session.context().getTraceId(), spanId), session.context());
    }

    /**
     * Puts SHA-256 of {@code UTF-8(session id or "") + "\n" + sequence + "\n" + epochMillis} in
     * {@link #digest}: the same bytes as through a {@code StringBuilder}, without its strings.
     */
    private void digestEvent(final byte[] sessionUtf8, final long sequence, final long epochMillis) {
        final int sessionLength = sessionUtf8 == null ? 0 : sessionUtf8.length;
        final int most = sessionLength + 2 + 2 * LONG_CHARS;
        if (text.length < most) {
            text = new byte[Math.max(most, text.length * 2)];
        }
        if (sessionUtf8 != null) {
            System.arraycopy(sessionUtf8, 0, text, 0, sessionLength);
        }
        int length = sessionLength;
        text[length++] = '\n';
        length = decimal(sequence, text, length);
        text[length++] = '\n';
        if (epochMillis != millis) {
            millis = epochMillis;
            millisLength = decimal(epochMillis, millisDigits, 0);
        }
        System.arraycopy(millisDigits, 0, text, length, millisLength);
        length += millisLength;
        sha256.update(text, 0, length);
        try {
            sha256.digest(digest, 0, DIGEST_BYTES);
        } catch (final DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is " + DIGEST_BYTES + " bytes", e);
        }
    }

    /** Writes {@code value} in decimal, as {@link Long#toString(long)} does, at {@code at}; returns the end. */
    static int decimal(final long value, final byte[] into, final int at) {
        if (value < 0) {
            // Rare, and Long.MIN_VALUE has no positive counterpart: the library's own digits.
            final String digits = Long.toString(value);
            for (int i = 0; i < digits.length(); i++) {
                into[at + i] = (byte)digits.charAt(i);
            }
            return at + digits.length();
        }
        int digits = 1;
        for (long power = 10; digits < 19 && value >= power; power *= 10) {
            digits++;
        }
        // Two digits a step from the right: half the divisions.
        long rest = value;
        int end = at + digits;
        while (rest >= 100) {
            final long quotient = rest / 100;
            final int pair = (int)(rest - quotient * 100) * 2;
            into[--end] = TWO_DIGITS[pair + 1];
            into[--end] = TWO_DIGITS[pair];
            rest = quotient;
        }
        if (rest >= 10) {
            into[--end] = TWO_DIGITS[(int)rest * 2 + 1];
            into[--end] = TWO_DIGITS[(int)rest * 2];
        } else {
            into[--end] = (byte)('0' + rest);
        }
        return at + digits;
    }

    private static byte[] twoDigits() {
        final byte[] digits = new byte[200];
        for (int i = 0; i < 100; i++) {
            digits[2 * i] = (byte)('0' + i / 10);
            digits[2 * i + 1] = (byte)('0' + i % 10);
        }
        return digits;
    }

    private static SpanContext context(final String traceId, final String spanId) {
        return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
    }

    /** Lower-case hex of {@code bytes[from, to)}, with the last bit set when all of them are zero. */
    static String hex(final byte[] bytes, final int from, final int to) {
        return hex(bytes, from, to, new byte[(to - from) * 2]);
    }

    /** {@link #hex(byte[], int, int)}, its digits written in {@code digits} first: one array less per id. */
    private static String hex(final byte[] bytes, final int from, final int to, final byte[] digits) {
        boolean zero = true;
        for (int i = from; i < to; i++) {
            zero &= bytes[i] == 0;
        }
        if (zero) {
            bytes[to - 1] = 1;
        }
        for (int i = from; i < to; i++) {
            digits[(i - from) * 2] = HEX[(bytes[i] >> 4) & 0x0F];
            digits[(i - from) * 2 + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(digits, 0, (to - from) * 2, StandardCharsets.ISO_8859_1);
    }

    /**
     * The span context of an event (trace id, its own span id, sampled) and that of its session's span, the
     * parent, {@code null} for an event outside a session and for the session's own record.
     */
    public record EventIds(SpanContext context, SpanContext session) {
    }

    /**
     * A session's id in UTF-8, which starts the digest of each of its events, and its own span's context,
     * which every event of the session names as its parent: made once per session rather than per event.
     */
    private record SessionIds(byte[] utf8, SpanContext context) {
    }
}
