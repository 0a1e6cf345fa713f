package io.genops.exporters.raindrop;

import io.genops.core.event.EventView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the interactions sent lately, so that a signal can name the event it speaks of: Raindrop
 * attaches a signal to the event whose {@code event_id} it carries. A signal attaches to the last
 * interaction of its agent in its session, else the last of its conversation (a conversation's own
 * signals name no agent), else the last of its session. Up to {@code capacity} keys are kept, the least
 * recently used let go; an interaction exported before the exporter started (another run) is not
 * known, and a signal that finds none keeps its own id.
 *
 * <p>Not thread-safe: the runner's thread only.
 */
final class RecentInteractions {
    static final int DEFAULT_CAPACITY = 4_096;
    private static final char SEPARATOR = '\u0000';

    private final Map<String, String> ids;

    RecentInteractions(final int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers interaction {@code event}, sent as {@code eventId}. */
    void remember(final EventView event, final String eventId) {
        if (event.sessionId() != null) {
            ids.put(sessionKey(event.sessionId()), eventId);
            if (event.agentId() != null) {
                ids.put(agentKey(event.sessionId(), event.agentId()), eventId);
            }
        }
        if (event.conversationId() != null) {
            ids.put(conversationKey(event.conversationId()), eventId);
        }
    }

    /** The id of the interaction signal {@code event} attaches to, or {@code null} when none is known. */
    String targetOf(final EventView event) {
        String target = null;
        if (event.sessionId() != null && event.agentId() != null) {
            target = ids.get(agentKey(event.sessionId(), event.agentId()));
        }
        if (target == null && event.conversationId() != null) {
            target = ids.get(conversationKey(event.conversationId()));
        }
        if (target == null && event.sessionId() != null) {
            target = ids.get(sessionKey(event.sessionId()));
        }
        return target;
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
