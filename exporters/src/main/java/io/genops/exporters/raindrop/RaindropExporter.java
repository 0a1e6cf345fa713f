package io.genops.exporters.raindrop;

import io.genops.core.Checks;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.exporters.internal.http.Attempt;
import io.genops.exporters.internal.http.Endpoints;
import io.genops.exporters.internal.http.Exchange;
import io.genops.exporters.internal.http.FailureLog;
import io.genops.exporters.raindrop.RequestBatch.Request;
import io.genops.exporters.raindrop.RequestBatch.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sends sampled interactions and signals to Raindrop AI's ingestion API, driven from the journal by an
 * export runner.
 * <pre>
 * RaindropExporter raindrop = RaindropExporter.builder()
 *     .writeKey(key)                       // or the environment variable RAINDROP_WRITE_KEY
 *     .build();
 * </pre>
 *
 * <h2>What is sent</h2>
 * <table>
 *   <caption>Raindrop fields of each kind of record</caption>
 *   <tr><th>record</th><th>request</th><th>fields</th></tr>
 *   <tr><td>interaction</td><td>{@code POST /events/track}</td>
 *     <td>{@code event_id}; {@code user_id}: the user, else the customer, else {@code "anonymous"};
 *     {@code event}: always {@code "agent_interaction"}; {@code timestamp}: ISO-8601 UTC;
 *     {@code properties}: {@code agent_id, agent_group} (always: {@code "default"} when the agent is
 *     in no declared group){@code , session_id, team, project, environment, customer_id,
 *     cost_center, feature, model, provider, convo_id, input_tokens, output_tokens, cache_read_tokens,
 *     cache_creation_tokens, reasoning_tokens, latency_ms} (three exact decimals){@code , cost_usd}
 *     (exact decimal string){@code , cost_nanos}, the budget fields below{@code , policy_result,
 *     policy_reason, sampled, error}; {@code ai_data}: {@code model, convo_id, input} (the content),
 *     {@code output} (the model's answer), each text only when the record holds it, and {@code ai_data}
 *     only when content capture put content or an answer in the record</td></tr>
 *   <tr><td>signal</td><td>{@code POST /signals/track}</td>
 *     <td>{@code event_id} (of the interaction it follows, see below), {@code signal_name},
 *     {@code signal_type: "default"}, {@code timestamp};
 *     {@code properties}: {@code signal_id, value, threshold} (when set){@code , frequency, agent_id, agent_group,
 *     session_id}, the six attribution fields{@code , cost_usd, cost_nanos}, the budget fields</td></tr>
 *   <tr><td>budget fields</td><td></td>
 *     <td>only for an event charged to a budget, of its budgets the one closest to its limit, as
 *     {@code genops.budget.*} on OTLP spans: {@code budget_name} ({@code scope:key:window}, such as
 *     {@code team:support:daily}){@code , budget_allocated_usd, budget_allocated_nanos,
 *     budget_consumed_usd, budget_consumed_nanos, budget_remaining_usd, budget_remaining_nanos}
 *     (the limit, the window's spend once this event was charged, and the difference, negative past
 *     the limit; each amount as an exact decimal string and in whole nanodollars, as the cost is)
 *     {@code , budget_utilization_percent} (a number; absent when the limit is not positive)</td></tr>
 *   <tr><td>alert rule or firing</td><td>none</td><td>skipped and counted in {@link RaindropStats#skipped()}</td></tr>
 *   <tr><td>closed session</td><td>none</td><td>skipped and counted in {@link RaindropStats#skipped()}: the
 *       ingestion API has no session object; each event carries its session id</td></tr>
 * </table>
 * Strings the record lacks are left out. Each request body is a JSON array of at most
 * {@code maxEventsPerRequest} objects (default and maximum 50, as Raindrop's own SDKs send), and an event
 * waits at most {@code maxBatchAge} (default 1 s, as those SDKs flush) for its batch, however long the
 * pipeline's batch age ({@link #maxBatchAge()}).
 *
 * <h2>Choices, and why</h2>
 * <ul>
 *   <li><b>One event name.</b> Every interaction is {@code agent_interaction}, with the agent in
 *       {@code properties.agent_id}: Raindrop groups and charts by event name, and one name per agent
 *       would split every chart by a value of unbounded count.</li>
 *   <li><b>Deterministic ids.</b> {@code event_id} is a UUID derived from the record (see
 *       {@link EventIds}): a batch sent again after a retry, a restart or a replay carries the same
 *       ids, so Raindrop can recognise the copies that at-least-once delivery sends.</li>
 *   <li><b>Signals attach to the interaction they follow.</b> Raindrop links a signal to the event
 *       whose {@code event_id} it names. A performance signal here belongs to no single interaction, so
 *       it names the last interaction of its agent in its session, else of its conversation, else of its
 *       session, among those of its own batch and those Raindrop accepted earlier
 *       ({@link RecentInteractions}); one that follows none of them (after a restart, or when the request
 *       that carried the interaction was refused) names its own id. Its own deterministic id, derived the
 *       same way from its record, is always in {@code properties.signal_id}.</li>
 *   <li><b>{@code ai_data} only with content.</b> Raindrop's SDK reference for {@code track_ai} requires
 *       an input or an output whenever AI data is sent, and a record holds message content and the
 *       model's answer only when content capture is configured; so without either, {@code ai_data} is
 *       left out and the model and conversation travel in {@code properties}.</li>
 *   <li><b>{@code input} is the content, {@code output} the answer.</b> An interaction carries the
 *       prompt ({@code Interaction.content()}) and the model's answer ({@code Interaction.output()}) apart,
 *       and so does its journal record; each is sent when the record holds it, so an interaction with
 *       only an answer sends {@code output} alone. A record written before answers were journaled has
 *       none, and sends {@code input} alone. Both texts are sent as the record holds them: the pipeline
 *       redacts captured texts before it journals them, so what is sent is what its redaction rules left.</li>
 *   <li><b>Alert records are skipped.</b> Raindrop is a store of user-facing AI events and their
 *       signals; neither a rule's creation nor its firing has a user, model or conversation, and a firing
 *       is the pipeline's own notice, not a user's feedback on an event. Their costs reach the metrics
 *       exporters, which see every record, and OTLP exports both as log records.</li>
 *   <li><b>Sampled only.</b> {@link #sampledOnly()} is true: Raindrop stores events one by one, the way
 *       spans are exported, so it gets the sample; counts and costs of every event belong to the
 *       metrics exporters.</li>
 * </ul>
 *
 * <h2>Delivery</h2>
 * A batch larger than one request is split; {@link #send} posts the requests in order and succeeds
 * only when every one was accepted (2xx). A request answered 408, 429 or 5xx, or not answered in
 * {@code timeout}, ends the send with {@code RETRY}; the requests already accepted are remembered, and
 * the next send posts only those still owed, with the same bodies. A 401, 403 or 404 (a rejected write
 * key or a wrong address) is a mistake of configuration, not of the events: the send ends {@code RETRY}
 * too, with a warning that says what to check, so the journal keeps the events until the key or address
 * is put right (or until the runner's {@code max-attempts}, when one is configured). A request refused
 * with another 4xx (a payload Raindrop will never take) is dropped and counted, the others are still
 * sent, and the send ends {@code FAILED}: sending it again could only block every later event.
 * <p>
 * Counts are per event, not per batch: {@link #undelivered()} tells the runner how many events of a
 * settled batch did not get through (refused, still owed when it gives the batch up, or not
 * encodable), so a batch of three requests of which one was refused counts the other two requests'
 * events as exported and only the refused request's as failed.
 *
 * <h2>Retry-After</h2>
 * The SPI has no way to tell the runner how long to wait, so the exporter waits itself: on a 408, 429 or
 * 5xx with a {@code Retry-After} (seconds or an HTTP date) it sleeps that long, at most
 * {@code maxRetryAfterWait} (default 30 s), before answering {@code RETRY}; the runner's own backoff
 * comes on top. When the server asked for longer than that, the rest is remembered: each following
 * send first sleeps up to {@code maxRetryAfterWait} again and answers {@code RETRY} without a request
 * until the time has passed. So no request reaches Raindrop before it asked, and the runner's thread
 * never sleeps longer than the cap at a time. A Retry-After beyond 10 minutes counts as 10 minutes.
 *
 * <h2>Secrets and logs</h2>
 * The write key is sent as {@code Authorization: Bearer <key>} and appears in no log, message or
 * {@link #toString()}; the base URL is shown as scheme, host and port only. Failures are logged at WARN
 * on the logger {@code io.genops.exporters.raindrop}, at most once a minute, with the number of
 * failures since the previous warning; {@link #stats()} counts everything.
 *
 * <p>Only the runner's thread calls {@link #add}, {@link #send} and {@link #discard}; {@link #stats()}
 * may be read from any thread. Memory is the runner's batch as JSON bytes, nothing more: the journal is
 * the buffer. The JDK client of Java 17 has no close; its threads are daemons that end once the
 * exporter is unreachable.
 */
public final class RaindropExporter implements Exporter {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.raindrop.ai/v1");
    public static final String WRITE_KEY_ENVIRONMENT_VARIABLE = "RAINDROP_WRITE_KEY";
    public static final String DEFAULT_NAME = "raindrop";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_EVENTS_PER_REQUEST = 50;
    public static final Duration DEFAULT_MAX_RETRY_AFTER_WAIT = Duration.ofSeconds(30);
    /** How long an event waits for its batch at most, as Raindrop's own SDKs flush. */
    public static final Duration DEFAULT_MAX_BATCH_AGE = Duration.ofSeconds(1);
    /** The logger of every Raindrop exporter. */
    public static final String LOGGER_NAME = "io.genops.exporters.raindrop";
    /** The longest timeout, wait or Retry-After honoured. */
    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    private final String name;
    private final String safeEndpoint;
    private final URI eventsUri;
    private final URI signalsUri;
    private final String authorization;
    private final Duration timeout;
    private final int maxEventsPerRequest;
    private final Duration maxRetryAfterWait;
    private final Duration maxBatchAge;
    private final HttpClient client;
    private final RecentInteractions recent = new RecentInteractions(RecentInteractions.DEFAULT_CAPACITY);
    private final EventEncoder encoder = new EventEncoder(recent);
    private final RequestBatch batch;
    private final FailureLog failureLog = new FailureLog(LOGGER_NAME, "deliveries from this exporter",
        "The export runner keeps undelivered events in the journal and retries them, or counts them as failed "
            + "when it gives up or they were refused", FailureLog.DEFAULT_INTERVAL_NANOS, System::nanoTime);

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong unencodable = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong refusedEvents = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();

    // Runner thread only. The batch's events refused and not encoded, kept after the send that settled it
    // until the runner has asked for them (undelivered); the next add or a discard starts a new batch.
    private int batchRefused;
    private int batchUnencodable;
    private boolean batchSettled;
    private boolean holdingOff;
    private long notBeforeNanos;

    private RaindropExporter(final Builder settings, final String writeKey) {
        this.name = settings.name;
        this.safeEndpoint = Endpoints.redacted(settings.baseUrl);
        final String base = settings.baseUrl.toString().replaceAll("/+$", "");
        this.eventsUri = URI.create(base + Route.EVENTS.path());
        this.signalsUri = URI.create(base + Route.SIGNALS.path());
        this.authorization = "Bearer " + writeKey;
        this.timeout = settings.timeout;
        this.maxEventsPerRequest = settings.maxEventsPerRequest;
        this.maxRetryAfterWait = settings.maxRetryAfterWait;
        this.maxBatchAge = settings.maxBatchAge;
        this.client = Exchange.newClient(timeout);
        this.batch = new RequestBatch(maxEventsPerRequest);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The builder's {@code maxBatchAge}: Raindrop's events wait at most this long for their batch. */
    @Override
    public Duration maxBatchAge() {
        return maxBatchAge;
    }

    @Override
    public String name() {
        return name;
    }

    /** True: Raindrop gets the events sampled for export, as spans do; see the class description. */
    @Override
    public boolean sampledOnly() {
        return true;
    }

    /**
     * Encodes an interaction or a signal into the batch; skips an alert record (a rule or its firing) and a
     * closed session's record, which Raindrop's ingestion API has no place for. Never throws.
     */
    @Override
    public void add(final EventView event) {
        if (batchSettled) {
            startBatch();
        }
        final EventKind kind = event.kind();
        if (kind == EventKind.ALERT || kind == EventKind.SESSION) {
            skipped.incrementAndGet();
            return;
        }
        try {
            final EventEncoder.Encoded encoded = encoder.encode(event);
            batch.add(kind == EventKind.SIGNAL ? Route.SIGNALS : Route.EVENTS, encoded.json(), encoded.interaction());
        } catch (final IOException | RuntimeException e) {
            // Only the type: a JSON error's message may quote the event's content.
            unencodable.incrementAndGet();
            batchUnencodable++;
            failureLog.failed("Raindrop exporter '" + name + "' dropped " + kind + " event " + event.sequence()
                + ", which could not be written as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Posts every request of the batch still owed, as described above: {@code SUCCESS} when all are
     * delivered, {@code RETRY} when one should be tried again (the rest are kept), {@code FAILED} when
     * Raindrop refused one for good. Never throws.
     */
    @Override
    public ExportResult send() {
        batch.seal();
        if (batch.next() == null) {
            return settle();
        }
        // An interrupted runner is being stopped: start no request it would not wait for.
        if (Thread.currentThread().isInterrupted() || !waitOutRetryAfter()) {
            retries.incrementAndGet();
            return ExportResult.RETRY;
        }
        try {
            return deliverPending();
        } catch (final InterruptedException e) {
            // The runner is being stopped: keep the batch for the next start and the interrupt for the runner.
            Thread.currentThread().interrupt();
            retries.incrementAndGet();
            return ExportResult.RETRY;
        }
    }

    private ExportResult deliverPending() throws InterruptedException {
        for (Request request = batch.next(); request != null; request = batch.next()) {
            final Attempt attempt = Exchange.send(client, httpRequest(request), timeout);
            requests.incrementAndGet();
            if (attempt.outcome() == Attempt.Outcome.SUCCESS) {
                batch.settled();
                recent.accepted(request.interactions());
                (request.route() == Route.EVENTS ? events : signals).addAndGet(request.events());
            } else if (attempt.outcome() == Attempt.Outcome.RETRY || misconfigured(attempt.status())) {
                return retryLater(request, attempt);
            } else {
                refused(request, attempt);
            }
        }
        return settle();
    }

    private HttpRequest httpRequest(final Request request) {
        return HttpRequest.newBuilder(request.route() == Route.EVENTS ? eventsUri : signalsUri).timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
            .build();
    }

    private ExportResult retryLater(final Request request, final Attempt attempt) {
        failedRequests.incrementAndGet();
        retries.incrementAndGet();
        failureLog.failed(failure(request, attempt) + "; " + counted(batch.pendingRequests(), "request") + " of "
            + counted(batch.pendingEvents(), "event") + " kept for a retry" + hint(attempt.status()));
        if (attempt.retryAfterNanos() >= 0) {
            holdingOff = true;
            notBeforeNanos = System.nanoTime() + Math.min(attempt.retryAfterNanos(), LONGEST.toNanos());
            pause(Math.min(attempt.retryAfterNanos(), maxRetryAfterWait.toNanos()));
        }
        return ExportResult.RETRY;
    }

    private void refused(final Request request, final Attempt attempt) {
        failedRequests.incrementAndGet();
        refusedEvents.addAndGet(request.events());
        batchRefused += request.events();
        batch.settled();
        failureLog.failed(failure(request, attempt) + "; these events are dropped");
    }

    /** A refusal that says the exporter is set up wrong, which no event of the journal could pass. */
    private static boolean misconfigured(final int status) {
        return status == UNAUTHORIZED || status == FORBIDDEN || status == NOT_FOUND;
    }

    private static String hint(final int status) {
        if (status == UNAUTHORIZED || status == FORBIDDEN) {
            return ". Check the write key";
        }
        return status == NOT_FOUND ? ". Check the base URL, which should end in /v1" : "";
    }

    private String failure(final Request request, final Attempt attempt) {
        return "Raindrop exporter '" + name + "' could not deliver a request of " + counted(request.events(), "event")
            + " (POST " + request.route().path() + ") to " + safeEndpoint + ": " + attempt.failure();
    }

    /** The batch is done: every request delivered or refused; FAILED when any was refused. */
    private ExportResult settle() {
        batchSettled = true;
        if (batchRefused > 0) {
            failedSends.incrementAndGet();
            return ExportResult.FAILED;
        }
        return ExportResult.SUCCESS;
    }

    /**
     * Sleeps out what remains of a server's Retry-After, at most {@code maxRetryAfterWait}; returns
     * whether the time has passed, so that a request may go.
     */
    private boolean waitOutRetryAfter() {
        if (!holdingOff) {
            return true;
        }
        long remaining = notBeforeNanos - System.nanoTime();
        if (remaining > 0 && pause(Math.min(remaining, maxRetryAfterWait.toNanos()))) {
            remaining = notBeforeNanos - System.nanoTime();
        }
        holdingOff = remaining > 0;
        return !holdingOff;
    }

    /** Sleeps; false when interrupted, with the interrupt kept for the runner. */
    private static boolean pause(final long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The batch's events Raindrop did not take: those of requests it refused (and the rest of the batch
     * after a refused write key or address), those still owed when the runner gives the batch up, and
     * those that could not be written as JSON. The runner counts the others, the delivered ones and
     * the skipped alert rules and sessions, as exported.
     */
    @Override
    public int undelivered() {
        return batchRefused + batchUnencodable + batch.owedEvents();
    }

    /** Forgets the batch, delivered parts and owed parts alike. A Retry-After still holds. */
    @Override
    public void discard() {
        batch.clear();
        startBatch();
    }

    private void startBatch() {
        recent.newBatch();
        batchRefused = 0;
        batchUnencodable = 0;
        batchSettled = false;
    }

    /** Forgets the batch; the runner has stopped, and the journal keeps whatever was not delivered. */
    @Override
    public void close() {
        discard();
    }

    /**
     * {@link #close()}, which returns at once whatever {@code within}: it sends nothing, and no request
     * outlives the send that made it (an interrupted send cancels its request). The client itself has no
     * close on Java 17; its idle connections and daemon threads end on their own.
     */
    @Override
    public void close(final Duration within) {
        Objects.requireNonNull(within, "within");
        close();
    }

    /** Events, signals, requests, retries and failures since the exporter was built. */
    public RaindropStats stats() {
        return new RaindropStats(events.get(), signals.get(), skipped.get(), unencodable.get(), requests.get(),
            failedRequests.get(), refusedEvents.get(), retries.get(), failedSends.get());
    }

    /** The settings for a person: the write key masked, the base URL's path hidden. */
    @Override
    public String toString() {
        return "RaindropExporter{name=" + name + ", baseUrl=" + safeEndpoint + ", writeKey=***, timeout=" + timeout
            + ", maxEventsPerRequest=" + maxEventsPerRequest + ", maxBatchAge=" + maxBatchAge + ", maxRetryAfterWait="
            + maxRetryAfterWait + '}';
    }

    private static String counted(final int count, final String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Settings of a {@link RaindropExporter}; each setter checks its value and names it when refusing. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private URI baseUrl = DEFAULT_BASE_URL;
        private String writeKey;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxEventsPerRequest = MAX_EVENTS_PER_REQUEST;
        private Duration maxRetryAfterWait = DEFAULT_MAX_RETRY_AFTER_WAIT;
        private Duration maxBatchAge = DEFAULT_MAX_BATCH_AGE;
        private Function<String, String> environment = System::getenv;

        private Builder() {
        }

        /**
         * The exporter's name, default {@value RaindropExporter#DEFAULT_NAME}; it also names its position in the
         * journal, so keep it across restarts and give each Raindrop exporter of a pipeline its own.
         */
        public Builder name(final String name) {
            this.name = Checks.exporterName(name);
            return this;
        }

        /**
         * The API's base URL, to which {@code /events/track} and {@code /signals/track} are appended;
         * an absolute http or https URI without user information; default {@code https://api.raindrop.ai/v1}.
         */
        public Builder baseUrl(final URI baseUrl) {
            this.baseUrl = Endpoints.checked(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The write key, sent as {@code Authorization: Bearer <key>} and never shown; visible ASCII
         * only. Without one, {@link #build()} reads the environment variable {@code RAINDROP_WRITE_KEY}.
         */
        public Builder writeKey(final String writeKey) {
            this.writeKey = checkedKey(writeKey, "writeKey");
            return this;
        }

        /** How long connecting, and then each request, may take; positive, at most 10 minutes; default 10 s. */
        public Builder timeout(final Duration timeout) {
            this.timeout = bounded(timeout, "timeout", false);
            return this;
        }

        /**
         * Events per request, at least 1 and at most {@value RaindropExporter#MAX_EVENTS_PER_REQUEST}, which is
         * also the default.
         */
        public Builder maxEventsPerRequest(final int maxEventsPerRequest) {
            Checks.positive(maxEventsPerRequest, "maxEventsPerRequest");
            if (maxEventsPerRequest > MAX_EVENTS_PER_REQUEST) {
                throw new IllegalArgumentException("maxEventsPerRequest must be at most " + MAX_EVENTS_PER_REQUEST
                    + ": " + maxEventsPerRequest);
            }
            this.maxEventsPerRequest = maxEventsPerRequest;
            return this;
        }

        /**
         * The longest the exporter sleeps at a time to honour a server's Retry-After; zero leaves all
         * the waiting to the runner (sends answer RETRY without a request until the time has passed);
         * at most 10 minutes; default 30 s.
         */
        public Builder maxRetryAfterWait(final Duration maxRetryAfterWait) {
            this.maxRetryAfterWait = bounded(maxRetryAfterWait, "maxRetryAfterWait", true);
            return this;
        }

        /**
         * The longest an event waits for its batch before it is sent, whatever the pipeline's batch age
         * (which applies when it is shorter); positive, at most 10 minutes; default 1 s.
         */
        public Builder maxBatchAge(final Duration maxBatchAge) {
            this.maxBatchAge = bounded(maxBatchAge, "maxBatchAge", false);
            return this;
        }

        /** Where {@link #build()} looks up {@code RAINDROP_WRITE_KEY}; tests replace the process environment. */
        Builder environment(final Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * An exporter with these settings and its own HTTP client.
         *
         * @throws IllegalStateException when no write key was given and {@code RAINDROP_WRITE_KEY} is
         *     unset or blank
         */
        public RaindropExporter build() {
            return new RaindropExporter(this, writeKey != null ? writeKey : keyFromEnvironment());
        }

        private String keyFromEnvironment() {
            final String value = environment.apply(WRITE_KEY_ENVIRONMENT_VARIABLE);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("No Raindrop write key: set one with RaindropExporter.builder()"
                    + ".writeKey(...) or in the environment variable " + WRITE_KEY_ENVIRONMENT_VARIABLE);
            }
            // Secrets mounted from files often end in a newline.
            return checkedKey(value.strip(), "environment variable " + WRITE_KEY_ENVIRONMENT_VARIABLE);
        }

        /** Refuses a key that cannot travel in a header, without ever quoting it. */
        private static String checkedKey(final String key, final String field) {
            Checks.nonBlank(key, field);
            if (!key.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException(field + " holds a character other than visible ASCII (a space, a "
                    + "line break, a control or non-ASCII character), which an HTTP header cannot carry; "
                    + "the value is not shown");
            }
            return key;
        }

        private static Duration bounded(final Duration value, final String field, final boolean zeroAllowed) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero() && !zeroAllowed) {
                throw new IllegalArgumentException(field + " must be " + (zeroAllowed ? "zero or more" : "positive")
                    + ": " + value);
            }
            if (value.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(field + " must be at most " + LONGEST + ": " + value);
            }
            return value;
        }
    }
}
