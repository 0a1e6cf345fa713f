package io.genops.pipeline;

import io.genops.core.money.Money;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the pipeline's own counts. Every event a caller handed over is in exactly one of
 * {@code accepted}, {@code dropped}, {@code rejectedBudget}, {@code rejectedRateLimited} or
 * {@code rejectedInvalid}; every accepted
 * event is eventually {@code processed}, failed or not.
 *
 * @param accepted          events published into the ring
 * @param processed         accepted events that have passed every stage
 * @param dropped           events refused because the ring was full ({@code DROP} and {@code FAIL})
 * @param rejectedBudget    events refused at the call by an enforced budget
 * @param rejectedInvalid   calls refused for bad input or because the pipeline was closed
 * @param failedEvents      accepted events on which at least one stage threw (still accounted)
 * @param stageFailures     stage invocations that threw
 * @param unpricedEvents    interactions whose model had no price (tokens priced at zero)
 * @param sampledIn         events marked for export
 * @param sampledOut        events not marked for export (still accounted)
 * @param alertsFired       alerts raised by rules and budgets
 * @param alertsSuppressed  rule matches held back by a cooldown
 * @param alertsDelivered   alert deliveries that succeeded, per channel
 * @param alertsFailed      alert deliveries whose channel threw, per channel
 * @param alertsDropped     alerts lost because the delivery queue was full
 * @param alertsUnroutable  alert deliveries to a channel name nobody registered
 * @param priceCacheHits    model price lookups served by the cache
 * @param priceCacheMisses  model price lookups that went to the table
 * @param ringCapacity      slots in the ring
 * @param ringRemaining     free slots at the time of the snapshot
 * @param journaled         records appended to the journal by this process (0 when there is no journal)
 * @param totalCost         the cost of every processed event
 * @param costByTeam        cost per team, capped in distinct keys
 * @param costByAgent       cost per agent, capped in distinct keys
 * @param costByModel       cost per model, capped in distinct keys
 * @param stageGroups       per consumer thread: its stages and batch sizes
 * @param sampling          why exported events were kept, and the adaptive sampler's key table
 * @param alerts            the alert stage's rule states and the firings put back into the pipeline
 * @param rejectedRateLimited events refused at the call by an enforced rate limit
 * @param groups            per agent group, declared groups in order and {@code default} last
 * @param sessionsUnrecorded closed sessions whose session record is not in the journal: the pipeline had
 *                          closed, or the ring stayed full (then also counted in {@code dropped})
 * @param estimates         interactions charged a fixed estimate by their callers, and how far off it was
 * @param redactions        under content capture, matches the redaction rules replaced in content and
 *                          answers, plus texts the custom redactor changed
 */
public record PipelineMetrics(long accepted, long processed, long dropped, long rejectedBudget, long rejectedInvalid,
    long failedEvents, long stageFailures, long unpricedEvents, long sampledIn, long sampledOut, long alertsFired,
    long alertsSuppressed, long alertsDelivered, long alertsFailed, long alertsDropped, long alertsUnroutable,
    long priceCacheHits, long priceCacheMisses, long ringCapacity, long ringRemaining, long journaled,
    Money totalCost,
    Map<String, Money> costByTeam, Map<String, Money> costByAgent, Map<String, Money> costByModel,
    List<StageGroup> stageGroups, SamplingMetrics sampling, AlertMetrics alerts, long rejectedRateLimited,
    Map<String, GroupMetrics> groups, long sessionsUnrecorded, CostEstimates estimates, long redactions) {

    /** Events refused at the call for any reason other than a full ring. */
    public long rejected() {
        return rejectedBudget + rejectedRateLimited + rejectedInvalid;
    }

    /**
     * What a configured fixed cost estimate did; all zero when callers price exactly.
     *
     * @param interactions interactions whose callers charged the estimate instead of pricing them
     * @param drift        their exact cost minus their estimates: negative when the estimate runs high
     * @param settlements  times the differences were settled into the budgets callers check
     */
    public record CostEstimates(long interactions, Money drift, long settlements) {
    }

    /**
     * One consumer thread's view of batching.
     *
     * @param stages   the stage names it runs, in order, joined by {@code +}
     * @param batches  batches it has processed
     * @param events   events it has processed
     * @param maxBatch the largest batch so far
     */
    public record StageGroup(String stages, long batches, long events, long maxBatch) {
        /** Mean events per batch; zero before the first batch. */
        public double meanBatch() {
            return batches == 0 ? 0 : (double)events / batches;
        }
    }
}
