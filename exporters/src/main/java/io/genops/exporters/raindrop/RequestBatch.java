package io.genops.exporters.raindrop;

import io.genops.exporters.raindrop.RecentInteractions.Sent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's batch as HTTP requests of at most {@code maxEventsPerRequest} events each, one endpoint
 * per request. Events gather per endpoint in an open request; a full one is sealed into the queue of
 * pending requests, and {@link #seal} seals the rest before a send. A request leaves the queue only
 * when it was delivered or refused for good, so a retried send posts exactly the requests that are
 * still owed, each with the same body as before. Each request also carries the interactions it holds, so
 * that they are remembered for later signals only once Raindrop accepted them.
 *
 * <pre>
 *   add ──► open /events/track  [e1 e2 … e50] ──seal──►┐
 *   add ──► open /signals/track [s1 s2 …]      ──seal──►├──► pending: R1 R2 R3 ──► head sent first
 * </pre>
 */
final class RequestBatch {
    /** A Raindrop endpoint, relative to the base URL. */
    enum Route {
        EVENTS("/events/track"), SIGNALS("/signals/track");

        private final String path;

        Route(final String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    /**
     * A sealed request: a JSON array of {@code events} objects, for {@code route}, and the interactions among
     * them, in order.
     */
    record Request(Route route, byte[] body, int events, List<Sent> interactions) {
    }

    private final int maxEventsPerRequest;
    private final List<List<byte[]>> open = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<List<Sent>> openInteractions = List.of(new ArrayList<>(), new ArrayList<>());
    private final ArrayDeque<Request> pending = new ArrayDeque<>();

    RequestBatch(final int maxEventsPerRequest) {
        this.maxEventsPerRequest = maxEventsPerRequest;
    }

    /** Adds an event's JSON object; {@code interaction} is what a signal may find it by, {@code null} for none. */
    void add(final Route route, final byte[] event, final Sent interaction) {
        final List<byte[]> events = open.get(route.ordinal());
        events.add(event);
        if (interaction != null) {
            openInteractions.get(route.ordinal()).add(interaction);
        }
        if (events.size() == maxEventsPerRequest) {
            seal(route);
        }
    }

    /** Seals every open request, so that everything added is pending. */
    void seal() {
        for (final Route route : Route.values()) {
            seal(route);
        }
    }

    private void seal(final Route route) {
        final List<byte[]> events = open.get(route.ordinal());
        if (events.isEmpty()) {
            return;
        }
        int length = 1 + events.size();
        for (final byte[] event : events) {
            length += event.length;
        }
        final byte[] body = new byte[length];
        body[0] = '[';
        int position = 1;
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body[position++] = ',';
            }
            final byte[] event = events.get(i);
            System.arraycopy(event, 0, body, position, event.length);
            position += event.length;
        }
        body[position] = ']';
        final List<Sent> interactions = openInteractions.get(route.ordinal());
        pending.add(new Request(route, body, events.size(), List.copyOf(interactions)));
        events.clear();
        interactions.clear();
    }

    /** The next request owed, or {@code null} when every sealed request is settled. */
    Request next() {
        return pending.peek();
    }

    /** Settles the request {@link #next} returned: it was delivered or refused for good. */
    void settled() {
        pending.remove();
    }

    int pendingRequests() {
        return pending.size();
    }

    int pendingEvents() {
        int events = 0;
        for (final Request request : pending) {
            events += request.events();
        }
        return events;
    }

    /** Events added and not yet settled: those of the pending requests and of the open ones. */
    int owedEvents() {
        int events = pendingEvents();
        for (final List<byte[]> route : open) {
            events += route.size();
        }
        return events;
    }

    /** Forgets everything, sealed or open. */
    void clear() {
        pending.clear();
        open.forEach(List::clear);
        openInteractions.forEach(List::clear);
    }
}
