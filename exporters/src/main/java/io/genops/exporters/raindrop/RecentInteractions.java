package io.genops.exporters.raindrop;

import io.genops.core.event.EventView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of the interactions Raindrop received lately, so that a signal can name the event it speaks of:
 * Raindrop attaches a signal to the event whose {@code event_id} it carries. A signal attaches to the last
 * interaction of its agent in its session, else the last of its conversation, else the last of its
 * session. A flow signal carries the agent of the interaction that triggered it, so it finds that agent's
 * interaction first; a conversation's summary signal names no agent and finds the conversation's.
 *
 * <p>An interaction is known to later batches only once the events request that carried it was accepted:
 * one in a request Raindrop refused, or in a batch given up or discarded, never reached it, and a signal
 * naming it would attach to nothing. Within its own batch it is known as soon as it is put in the batch:
 * every signal is encoded before the batch's first request goes out, so one that follows an interaction
 * of its batch names it, and attaches to nothing only if that interaction's request is then refused.
 *
 * <p>Up to {@code capacity} keys of accepted interactions are kept, the least recently used let go; an
 * interaction exported before the exporter started (another run) is not known, and a signal that finds
 * none keeps its own id.
 *
 * <p>Not thread-safe: the runner's thread only.
 */
final class RecentInteractions {
    static final int DEFAULT_CAPACITY = 4_096;
    private static final char SEPARATOR = '\u0000';

    /** An interaction put in a batch as {@code eventId}, with the keys a signal finds it by. */
    record Sent(String eventId, List<String> keys) {
    }

    private final Map<String, String> accepted;
    private final Map<String, String> batch = new HashMap<>();

    RecentInteractions(final int capacity) {
        this.accepted = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Notes interaction {@code event}, put in the current batch as {@code eventId}: the batch's later signals
     * may name it, later batches once {@link #accepted} says Raindrop took it.
     */
    Sent batched(final EventView event, final String eventId) {
        final List<String> keys = new ArrayList<>(3);
        if (event.sessionId() != null) {
            keys.add(sessionKey(event.sessionId()));
            if (event.agentId() != null) {
                keys.add(agentKey(event.sessionId(), event.agentId()));
            }
        }
        if (event.conversationId() != null) {
            keys.add(conversationKey(event.conversationId()));
        }
        for (final String key : keys) {
            batch.put(key, eventId);
        }
        return new Sent(eventId, List.copyOf(keys));
    }

    /** Remembers the interactions of an events request Raindrop accepted, in the order they were batched. */
    void accepted(final List<Sent> interactions) {
        for (final Sent sent : interactions) {
            for (final String key : sent.keys()) {
                accepted.put(key, sent.eventId());
            }
        }
    }

    /** Starts a new batch: the interactions of the last one stay known only if {@link #accepted}. */
    void newBatch() {
        batch.clear();
    }

    /** The id of the interaction signal {@code event} attaches to, or {@code null} when none is known. */
    String targetOf(final EventView event) {
        String target = null;
        if (event.sessionId() != null && event.agentId() != null) {
            target = lookUp(agentKey(event.sessionId(), event.agentId()));
        }
        if (target == null && event.conversationId() != null) {
            target = lookUp(conversationKey(event.conversationId()));
        }
        if (target == null && event.sessionId() != null) {
            target = lookUp(sessionKey(event.sessionId()));
        }
        return target;
    }

    /** The batch's own interaction under {@code key}, which is newer than any accepted one, else the accepted. */
    private String lookUp(final String key) {
        final String inBatch = batch.get(key);
        return inBatch != null ? inBatch : accepted.get(key);
    }

    private static String agentKey(final String sessionId, final String agentId) {
        return "a" + sessionId + SEPARATOR + agentId;
    }

    private static String conversationKey(final String conversationId) {
        return "c" + conversationId;
    }

    private static String sessionKey(final String sessionId) {
        return "s" + sessionId;
    }
}
