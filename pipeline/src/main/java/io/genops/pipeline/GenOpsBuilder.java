package io.genops.pipeline;

import io.genops.config.PriceTables;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ConfiguredComponents;
import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.alert.AlertChannel;
import io.genops.core.export.Exporter;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.money.CurrencyTable;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.UnknownModelPolicy;
import io.genops.pipeline.internal.BudgetBook;
import io.genops.pipeline.internal.GroupMatcher;
import io.genops.pipeline.internal.LogAlertChannel;
import io.genops.pipeline.internal.RateLimits;
import io.genops.pipeline.internal.Settings;
import io.genops.pipeline.internal.ThrottledErrorLog;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.Journals;
import io.genops.pipeline.journal.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Configures and starts a {@link GenOps} pipeline. Each setter checks its argument and names it when
 * refusing; {@link #build()} checks the whole and starts the threads. Defaults suit an embedded
 * pipeline on a small machine; the README's configuration table lists them all.
 */
public final class GenOpsBuilder {
    /** Where events are journaled unless told otherwise. */
    public static final Path DEFAULT_JOURNAL = Path.of("genops-data", "journal");

    private Attribution.Builder attribution = Attribution.builder();
    private GovernancePolicy policy = GovernancePolicy.ADVISORY;
    private boolean costAlerts = true;
    private final Map<String, BudgetBook.BudgetLimit> budgetLimits = new LinkedHashMap<>();
    private ZoneId budgetZone = ZoneOffset.UTC;
    private int[] budgetThresholdPercents = {50, 80, 100};
    private int budgetWarningPercent = 80;
    private int ringSize = 65_536;
    private BackpressurePolicy backpressure = BackpressurePolicy.BLOCK;
    private ConsumerWait consumerWait = ConsumerWait.SLEEPING;
    private long consumerParkNanos = 100_000;
    private int stageThreads = Runtime.getRuntime().availableProcessors() > 2 ? 2 : 1;
    private SamplingPolicy sampling = SamplingPolicy.keepAll();
    private UnknownModelPolicy unknownModelPolicy = UnknownModelPolicy.ZERO_AND_COUNT;
    private ModelPriceTable modelPrices;
    private PlatformPriceTable platformPrices;
    private CurrencyTable currencies = CurrencyTable.defaults();
    private int maxStringLength = 256;
    private boolean captureContent;
    private Set<RedactionRule> redactionRules = EnumSet.allOf(RedactionRule.class);
    private UnaryOperator<String> customRedactor;
    private int priceCacheCapacity = 1_024;
    private Settings.CostEstimates costEstimates = Settings.CostEstimates.exact();
    private int maxTrackedKeys = 10_000;
    private int maxAlertRules = 1_000;
    private final Map<String, AlertRule> alertRules = new LinkedHashMap<>();
    private final Map<String, AgentGroup> agentGroups = new LinkedHashMap<>();
    /** The groups the last {@link #configuration} declared; a later call replaces them. */
    private final Set<String> configuredGroups = new HashSet<>();
    private int maxAlertStateKeys = 10_000;
    private final List<Exporter> exporters = new ArrayList<>();
    private final Map<RateLimitScope, Map<String, Long>> rateLimits = new EnumMap<>(RateLimitScope.class);
    private int exportBatchSize = 512;
    private Duration exportBatchAge = Duration.ofSeconds(1);
    private int exportMaxAttempts;
    private Duration exportInitialBackoff = Duration.ofMillis(100);
    private Duration exportMaxBackoff = Duration.ofSeconds(30);
    private final List<AlertChannel> alertChannels = new ArrayList<>(List.of(new LogAlertChannel()));
    private List<String> defaultAlertChannels = List.of(LogAlertChannel.NAME);
    private int alertQueueCapacity = 1_024;
    private int alertBatchSize = 10;
    private Duration alertBatchAge = Duration.ofSeconds(1);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private StageErrorHandler errorHandler = new ThrottledErrorLog(Duration.ofSeconds(10).toNanos());
    private final List<PipelineStage> customStages = new ArrayList<>();
    private int conversationFlowInterval = 5;
    private Path journalDirectory = DEFAULT_JOURNAL;
    private JournalCycle journalCycle = Journals.DEFAULT_CYCLE;
    private boolean journalSyncOnFlush;
    private Duration journalRetentionAge;
    private long journalRetentionBytes;
    private ConfiguredComponents configured = ConfiguredComponents.none();

    GenOpsBuilder() {
    }

    /** Client-wide attribution defaults; sessions, conversations and events may override each field. */
    public GenOpsBuilder attribution(final Attribution defaults) {
        this.attribution = Objects.requireNonNull(defaults, "attribution").toBuilder();
        return this;
    }

    public GenOpsBuilder team(final String team) {
        attribution.team(team);
        return this;
    }

    public GenOpsBuilder project(final String project) {
        attribution.project(project);
        return this;
    }

    public GenOpsBuilder environment(final String environment) {
        attribution.environment(environment);
        return this;
    }

    public GenOpsBuilder customerId(final String customerId) {
        attribution.customerId(customerId);
        return this;
    }

    public GenOpsBuilder costCenter(final String costCenter) {
        attribution.costCenter(costCenter);
        return this;
    }

    public GenOpsBuilder feature(final String feature) {
        attribution.feature(feature);
        return this;
    }

    /** {@code ADVISORY} (default) records and alerts; {@code ENFORCED} also refuses spend beyond a limit. */
    public GenOpsBuilder policy(final GovernancePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Whether cost alerts are raised: budget threshold alerts, and alert rules on {@code cost_usd},
     * {@code cost_usd_per_minute}, {@code cost_usd_per_hour} or {@code budget_utilization_percent}, those
     * given here and those created at run time through a session alike. Off, such rules skip every event
     * and crossed thresholds raise nothing, while budgets are still charged and, under {@code ENFORCED},
     * still refuse calls. The switch governs the default group and every agent group that does not set
     * {@link AgentGroup.Builder#costAlerts} itself. On by default.
     */
    public GenOpsBuilder costAlerts(final boolean raised) {
        this.costAlerts = raised;
        return this;
    }

    /**
     * Declares an agent group: events that match it (by agent-id pattern and/or attribute, see
     * {@link AgentGroup}) are governed by its policy, sampling, export and cost-alert settings and its
     * rules instead of the pipeline's. Groups are tried in the order declared here and the first match
     * wins; an event matching none is in the group {@value io.genops.core.event.EventView#DEFAULT_GROUP},
     * a name no group may take. At most 64 groups. A group of the same name from {@link #configuration}
     * is replaced, in its place in the order; one declared here already is refused.
     */
    public GenOpsBuilder agentGroup(final String name, final AgentGroup group) {
        if (agentGroups.containsKey(name) && !configuredGroups.contains(name)) {
            throw new IllegalArgumentException("an agent group named '" + name + "' was already declared");
        }
        declareGroup(name, group);
        configuredGroups.remove(name);
        return this;
    }

    private void declareGroup(final String name, final AgentGroup group) {
        Checks.nonBlank(name, "agentGroup name");
        Objects.requireNonNull(group, "agentGroup");
        if (name.trim().equalsIgnoreCase(EventView.DEFAULT_GROUP)) {
            throw new IllegalArgumentException("agentGroup name '" + name + "' is reserved for the events that "
                + "match no group");
        }
        if (!agentGroups.containsKey(name) && agentGroups.size() == GroupMatcher.MAX_GROUPS) {
            throw new IllegalArgumentException("agentGroup '" + name + "' would be group " + (GroupMatcher.MAX_GROUPS
                + 1) + "; at most " + GroupMatcher.MAX_GROUPS + " can be declared");
        }
        for (final Map.Entry<String, AlertRule> rule : group.alertRules().entrySet()) {
            final String named = rule.getValue().group();
            if (named != null && !named.equals(name)) {
                throw new IllegalArgumentException("agentGroup '" + name + "' carries alertRule '" + rule.getKey()
                    + "', which is limited to group '" + named + "'");
            }
        }
        agentGroups.put(name, group);
    }

    /** The daily budget of every team without one of its own; none by default. */
    public GenOpsBuilder dailyBudget(final Money limit) {
        return defaultBudget(BudgetScope.TEAM, BudgetWindow.DAILY, limit);
    }

    /** The daily budget of {@code team}. */
    public GenOpsBuilder dailyBudget(final String team, final Money limit) {
        return budget(BudgetScope.TEAM, team, BudgetWindow.DAILY, limit);
    }

    /**
     * A limit for one key of a scope in one window, such as team {@code support} per month, or
     * team and project {@code support/helpdesk} ({@link BudgetScope#keyOf}) per day. Setting the same
     * scope, key and window again replaces the limit.
     */
    public GenOpsBuilder budget(final BudgetScope scope, final String key, final BudgetWindow window,
        final Money limit) {
        Objects.requireNonNull(scope, "scope");
        Checks.nonBlank(key, "budget key");
        if (scope == BudgetScope.TEAM_PROJECT && key.indexOf('/') <= 0) {
            throw new IllegalArgumentException("a team-and-project budget key reads 'team/project': " + key);
        }
        Objects.requireNonNull(window, "window");
        final long nanos = positiveUsd(limit, "budget for " + scope.label() + "=" + key);
        budgetLimits.put(scope + "|" + key + "|" + window, new BudgetBook.BudgetLimit(scope, key, window, nanos));
        return this;
    }

    /** A limit in {@code window} for every key of {@code scope} without a limit of its own. */
    public GenOpsBuilder defaultBudget(final BudgetScope scope, final BudgetWindow window, final Money limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
        final long nanos = positiveUsd(limit, "default " + window.label() + " budget for " + scope.label());
        budgetLimits.put(scope + "||" + window, new BudgetBook.BudgetLimit(scope, null, window, nanos));
        return this;
    }

    /**
     * Limits {@code key} (a team or an agent id) to {@code eventsPerSecond}, with bursts of up to one
     * second's worth. Over the limit, an enforced pipeline refuses the call with
     * {@link io.genops.core.policy.RateLimitedException}; an advisory one records the event marked
     * {@code RATE_LIMITED}.
     */
    public GenOpsBuilder rateLimit(final RateLimitScope scope, final String key, final long eventsPerSecond) {
        Objects.requireNonNull(scope, "scope");
        Checks.nonBlank(key, "rate limit key");
        if (eventsPerSecond <= 0 || eventsPerSecond > 1_000_000_000L) {
            throw new IllegalArgumentException("rateLimit for " + scope.label() + "=" + key
                + " must lie in [1, 1e9] events per second: " + eventsPerSecond);
        }
        rateLimits.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(key, eventsPerSecond);
        return this;
    }

    /** The rate limit of every key of {@code scope} without one of its own. */
    public GenOpsBuilder defaultRateLimit(final RateLimitScope scope, final long eventsPerSecond) {
        return rateLimit(scope, "*", eventsPerSecond);
    }

    /** The time zone whose calendar days, weeks and months bound budget windows; default UTC. */
    public GenOpsBuilder budgetZone(final ZoneId zone) {
        this.budgetZone = Objects.requireNonNull(zone, "budgetZone");
        return this;
    }

    /** Utilization percentages that each raise one alert per team per day; default 50, 80, 100. */
    public GenOpsBuilder budgetThresholds(final int... percents) {
        Objects.requireNonNull(percents, "budgetThresholds");
        if (percents.length == 0 || percents.length > 31) {
            throw new IllegalArgumentException("budgetThresholds needs 1 to 31 percentages: " + percents.length);
        }
        for (final int percent : percents) {
            percent(percent, "budgetThresholds");
        }
        final int[] sorted = percents.clone();
        Arrays.sort(sorted);
        this.budgetThresholdPercents = sorted;
        return this;
    }

    /** Utilization from which events carry {@code WARNING / BUDGET_THRESHOLD}; default 80. */
    public GenOpsBuilder budgetWarningPercent(final int percent) {
        this.budgetWarningPercent = percent(percent, "budgetWarningPercent");
        return this;
    }

    /** Slots in the ring, a power of two; default 65,536. */
    public GenOpsBuilder ringSize(final int slots) {
        if (slots < 2 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two of at least 2: " + slots);
        }
        this.ringSize = slots;
        return this;
    }

    public GenOpsBuilder backpressure(final BackpressurePolicy backpressure) {
        this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
        return this;
    }

    public GenOpsBuilder consumerWait(final ConsumerWait wait) {
        this.consumerWait = Objects.requireNonNull(wait, "consumerWait");
        return this;
    }

    /**
     * The first park of an idle {@link ConsumerWait#SLEEPING} consumer, after a short spin and a few
     * yields; each further park while the ring stays empty doubles it, up to 4 ms (a longer value here
     * stays as it is). Default 100 µs. Under load a consumer never parks; a quiet one wakes a few hundred
     * times a second at most and notices the next event within the park it is in.
     */
    public GenOpsBuilder consumerPark(final Duration park) {
        Objects.requireNonNull(park, "consumerPark");
        if (park.isNegative() || park.isZero() || park.compareTo(Duration.ofMillis(100)) > 0) {
            throw new IllegalArgumentException("consumerPark must lie in (0, 100 ms]: " + park);
        }
        this.consumerParkNanos = park.toNanos();
        return this;
    }

    /** Consumer threads the stages are spread over, in order; default 1 on up to 2 cores, else 2. */
    public GenOpsBuilder stageThreads(final int threads) {
        if (threads < 1 || threads > 8) {
            throw new IllegalArgumentException("stageThreads must lie in [1, 8]: " + threads);
        }
        this.stageThreads = threads;
        return this;
    }

    /**
     * The fraction of events of {@code kind} exported as spans or logs, in [0, 1]; default 1. Shorthand
     * for a fixed-rate {@link #sampling} policy; refused once an adaptive policy is set, and for
     * {@link EventKind#SESSION}, whose records are exported whenever their agent group exports anything.
     */
    public GenOpsBuilder samplingRate(final EventKind kind, final double rate) {
        Objects.requireNonNull(kind, "kind");
        if (kind == EventKind.SESSION) {
            throw new IllegalArgumentException(SamplingPolicy.SESSION_RATE_REFUSED);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("samplingRate for " + kind + " must lie in [0, 1]: " + rate);
        }
        this.sampling = sampling.withRate(kind, rate);
        return this;
    }

    /** Which events are exported, such as {@link SamplingPolicy#adaptive()}; replaces earlier rates. */
    public GenOpsBuilder sampling(final SamplingPolicy policy) {
        this.sampling = Objects.requireNonNull(policy, "sampling");
        return this;
    }

    /** What to do with a model that has no price; default {@code ZERO_AND_COUNT}. */
    public GenOpsBuilder unknownModelPolicy(final UnknownModelPolicy policy) {
        this.unknownModelPolicy = Objects.requireNonNull(policy, "unknownModelPolicy");
        return this;
    }

    /** Model prices; default the bundled table. */
    public GenOpsBuilder modelPrices(final ModelPriceTable prices) {
        this.modelPrices = Objects.requireNonNull(prices, "modelPrices");
        return this;
    }

    /** Monitoring-platform prices; default the bundled table. */
    public GenOpsBuilder platformPrices(final PlatformPriceTable prices) {
        this.platformPrices = Objects.requireNonNull(prices, "platformPrices");
        return this;
    }

    public GenOpsBuilder currencies(final CurrencyTable currencies) {
        this.currencies = Objects.requireNonNull(currencies, "currencies");
        return this;
    }

    /** The longest id, name or attribution value accepted, in characters; default 256. */
    public GenOpsBuilder maxStringLength(final int chars) {
        this.maxStringLength = Checks.positive(chars, "maxStringLength");
        return this;
    }

    /**
     * Whether message content and the model's answer ({@code Interaction.content()} and {@code output()}) are
     * kept with events, in the journal and in what exporters send; off by default, when only their size is.
     */
    public GenOpsBuilder captureContent(final boolean capture) {
        this.captureContent = capture;
        return this;
    }

    /**
     * The built-in rules that redact captured content and answers (every {@link RedactionRule} by default); an
     * empty set redacts nothing. Under content capture, both texts pass through the rules on the consumer
     * thread before the journal stage, so neither the journal, nor an exporter, nor a stage of your own sees
     * them unredacted; each match is replaced by the rule's marker and counted in
     * {@code metrics().redactions()}. Without content capture there is nothing to redact. Replaces the rules
     * and the custom redactor of an earlier call.
     */
    public GenOpsBuilder redact(final Set<RedactionRule> rules) {
        this.redactionRules = rules(rules);
        this.customRedactor = null;
        return this;
    }

    /**
     * As {@link #redact(Set)}, and then {@code custom} on each text the rules returned, for what only your
     * application knows the shape of (order numbers, internal hosts). It runs on the consumer thread and must
     * not block. When it throws or returns {@code null}, the event's content and answer are dropped rather
     * than kept unredacted, and the event is counted as failed. A configuration applied later keeps it and
     * replaces only the rules.
     */
    public GenOpsBuilder redact(final Set<RedactionRule> rules, final UnaryOperator<String> custom) {
        this.redactionRules = rules(rules);
        this.customRedactor = Objects.requireNonNull(custom, "custom redactor");
        return this;
    }

    private static Set<RedactionRule> rules(final Set<RedactionRule> rules) {
        Objects.requireNonNull(rules, "redaction rules");
        final Set<RedactionRule> copy = EnumSet.noneOf(RedactionRule.class);
        for (final RedactionRule rule : rules) {
            copy.add(Objects.requireNonNull(rule, "redaction rule"));
        }
        return copy;
    }

    public GenOpsBuilder priceCacheCapacity(final int entries) {
        this.priceCacheCapacity = Checks.positive(entries, "priceCacheCapacity");
        return this;
    }

    /**
     * Lets callers charge every interaction a fixed {@code perInteraction} cost instead of pricing it on their
     * thread, for traffic where each nanosecond of the call counts. The consumer thread still prices each
     * interaction exactly, so costs, totals, budgets' spend, alerts, the journal and exports are exact; what
     * the estimate changes is the enforcement gate: an enforced budget reserves the estimate, and the budget
     * stage settles the difference from the exact costs into the gate after every {@code reconcileEvery}
     * interactions and whenever the ring runs empty. Between settlements an enforced limit can therefore be
     * passed by the difference between exact costs and estimates of the events in flight. Token counts too
     * large to price safely are still priced, and refused, at the call. Under an advisory policy the caller
     * prices nothing in any case, so the estimate matters only where a policy is enforced. Off by default.
     */
    public GenOpsBuilder costEstimate(final Money perInteraction, final int reconcileEvery) {
        this.costEstimates = new Settings.CostEstimates(positiveUsd(perInteraction, "costEstimate"),
            Checks.positive(reconcileEvery, "reconcileEvery"));
        return this;
    }

    /** Callers price every interaction exactly (the default), undoing {@link #costEstimate}. */
    public GenOpsBuilder exactCosts() {
        this.costEstimates = Settings.CostEstimates.exact();
        return this;
    }

    /** Distinct teams, agents and models kept in totals and budgets before grouping as "(other)". */
    public GenOpsBuilder maxTrackedKeys(final int keys) {
        this.maxTrackedKeys = Checks.positive(keys, "maxTrackedKeys");
        return this;
    }

    public GenOpsBuilder maxAlertRules(final int rules) {
        this.maxAlertRules = Checks.positive(rules, "maxAlertRules");
        return this;
    }

    /**
     * An alert rule in force from the start, before any event, as if created under the client's
     * attribution (the rule's own attribution overrides it); the same name again replaces the rule.
     */
    public GenOpsBuilder alertRule(final String name, final AlertRule rule) {
        Checks.nonBlank(name, "alertRule name");
        alertRules.put(name, Objects.requireNonNull(rule, "alertRule"));
        return this;
    }

    /** States of (alert rule, team, project, customer or agent) kept; the least recently seen go first. */
    public GenOpsBuilder maxAlertStateKeys(final int keys) {
        this.maxAlertStateKeys = Checks.positive(keys, "maxAlertStateKeys");
        return this;
    }

    /**
     * Adds a channel; one with the name of an existing channel replaces it, and one named like a configured
     * channel replaces that one, whenever it is added.
     */
    public GenOpsBuilder alertChannel(final AlertChannel channel) {
        Objects.requireNonNull(channel, "alertChannel");
        Checks.nonBlank(channel.name(), "alertChannel name");
        alertChannels.removeIf(existing -> existing.name().equals(channel.name()));
        alertChannels.add(channel);
        return this;
    }

    /** Channels for alerts that name none (budget alerts among them); default {@code log}. */
    public GenOpsBuilder defaultAlertChannels(final String... names) {
        Objects.requireNonNull(names, "defaultAlertChannels");
        for (final String name : names) {
            Checks.nonBlank(name, "defaultAlertChannels entry");
        }
        this.defaultAlertChannels = List.of(names);
        return this;
    }

    public GenOpsBuilder alertQueueCapacity(final int alerts) {
        this.alertQueueCapacity = Checks.positive(alerts, "alertQueueCapacity");
        return this;
    }

    public GenOpsBuilder alertBatchSize(final int alerts) {
        this.alertBatchSize = Checks.positive(alerts, "alertBatchSize");
        return this;
    }

    public GenOpsBuilder alertBatchAge(final Duration age) {
        this.alertBatchAge = positive(age, "alertBatchAge");
        return this;
    }

    /** How long {@link GenOps#close()} and session closes wait to drain; default 10 s. */
    public GenOpsBuilder closeTimeout(final Duration timeout) {
        this.closeTimeout = positive(timeout, "closeTimeout");
        return this;
    }

    /**
     * The clock that stamps events; tests set their own. Budget windows are the calendar days, ISO weeks
     * and months of {@link #budgetZone} (UTC by default) by this clock, and so are the windows rebuilt
     * from the journal at start; journal retention measures ages by it too. Rate limits measure time with
     * {@link System#nanoTime()}, and the journal rolls to a new cycle file by the system clock, as
     * Chronicle Queue does, whatever this clock says.
     */
    public GenOpsBuilder clock(final Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public GenOpsBuilder errorHandler(final StageErrorHandler handler) {
        this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
        return this;
    }

    /** Appends a stage of the caller's own after the built-in ones. */
    public GenOpsBuilder stage(final PipelineStage stage) {
        Objects.requireNonNull(stage, "stage");
        Checks.nonBlank(stage.name(), "stage name");
        customStages.add(stage);
        return this;
    }

    /** A conversation emits a flow signal every this many interactions; default 5. */
    public GenOpsBuilder conversationFlowInterval(final int interactions) {
        this.conversationFlowInterval = Checks.positive(interactions, "conversationFlowInterval");
        return this;
    }

    /**
     * The directory of the audit journal (a Chronicle Queue); default {@code ./genops-data/journal}. A
     * journal keeps the roll cycle it was created with: opening one of another {@link #journalRollCycle}
     * fails at {@link #build()}.
     */
    public GenOpsBuilder journal(final Path directory) {
        this.journalDirectory = Objects.requireNonNull(directory, "journal");
        return this;
    }

    /** Keeps the pipeline in memory only: nothing is journaled, and budgets start empty. */
    public GenOpsBuilder noJournal() {
        this.journalDirectory = null;
        return this;
    }

    /**
     * How often the journal starts a new cycle file, which bounds the records one file can index (see
     * {@link JournalCycle} for each cycle's capacity); default {@link JournalCycle#LARGE_DAILY}, one file
     * per UTC day. Shorter cycles make smaller files and let retention delete in finer steps. Applies to a
     * new journal; an existing one keeps its own, and a different one here is refused at {@link #build()}.
     */
    public GenOpsBuilder journalRollCycle(final JournalCycle cycle) {
        this.journalCycle = Objects.requireNonNull(cycle, "journalRollCycle");
        return this;
    }

    /**
     * Whether {@link GenOps#flush} also forces the journal's cycle file (and the one before, when the
     * journal rolled since the last flush) to the storage device, so what a flush confirmed survives a
     * power loss; a flush whose forcing fails returns false. Off by default: a flushed record then
     * survives the process being killed, not the machine going down.
     */
    public GenOpsBuilder journalSyncOnFlush(final boolean sync) {
        this.journalSyncOnFlush = sync;
        return this;
    }

    /**
     * Deletes journal cycles (days, by default) that ended longer ago than {@code age}, checked when the
     * journal opens and when it rolls to a new cycle; keeps every cycle by default. Budgets rebuilt at a
     * restart see only the records kept.
     */
    public GenOpsBuilder journalRetentionAge(final Duration age) {
        this.journalRetentionAge = positive(age, "journalRetentionAge");
        return this;
    }

    /**
     * Deletes the oldest past journal cycles while the journal's files exceed {@code bytes}, checked when
     * the journal opens and when it rolls to a new cycle; no limit by default. The cycle being written is
     * never deleted, so the files can pass the limit by up to one cycle's worth; a shorter
     * {@link #journalRollCycle} bounds that tighter.
     */
    public GenOpsBuilder journalRetentionBytes(final long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("journalRetentionBytes must be positive: " + bytes);
        }
        this.journalRetentionBytes = bytes;
        return this;
    }

    /**
     * Adds an exporter, fed from the journal by a thread of its own; its name names its position in
     * the journal, so two exporters need two names. One named like an exporter the configuration turns on
     * ({@code otlp}, {@code prometheus}, {@code raindrop}) replaces that one, whenever it is added.
     */
    public GenOpsBuilder exporter(final Exporter exporter) {
        Objects.requireNonNull(exporter, "exporter");
        Checks.exporterName(exporter.name());
        if (exporters.stream().anyMatch(existing -> existing.name().equals(exporter.name()))) {
            throw new IllegalArgumentException("an exporter named '" + exporter.name() + "' was already added");
        }
        exporters.add(exporter);
        return this;
    }

    /** Most events an exporter sends at once; default 512. */
    public GenOpsBuilder exportBatchSize(final int events) {
        this.exportBatchSize = Checks.positive(events, "exportBatchSize");
        return this;
    }

    /** Longest an exporter waits to fill a batch; default 1 s. */
    public GenOpsBuilder exportBatchAge(final Duration age) {
        this.exportBatchAge = positive(age, "exportBatchAge");
        return this;
    }

    /**
     * Sends of one batch before it is given up and counted; 0 (default) retries until delivered. A batch the
     * exporter reports refused as undeliverable ({@code ExportResult.FAILED}) is counted as failed at once.
     */
    public GenOpsBuilder exportMaxAttempts(final int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("exportMaxAttempts must not be negative: " + attempts);
        }
        this.exportMaxAttempts = attempts;
        return this;
    }

    /** Pause after a failed send, doubling up to {@code max}; default 100 ms to 30 s. */
    public GenOpsBuilder exportBackoff(final Duration initial, final Duration max) {
        this.exportInitialBackoff = positive(initial, "exportBackoff initial");
        this.exportMaxBackoff = positive(max, "exportBackoff max");
        return this;
    }

    /**
     * Applies a checked configuration, loaded from a file, the environment and system properties by
     * {@link GenOpsConfiguration#loader()} (every key is in {@code docs/configuration.md}), through the
     * setters above; setters called afterwards override it.
     *
     * <p>The exporters and alert channels the configuration turns on are built by providers found with
     * {@link java.util.ServiceLoader} ({@link ConfiguredComponents}); {@code genops-exporters} holds one for
     * each type. This call only finds them, and fails when one is missing; {@link #build()} builds them, so
     * nothing listens or connects before it. An exporter or channel added with {@link #exporter} or
     * {@link #alertChannel} under the same name (an exporter's type such as {@code otlp}, a channel's name)
     * replaces the configured one, before or after this call, and the configured one is never built. A second
     * call replaces the configured exporters and channels of the first.
     *
     * @throws IllegalStateException when the configuration turns on an exporter or channel type that no
     *     provider on the class path builds; the message names the key and the module to add
     */
    public GenOpsBuilder configuration(final GenOpsConfiguration config) {
        Objects.requireNonNull(config, "configuration");
        this.configured = ConfiguredComponents.resolve(config);
        ConfigurationMapping.apply(config, this);
        return this;
    }

    /** A configuration's redaction rules: unlike {@link #redact(Set)}, keeps a custom redactor set by hand. */
    void configuredRedaction(final Set<RedactionRule> rules) {
        this.redactionRules = rules(rules);
    }

    /** Replaces the agent groups an earlier configuration declared with {@code groups}, in their order. */
    void configuredGroups(final Map<String, AgentGroup> groups) {
        agentGroups.keySet().removeAll(configuredGroups);
        configuredGroups.clear();
        groups.forEach((name, group) -> {
            declareGroup(name, group);
            configuredGroups.add(name);
        });
    }

    /**
     * Checks the whole configuration, builds the configured exporters and channels not replaced by hand, and
     * starts the pipeline's threads. Configured exporters are built after every check has passed, and closed
     * again when starting fails.
     */
    public GenOps build() {
        final Set<String> handExporters = names(exporters, Exporter::name);
        final Set<String> handChannels = names(alertChannels, AlertChannel::name);
        final Set<String> channelNames = new HashSet<>(handChannels);
        channelNames.addAll(configured.channelNames());
        checkChannels(channelNames);
        checkExporters(exporters.size() + configured.exporterNames().stream()
            .filter(name -> !handExporters.contains(name)).count());
        checkAlertRules();
        checkAgentGroups();
        // Every check has passed: only now are configured channels and exporters built.
        final List<AlertChannel> channels = new ArrayList<>(alertChannels);
        channels.addAll(configured.buildChannels(handChannels));
        final List<Exporter> built = configured.buildExporters(handExporters);
        final List<Exporter> all = new ArrayList<>(exporters);
        all.addAll(built);
        try {
            return start(List.copyOf(channels), List.copyOf(all));
        } catch (final RuntimeException e) {
            built.forEach(Exporter::close);
            throw e;
        }
    }

    private static <T> Set<String> names(final List<T> components, final Function<T, String> name) {
        return components.stream().map(name).collect(Collectors.toUnmodifiableSet());
    }

    private GenOps start(final List<AlertChannel> channels, final List<Exporter> allExporters) {
        final ModelPriceTable models = modelPrices != null ? modelPrices : PriceTables.bundledModels();
        final PlatformPriceTable platform = platformPrices != null ? platformPrices : PriceTables.bundledPlatform();
        return new GenOps(new Settings(attribution.build(), policy, costAlerts, List.copyOf(budgetLimits.values()),
            budgetZone, budgetThresholdPercents.clone(), budgetWarningPercent, ringSize,
            backpressure, consumerWait, consumerParkNanos, stageThreads, sampling,
            unknownModelPolicy, models, platform, currencies, maxStringLength, captureContent,
            new Settings.Redaction(Collections.unmodifiableSet(EnumSet.copyOf(redactionRules)), customRedactor),
            priceCacheCapacity,
            costEstimates, maxTrackedKeys, maxAlertRules, channels, defaultAlertChannels, alertQueueCapacity,
            alertBatchSize, alertBatchAge, closeTimeout, clock, errorHandler, List.copyOf(customStages),
            conversationFlowInterval, journalDirectory, journalCycle, journalSyncOnFlush,
            new Retention(journalRetentionAge, journalRetentionBytes, clock),
            Collections.unmodifiableMap(new LinkedHashMap<>(alertRules)), maxAlertStateKeys,
            new Settings.Export(allExporters, exportBatchSize, exportBatchAge, exportMaxAttempts,
                exportInitialBackoff, exportMaxBackoff), new RateLimits(rateLimits, maxTrackedKeys),
            Collections.unmodifiableMap(new LinkedHashMap<>(agentGroups))));
    }

    private void checkExporters(final long count) {
        if (count > 0 && journalDirectory == null) {
            throw new IllegalStateException("exporters read the journal, but noJournal() was set; configure a journal "
                + "to use " + count + " exporter(s)");
        }
        if (exportInitialBackoff.compareTo(exportMaxBackoff) > 0) {
            throw new IllegalStateException("exportBackoff: the initial pause " + exportInitialBackoff
                + " is longer than the longest " + exportMaxBackoff);
        }
    }

    private void checkAlertRules() {
        final int groupRules = agentGroups.values().stream().mapToInt(group -> group.alertRules().size()).sum();
        if (alertRules.size() + groupRules > maxAlertRules) {
            throw new IllegalStateException("alertRule was called for " + alertRules.size() + " rules and agent "
                + "groups carry " + groupRules + ", more than maxAlertRules (" + maxAlertRules + ")");
        }
        alertRules.keySet().forEach(name -> Checks.maxLength(name, maxStringLength, "alertRule name"));
        alertRules.forEach((name, rule) -> {
            if (rule.group() != null && !agentGroups.containsKey(rule.group())) {
                throw new IllegalStateException("alertRule '" + name + "' is limited to agent group '" + rule.group()
                    + "', which was not declared; declared: " + String.join(", ", agentGroups.keySet()));
            }
        });
    }

    /** Names within the length limit, and rule names unique across the pipeline and its groups. */
    private void checkAgentGroups() {
        final Map<String, String> ruleOwners = new LinkedHashMap<>();
        alertRules.keySet().forEach(name -> ruleOwners.put(name, "the pipeline"));
        agentGroups.forEach((name, group) -> {
            Checks.maxLength(name, maxStringLength, "agentGroup name");
            group.attributes().forEach((attribute, value) -> Checks.maxLength(value, maxStringLength,
                "agentGroup '" + name + "' " + attribute.label()));
            for (final String rule : group.alertRules().keySet()) {
                Checks.maxLength(rule, maxStringLength, "alertRule name");
                final String owner = ruleOwners.putIfAbsent(rule, "agent group '" + name + "'");
                if (owner != null) {
                    throw new IllegalStateException("agent group '" + name + "' carries alertRule '" + rule
                        + "', a name " + owner + " already uses; rule names are shared");
                }
            }
        });
    }

    private void checkChannels(final Set<String> channelNames) {
        for (final String name : defaultAlertChannels) {
            if (!channelNames.contains(name)) {
                throw new IllegalStateException("defaultAlertChannels names '" + name + "', but no alert channel of "
                    + "that name was added");
            }
        }
    }

    private static long positiveUsd(final Money limit, final String field) {
        Objects.requireNonNull(limit, field);
        if (!Money.USD.equals(limit.currency()) || limit.nanos() <= 0) {
            throw new IllegalArgumentException(field + " must be a positive USD amount: " + limit);
        }
        return limit.nanos();
    }

    private static int percent(final int percent, final String field) {
        if (percent < 1 || percent > 1000) {
            throw new IllegalArgumentException(field + " must lie in [1, 1000] percent: " + percent);
        }
        return percent;
    }

    private static Duration positive(final Duration duration, final String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + duration);
        }
        return duration;
    }
}
