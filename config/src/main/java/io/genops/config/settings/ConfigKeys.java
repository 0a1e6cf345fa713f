package io.genops.config.settings;

import static io.genops.config.settings.ValueType.bool;
import static io.genops.config.settings.ValueType.duration;
import static io.genops.config.settings.ValueType.fraction;
import static io.genops.config.settings.ValueType.list;
import static io.genops.config.settings.ValueType.oneOf;
import static io.genops.config.settings.ValueType.positive;
import static io.genops.config.settings.ValueType.text;

import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.Condition;
import io.genops.core.event.Severity;
import io.genops.core.money.CurrencyTable;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.UnknownModelPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key, in one place: name, type, default, environment variable and meaning. Loading,
 * validation, masking of secrets and the reference table in {@code docs/configuration.md} all derive from
 * this class, so the documentation cannot drift from the code; a test regenerates the table and fails
 * when the file differs.
 *
 * <p>Defaults equal the pipeline builder's own. Keys are grouped in sections by the part after
 * {@code genops.}; the order here is the order of the table.
 */
public final class ConfigKeys {
    private static final List<ConfigKey<?>> KEYS = new ArrayList<>();
    /** Section titles of the reference table, by the part of a key's name after {@code genops.}. */
    private static final Map<String, String> SECTIONS = titles("profile", "Sources", "preset", "Sources",
        "config", "Sources", "attribution", "Attribution", "policy", "Policy, budgets and rate limits", "budgets",
        "Policy, budgets and rate limits", "rate-limits", "Policy, budgets and rate limits", "pricing", "Prices",
        "pipeline", "Pipeline", "sampling", "Sampling", "groups", "Agent groups", "alerts", "Alerts", "journal",
        "Journal", "exporters",
        "Exporters", "limits", "Limits");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration LONGEST = Duration.ofDays(36_500);

    public static final ConfigKey<Profile> PROFILE = add(ConfigKey.optional("genops.profile", oneOf(Profile.class),
        "none", "The deployment profile whose defaults lie beneath everything set on purpose; see Profiles below."));
    public static final ConfigKey<Preset> PRESET = add(ConfigKey.optional("genops.preset", oneOf(Preset.class),
        "none", "A workload preset applied over the profile and beneath everything set on purpose; see Presets "
            + "below."));
    public static final ConfigKey<Path> CONFIG_FILE = add(ConfigKey.optional("genops.config", ValueType.path(),
        "genops.yaml, genops.yml or genops.json in the working directory, if there",
        "The configuration file, YAML or JSON by its extension. Read from the loader, a system property or the "
            + "environment only, never from the file itself.").notInFile());

    public static final ConfigKey<String> TEAM = add(ConfigKey.optional("genops.attribution.team", text(), "unset",
        "The team every event is charged to unless a session, conversation or event names another."));
    public static final ConfigKey<String> PROJECT = add(ConfigKey.optional("genops.attribution.project", text(),
        "unset", "The client-wide project."));
    public static final ConfigKey<String> ENVIRONMENT = add(ConfigKey.optional("genops.attribution.environment",
        text(), "unset", "The client-wide environment, such as production; each profile sets its own."));
    public static final ConfigKey<String> CUSTOMER_ID = add(ConfigKey.optional("genops.attribution.customer-id",
        text(), "unset", "The client-wide customer."));
    public static final ConfigKey<String> COST_CENTER = add(ConfigKey.optional("genops.attribution.cost-center",
        text(), "unset", "The client-wide cost center."));
    public static final ConfigKey<String> FEATURE = add(ConfigKey.optional("genops.attribution.feature", text(),
        "unset", "The client-wide feature."));

    public static final ConfigKey<GovernancePolicy> POLICY = add(ConfigKey.of("genops.policy",
        oneOf(GovernancePolicy.class), GovernancePolicy.ADVISORY, "advisory records spend beyond a limit and alerts; "
            + "enforced also reserves each call's cost in every budget it falls under and refuses, at the call, one "
            + "that would pass a limit."));
    public static final ConfigKey<List<BudgetLimit>> BUDGET_LIMITS = add(ConfigKey.of("genops.budgets.limits",
        list(ValueType.budgetLimit(), 0, 10_000), List.of(), "Limits for one key of a scope each; team-project keys "
            + "read team/project. The same scope, key and window twice is an error."));
    public static final ConfigKey<List<BudgetLimit>> BUDGET_DEFAULTS = add(ConfigKey.of("genops.budgets.defaults",
        list(ValueType.defaultBudget(), 0, 12), List.of(), "Limits for every key of a scope without a limit of its "
            + "own, keys tracked up to genops.limits.max-tracked-keys."));
    public static final ConfigKey<ZoneId> BUDGET_ZONE = add(ConfigKey.of("genops.budgets.zone", ValueType.zone(),
        ZoneOffset.UTC, "The time zone whose calendar days, ISO weeks and months bound budget windows."));
    public static final ConfigKey<List<Integer>> BUDGET_THRESHOLDS = add(ConfigKey.of("genops.budgets.thresholds",
        list(ValueType.integer(1, 1000), 1, 31), List.of(50, 80, 100), "Utilization percentages that raise one "
            + "alert each per budget and window."));
    public static final ConfigKey<Integer> BUDGET_WARNING_PERCENT = add(ConfigKey.of(
        "genops.budgets.warning-percent", ValueType.integer(1, 1000), 80, "Utilization from which events carry "
            + "WARNING / BUDGET_THRESHOLD."));

    public static final ConfigKey<List<RateLimit>> RATE_LIMITS = add(ConfigKey.of("genops.rate-limits.limits",
        list(ValueType.rateLimit(), 0, 10_000), List.of(), "Events per second for one team or agent each, bursts of "
            + "one second's worth; over it, enforced refuses the call and advisory marks the event RATE_LIMITED."));
    public static final ConfigKey<List<RateLimit>> RATE_LIMIT_DEFAULTS = add(ConfigKey.of(
        "genops.rate-limits.defaults", list(ValueType.defaultRateLimit(), 0, 2), List.of(), "Events per second for "
            + "every team or agent without a limit of its own."));
    public static final ConfigKey<Path> LITELLM_FILE = add(ConfigKey.optional("genops.pricing.litellm-file",
        ValueType.path(), "the bundled table", "LiteLLM's model_prices_and_context_window.json, replacing the "
            + "bundled model prices; read and checked at load."));
    public static final ConfigKey<Path> MODEL_FILE = add(ConfigKey.optional("genops.pricing.model-file",
        ValueType.path(), "none", "Model prices in our own format (genops-model-prices/1), replacing or adding "
            + "to the entries of the bundled or LiteLLM table; read and checked at load."));
    public static final ConfigKey<Path> PLATFORM_FILE = add(ConfigKey.optional("genops.pricing.platform-file",
        ValueType.path(), "the bundled table", "Monitoring-platform prices in our own format "
            + "(genops-platform-prices/1); read and checked at load."));
    public static final ConfigKey<UnknownModelPolicy> UNKNOWN_MODEL = add(ConfigKey.of("genops.pricing.unknown-model",
        oneOf(UnknownModelPolicy.class), UnknownModelPolicy.ZERO_AND_COUNT, "A model without a price: "
            + "zero-and-count prices its tokens at zero, counts the event and warns once per model; fail refuses "
            + "the call."));
    public static final ConfigKey<Integer> PRICE_CACHE_CAPACITY = add(ConfigKey.of("genops.pricing.cache-capacity",
        positive(), 1_024, "Model-name lookups kept in the LRU price cache."));
    public static final ConfigKey<Money> COST_ESTIMATE = add(ConfigKey.optional("genops.pricing.estimate",
        ValueType.usd(), "an enforced call prices its interaction exactly", "A fixed cost per interaction that "
            + "the caller's thread uses instead of pricing it (only an enforced policy prices on the caller's "
            + "thread, to reserve the cost): enforced budgets reserve it, and the budget stage "
            + "reconciles the reservations with the exact costs (priced on the consumer thread as always) every "
            + "genops.pricing.reconcile-every interactions. Costs, totals, the journal and exports stay exact."));
    public static final ConfigKey<Integer> RECONCILE_EVERY = add(ConfigKey.of("genops.pricing.reconcile-every",
        ValueType.integer(1, 1_000_000), 100, "With genops.pricing.estimate: interactions after which the "
            + "difference between estimates and exact costs is settled into the budgets callers check; also "
            + "settled whenever the ring runs empty."));
    public static final ConfigKey<CurrencyTable> CURRENCIES = add(ConfigKey.of("genops.pricing.currencies",
        ValueType.currencies(), CurrencyTable.defaults(), "Exchange rates from USD for converting amounts; the "
            + "list replaces the default one."));

    public static final ConfigKey<Integer> RING_SIZE = add(ConfigKey.of("genops.pipeline.ring-size",
        ValueType.powerOfTwo(2, 1 << 30), 65_536, "Slots in the ring between callers and stages."));
    public static final ConfigKey<PipelineSettings.Backpressure> BACKPRESSURE = add(ConfigKey.of(
        "genops.pipeline.backpressure", oneOf(PipelineSettings.Backpressure.class),
        PipelineSettings.Backpressure.BLOCK, "A full ring: block waits for a slot, drop returns false and counts, "
            + "fail throws RingFullException and counts."));
    public static final ConfigKey<PipelineSettings.ConsumerWait> CONSUMER_WAIT = add(ConfigKey.of(
        "genops.pipeline.consumer-wait", oneOf(PipelineSettings.ConsumerWait.class),
        PipelineSettings.ConsumerWait.SLEEPING, "How idle consumer threads wait; measured in bench/README.md."));
    public static final ConfigKey<Duration> CONSUMER_PARK = add(ConfigKey.of("genops.pipeline.consumer-park",
        duration(Duration.ZERO, false, Duration.ofMillis(100)), Duration.ofNanos(100_000), "The first park of "
            + "an idle sleeping consumer, after a short spin and a few yields; each further park while the ring stays "
            + "empty doubles it up to 4 ms (a longer value stays as it is), so an idle pipeline wakes a few hundred "
            + "times a second at most."));
    public static final ConfigKey<Integer> STAGE_THREADS = add(ConfigKey.optional("genops.pipeline.stage-threads",
        ValueType.integer(1, 8), "1 on up to 2 cores, else 2", "Consumer threads the stages are spread over, in "
            + "order."));
    public static final ConfigKey<Boolean> CAPTURE_CONTENT = add(ConfigKey.of("genops.pipeline.capture-content",
        bool(), false, "Whether message content and the model's answer are kept with events, in the journal and what "
            + "exporters send (Raindrop carries them); otherwise only their size is. They are kept after the rules of "
            + "genops.pipeline.redact."));
    public static final ConfigKey<List<PipelineSettings.Redaction>> REDACT = add(ConfigKey.of(
        "genops.pipeline.redact", list(oneOf(PipelineSettings.Redaction.class), 0,
            PipelineSettings.Redaction.values().length), List.of(PipelineSettings.Redaction.values()), "With "
            + "genops.pipeline.capture-content: the rules captured content and answers pass through on the "
            + "consumer thread before the journal, each match replaced by a marker such as [REDACTED:email]: "
            + "api-keys (sk-, AWS, GitHub, Slack and Google keys, Bearer credentials, values of api_key, "
            + "access_token, client_secret, password and the like), emails, long-numbers (13 or more digits, and "
            + "card numbers in groups). An empty list ([] in a file) redacts nothing, and loading warns of it "
            + "while content is captured. Each rule once."));
    public static final ConfigKey<Integer> CONVERSATION_FLOW_INTERVAL = add(ConfigKey.of(
        "genops.pipeline.conversation-flow-interval", positive(), 5, "A conversation emits a flow signal every "
            + "this many interactions."));
    public static final ConfigKey<Duration> CLOSE_TIMEOUT = add(ConfigKey.of("genops.pipeline.close-timeout",
        duration(Duration.ZERO, false, HOUR), Duration.ofSeconds(10), "How long closing the pipeline, a session or "
            + "a conversation waits for events to drain."));

    public static final ConfigKey<SamplingSettings.Mode> SAMPLING_MODE = add(ConfigKey.of("genops.sampling.mode",
        oneOf(SamplingSettings.Mode.class), SamplingSettings.Mode.FIXED, "fixed exports a fixed share of each event "
            + "kind (by conversation id when there is one); adaptive samples each kind or signal name and agent by "
            + "how its recent values behave. Accounting sees every event either way; alerts, errors and refused "
            + "events are always exported."));
    public static final ConfigKey<Double> INTERACTION_RATE = add(ConfigKey.of("genops.sampling.rates.interaction",
        fraction(), 1.0, "The share of interactions exported under fixed sampling."));
    public static final ConfigKey<Double> SIGNAL_RATE = add(ConfigKey.of("genops.sampling.rates.signal",
        fraction(), 1.0, "The share of performance signals exported under fixed sampling."));
    public static final ConfigKey<Integer> FIRST_EVENTS = add(ConfigKey.of("genops.sampling.adaptive.first-events",
        ValueType.integer(0, 1_000_000), 10, "Events of each new key exported before adaptive sampling starts."));
    public static final ConfigKey<Integer> HALF_LIFE = add(ConfigKey.of("genops.sampling.adaptive.half-life",
        ValueType.integer(2, 1_000_000), 32, "Half-life of a key's long average and variance, in its events; the "
            + "short average's is an eighth of it."));
    public static final ConfigKey<Double> TREND_SENSITIVITY = add(ConfigKey.of(
        "genops.sampling.adaptive.trend-sensitivity", ValueType.decimal(0, false, 100), 4.0, "Standard errors of "
            + "noise the short average must lie beyond the long one to count as a trend."));
    public static final ConfigKey<Double> MIN_TREND_CHANGE = add(ConfigKey.of(
        "genops.sampling.adaptive.min-trend-change", ValueType.decimal(0, true, 10), 0.01, "The smallest gap that "
            + "counts as a trend, as a fraction of the long average."));
    public static final ConfigKey<Double> VARIANCE_BOUND = add(ConfigKey.of("genops.sampling.adaptive.variance-bound",
        ValueType.decimal(0, false, 100), 0.5, "The coefficient of variation above which a key counts as highly "
            + "variable."));
    public static final ConfigKey<Double> TRENDING_WORSE_RATE = add(ConfigKey.of(
        "genops.sampling.adaptive.trending-worse-rate", fraction(), 1.0, "The share of a trending-worse key's "
            + "events exported."));
    public static final ConfigKey<Double> HIGH_VARIANCE_RATE = add(ConfigKey.of(
        "genops.sampling.adaptive.high-variance-rate", fraction(), 0.1, "The share of a highly variable key's events "
            + "exported."));
    public static final ConfigKey<Double> STABLE_RATE = add(ConfigKey.of("genops.sampling.adaptive.stable-rate",
        fraction(), 0.01, "The share of a stable key's events exported."));
    public static final ConfigKey<List<String>> LOWER_IS_WORSE = add(ConfigKey.of(
        "genops.sampling.adaptive.lower-is-worse", list(text(), 0, 1_000), List.of(), "Signals whose values are "
            + "worse when lower, such as quality scores."));
    public static final ConfigKey<Double> CONVERSATION_RATE = add(ConfigKey.optional(
        "genops.sampling.adaptive.conversation-rate", fraction(), "off", "Turns on head sampling: this share of "
            + "conversations is exported whole, chosen by a hash of the conversation id."));
    public static final ConfigKey<Integer> SAMPLING_MAX_KEYS = add(ConfigKey.of("genops.sampling.adaptive.max-keys",
        ValueType.integer(1, 1 << 24), 100_000, "Keys whose statistics are kept, the least recently seen forgotten "
            + "first; about 75 bytes each."));

    public static final ConfigKey<List<String>> GROUP_ORDER = add(ConfigKey.optional("genops.groups.order",
        list(ValueType.entryName(), 1, 64), "the groups' names in alphabetical order", "The order agent groups are "
            + "tried in; the first group an event matches wins, and an event matching none is in the group default. "
            + "When set, it names every group under genops.groups exactly once."));
    public static final ConfigKey<List<String>> GROUP_AGENTS = add(ConfigKey.of("genops.groups.<name>.agents",
        list(ValueType.agentPattern(), 0, 1_000), List.of(), "Agent-id patterns, * matching any run of characters; "
            + "an event whose agent id matches one may belong to the group. A group needs agents, match or both "
            + "(then both must hold). Group names are lower-case letters, digits and hyphens; default is reserved."));
    public static final ConfigKey<Map<String, String>> GROUP_MATCH = add(ConfigKey.of("genops.groups.<name>.match",
        ValueType.map(text()), Map.of(), "Attributes the event must carry with exactly these values, such as "
            + "team=payments: team, project, environment, customer-id, cost-center, feature (the event's, else "
            + "its session's, else the client's), model, provider (interactions only)."));
    public static final ConfigKey<GovernancePolicy> GROUP_POLICY = add(ConfigKey.optional(
        "genops.groups.<name>.policy", oneOf(GovernancePolicy.class), "genops.policy", "The group's policy: "
            + "enforced refuses the group's calls that would pass a budget or rate limit, advisory records them "
            + "with a warning. Budgets and rate limits are the pipeline's."));
    public static final ConfigKey<Double> GROUP_INTERACTION_RATE = add(ConfigKey.optional(
        "genops.groups.<name>.sampling.interaction", fraction(), "genops.sampling", "The fixed share of the "
            + "group's interactions exported; 0 exports none but errors and events not ALLOWED."));
    public static final ConfigKey<Double> GROUP_SIGNAL_RATE = add(ConfigKey.optional(
        "genops.groups.<name>.sampling.signal", fraction(), "genops.sampling", "The fixed share of the group's "
            + "performance signals exported."));
    public static final ConfigKey<Boolean> GROUP_EXPORT = add(ConfigKey.of("genops.groups.<name>.export", bool(),
        true, "Whether any of the group's events is exported; false exports none, errors and alerts included. The "
            + "journal, costs and budgets see every event."));
    public static final ConfigKey<Boolean> GROUP_COST_ALERTS = add(ConfigKey.optional(
        "genops.groups.<name>.cost-alerts", bool(), "genops.alerts.cost-alerts", "Whether cost alerts are raised for "
            + "the group's events: false skips rules on cost_usd, cost_usd_per_minute, cost_usd_per_hour and "
            + "budget_utilization_percent and budget thresholds for them, while budgets are still charged; true "
            + "raises them even while genops.alerts.cost-alerts is false."));

    public static final ConfigKey<Boolean> COST_ALERTS = add(ConfigKey.of("genops.alerts.cost-alerts", bool(), true,
        "Whether cost alerts are raised: budget threshold alerts and rules on cost_usd, cost_usd_per_minute, "
            + "cost_usd_per_hour or budget_utilization_percent, configured or created at run time. false silences "
            + "them for the default group and every group without a cost-alerts of its own; budgets are still "
            + "charged and, when enforced, still refuse calls."));
    public static final ConfigKey<List<String>> DEFAULT_CHANNELS = add(ConfigKey.of("genops.alerts.default-channels",
        list(ValueType.entryName(), 1, 100), List.of(AlertSettings.LOG_CHANNEL), "Channels for alerts that name "
            + "none, budget alerts among them: log or a configured channel."));
    public static final ConfigKey<Integer> ALERT_QUEUE_CAPACITY = add(ConfigKey.of("genops.alerts.queue-capacity",
        positive(), 1_024, "Fired alerts waiting for delivery; more are dropped and counted."));
    public static final ConfigKey<Integer> ALERT_BATCH_SIZE = add(ConfigKey.of("genops.alerts.batch-size",
        positive(), 10, "Alerts per delivery batch."));
    public static final ConfigKey<Duration> ALERT_BATCH_AGE = add(ConfigKey.of("genops.alerts.batch-age",
        duration(Duration.ZERO, false, HOUR), SECOND, "The longest the dispatcher waits to fill a batch."));
    public static final ConfigKey<AlertChannelSettings.Type> CHANNEL_TYPE = add(ConfigKey.of(
        "genops.alerts.channels.<name>.type", oneOf(AlertChannelSettings.Type.class),
        AlertChannelSettings.Type.WEBHOOK, "The payload a channel's endpoint expects: a JSON webhook, or a "
            + "Slack-style incoming webhook. Channel names are lower-case letters, digits and hyphens; log is "
            + "the built-in channel."));
    public static final ConfigKey<Secret> CHANNEL_URL = add(ConfigKey.required("genops.alerts.channels.<name>.url",
        ValueType.secretUrl(), "The channel's endpoint. Secret: webhook URLs often carry their token."));
    public static final ConfigKey<Map<String, Secret>> CHANNEL_HEADERS = add(ConfigKey.of(
        "genops.alerts.channels.<name>.headers", ValueType.map(ValueType.secretHeaderValue()), Map.of(),
        "Headers sent with every delivery, such as Authorization."));
    public static final ConfigKey<Duration> CHANNEL_TIMEOUT = add(ConfigKey.of(
        "genops.alerts.channels.<name>.timeout", duration(Duration.ZERO, false, Duration.ofMinutes(10)),
        Duration.ofSeconds(5), "How long connecting, and then each attempt, may take."));
    public static final ConfigKey<Integer> CHANNEL_MAX_ATTEMPTS = add(ConfigKey.of(
        "genops.alerts.channels.<name>.max-attempts", ValueType.integer(1, 100), 3, "Attempts per batch of alerts, "
            + "the first included."));
    public static final ConfigKey<Duration> CHANNEL_BACKOFF_INITIAL = add(ConfigKey.of(
        "genops.alerts.channels.<name>.backoff-initial", duration(Duration.ZERO, false, Duration.ofMinutes(10)),
        Duration.ofMillis(200), "The pause before the first retry, doubling per retry."));
    public static final ConfigKey<Duration> CHANNEL_BACKOFF_MAX = add(ConfigKey.of(
        "genops.alerts.channels.<name>.backoff-max", duration(Duration.ZERO, false, Duration.ofMinutes(10)),
        Duration.ofSeconds(2), "The longest pause between attempts, also the cap on a Retry-After; not shorter than "
            + "backoff-initial."));
    public static final ConfigKey<List<Condition>> RULE_CONDITIONS = add(ConfigKey.required(
        "genops.alerts.rules.<name>.conditions", list(ValueType.condition(), 1, 20), "Conditions that must all hold: "
            + "per-event metrics (latency_ms, total_tokens, cost_usd, budget_utilization_percent, "
            + "signal_over_threshold, a signal's name) or metrics over the window (cost_usd_per_minute, "
            + "cost_usd_per_hour, latency_ms_p50, latency_ms_p95, latency_ms_p99, error_rate, rejection_rate)."));
    public static final ConfigKey<Severity> RULE_SEVERITY = add(ConfigKey.of("genops.alerts.rules.<name>.severity",
        oneOf(Severity.class), Severity.WARNING, "How urgent a firing is."));
    public static final ConfigKey<List<String>> RULE_CHANNELS = add(ConfigKey.of("genops.alerts.rules.<name>.channels",
        list(ValueType.entryName(), 0, 100), List.of(), "Channels to notify; none means the default channels."));
    public static final ConfigKey<AlertScope> RULE_SCOPE = add(ConfigKey.of("genops.alerts.rules.<name>.scope",
        oneOf(AlertScope.class), AlertScope.GLOBAL, "What the rule keeps its cooldown and windows per; "
            + "rejection_rate needs global."));
    public static final ConfigKey<Duration> RULE_WINDOW = add(ConfigKey.of("genops.alerts.rules.<name>.window",
        duration(AlertRule.MIN_WINDOW, true, AlertRule.MAX_WINDOW), AlertRule.DEFAULT_WINDOW, "The span windowed "
            + "metrics aggregate over."));
    public static final ConfigKey<Duration> RULE_COOLDOWN = add(ConfigKey.of("genops.alerts.rules.<name>.cooldown",
        duration(Duration.ZERO, true, LONGEST), AlertRule.DEFAULT_COOLDOWN, "The least time between two firings "
            + "for one scope key."));
    public static final ConfigKey<Integer> RULE_MIN_SAMPLES = add(ConfigKey.of(
        "genops.alerts.rules.<name>.min-samples", positive(), AlertRule.DEFAULT_MIN_SAMPLES, "Samples a window "
            + "needs before its percentiles and rates are read."));
    public static final ConfigKey<String> RULE_GROUP = add(ConfigKey.optional("genops.alerts.rules.<name>.group",
        ValueType.entryName(), "every group", "The agent group (under genops.groups) whose events alone the rule "
            + "reads; this is how a group gets rules of its own."));

    public static final ConfigKey<Boolean> JOURNAL_ENABLED = add(ConfigKey.of("genops.journal.enabled", bool(), true,
        "Whether every accepted event is journaled; false keeps the pipeline in memory only, budgets start empty "
            + "at each start, and no exporter can run."));
    public static final ConfigKey<Path> JOURNAL_DIRECTORY = add(ConfigKey.of("genops.journal.directory",
        ValueType.path(), Path.of("genops-data", "journal"), "The journal's directory: a Chronicle Queue, one cycle "
            + "file per genops.journal.roll-cycle."));
    public static final ConfigKey<JournalSettings.RollCycle> JOURNAL_ROLL_CYCLE = add(ConfigKey.of(
        "genops.journal.roll-cycle", oneOf(JournalSettings.RollCycle.class), JournalSettings.RollCycle.LARGE_DAILY,
        "How often a new journal starts a new cycle file, which bounds the records a file can index: large-daily "
            + "(a file per UTC day, 2^37 records, 1.6 million a second on average), xlarge-daily (a day, 2^38, 3.2 "
            + "million a second), fast-hourly (an hour, 2^32, 1.2 million a second), ten-minutely (2^30, 1.8 million "
            + "a second), five-minutely (2^30, 3.6 million a second). Shorter cycles make smaller files and let "
            + "retention delete in finer steps. A journal keeps the cycle it was created with: opening it with "
            + "another is an error, and readers, genops replay and verify among them, take it from the journal."));
    public static final ConfigKey<Boolean> JOURNAL_SYNC = add(ConfigKey.of("genops.journal.sync-on-flush", bool(),
        false, "Whether a flush also forces the cycle file being written (and the one before, after a roll) to the "
            + "storage device, so what a flush confirmed survives a power loss, and a flush whose forcing fails "
            + "returns false; without it a flushed record survives the process being killed, not the machine going "
            + "down."));
    public static final ConfigKey<Duration> JOURNAL_RETENTION_AGE = add(ConfigKey.optional(
        "genops.journal.retention-age", duration(Duration.ZERO, false, LONGEST), "keep every cycle", "Journal cycles "
            + "that ended longer ago are deleted, checked when the journal opens and each time it starts a new "
            + "cycle. A cycle holding records an exporter has not settled is kept; budgets rebuilt at a restart see "
            + "only the records kept."));
    public static final ConfigKey<Long> JOURNAL_RETENTION_BYTES = add(ConfigKey.optional(
        "genops.journal.retention-bytes", ValueType.byteSize(), "no limit", "The oldest journal cycles are deleted "
            + "while the journal's cycle files exceed this size, checked when the journal opens and each time it "
            + "starts a new cycle. The cycle being written is never deleted, so within a cycle the files grow past "
            + "the limit by up to a cycle's worth (a shorter roll-cycle bounds that tighter); a cycle holding "
            + "records an exporter has not settled is kept."));

    public static final ConfigKey<Integer> EXPORT_BATCH_SIZE = add(ConfigKey.of("genops.exporters.batch-size",
        positive(), 512, "Most events an exporter sends at once."));
    public static final ConfigKey<Duration> EXPORT_BATCH_AGE = add(ConfigKey.of("genops.exporters.batch-age",
        duration(Duration.ZERO, false, HOUR), SECOND, "The longest an exporter waits to fill a batch."));
    public static final ConfigKey<Integer> EXPORT_MAX_ATTEMPTS = add(ConfigKey.of("genops.exporters.max-attempts",
        ValueType.integer(0, 1_000_000), 0, "Sends of one batch before it is given up and counted; 0 retries until "
            + "delivered. A batch the receiver refuses as undeliverable (a malformed payload) is counted as failed at "
            + "once."));
    public static final ConfigKey<Duration> EXPORT_BACKOFF_INITIAL = add(ConfigKey.of(
        "genops.exporters.backoff-initial", duration(Duration.ZERO, false, DAY), Duration.ofMillis(100), "The pause "
            + "after a failed send, doubling after each further failure."));
    public static final ConfigKey<Duration> EXPORT_BACKOFF_MAX = add(ConfigKey.of("genops.exporters.backoff-max",
        duration(Duration.ZERO, false, DAY), Duration.ofSeconds(30), "The longest pause between sends; not shorter "
            + "than backoff-initial."));
    public static final ConfigKey<Boolean> OTLP_ENABLED = add(ConfigKey.of("genops.exporters.otlp.enabled", bool(),
        false, "Whether events go to an OpenTelemetry collector as traces, logs and metrics."));
    public static final ConfigKey<URI> OTLP_ENDPOINT = add(ConfigKey.optional("genops.exporters.otlp.endpoint",
        ValueType.endpoint(), "http://localhost:4318, or :4317 for grpc", "The collector: the base URL for "
            + "http-protobuf, scheme, host and port only for grpc."));
    public static final ConfigKey<ExportSettings.Otlp.Protocol> OTLP_PROTOCOL = add(ConfigKey.of(
        "genops.exporters.otlp.protocol", oneOf(ExportSettings.Otlp.Protocol.class),
        ExportSettings.Otlp.Protocol.HTTP_PROTOBUF, "OTLP over HTTP with protobuf bodies, or over gRPC."));
    public static final ConfigKey<Map<String, Secret>> OTLP_HEADERS = add(ConfigKey.of("genops.exporters.otlp.headers",
        ValueType.map(ValueType.secretHeaderValue()), Map.of(), "Headers (gRPC metadata) sent with every request, "
            + "such as Authorization."));
    public static final ConfigKey<Duration> OTLP_TIMEOUT = add(ConfigKey.of("genops.exporters.otlp.timeout",
        duration(Duration.ZERO, false, Duration.ofMinutes(10)), Duration.ofSeconds(10), "How long connecting, and "
            + "each send, may take."));
    public static final ConfigKey<Boolean> OTLP_GZIP = add(ConfigKey.of("genops.exporters.otlp.gzip", bool(), true,
        "Whether requests are gzip-compressed."));
    public static final ConfigKey<String> OTLP_SERVICE_NAME = add(ConfigKey.of("genops.exporters.otlp.service-name",
        text(), "genops", "The resource attribute service.name."));
    public static final ConfigKey<Map<String, String>> OTLP_RESOURCE_ATTRIBUTES = add(ConfigKey.of(
        "genops.exporters.otlp.resource-attributes", ValueType.map(text()), Map.of(), "Further resource attributes, "
            + "such as deployment.environment.name; service.name is set with service-name."));
    public static final ConfigKey<Path> OTLP_TRUSTED_CERTIFICATES = add(ConfigKey.optional(
        "genops.exporters.otlp.trusted-certificates", ValueType.path(), "the JVM's trusted certificates", "A PEM "
            + "file of the certificates to trust for an https endpoint; read when the pipeline is built."));
    public static final ConfigKey<Path> OTLP_CLIENT_KEY = add(ConfigKey.optional("genops.exporters.otlp.client-key",
        ValueType.path(), "no client certificate", "A PEM file of the client's private key for mutual TLS; needs "
            + "client-certificate."));
    public static final ConfigKey<Path> OTLP_CLIENT_CERTIFICATE = add(ConfigKey.optional(
        "genops.exporters.otlp.client-certificate", ValueType.path(), "no client certificate", "A PEM file of the "
            + "client's certificate for mutual TLS; needs client-key."));
    public static final ConfigKey<Duration> OTLP_METRIC_INTERVAL = add(ConfigKey.of(
        "genops.exporters.otlp.metric-interval", duration(Duration.ZERO, false, HOUR), Duration.ofSeconds(10),
        "The least time between two metric exports."));
    public static final ConfigKey<Integer> OTLP_MAX_METRIC_SERIES = add(ConfigKey.of(
        "genops.exporters.otlp.max-metric-series", ValueType.integer(1, 100_000), 2_000, "Metric series kept before "
            + "further attribute combinations go to one overflow series."));
    public static final ConfigKey<Integer> OTLP_REQUEST_SIZE = add(ConfigKey.of("genops.exporters.otlp.request-size",
        ValueType.integer(1, 100_000), 512, "The most spans, or log records, one request carries; a larger batch "
            + "goes in several requests, the first sent while the rest is still read."));
    public static final ConfigKey<Integer> OTLP_MAX_CONCURRENT_REQUESTS = add(ConfigKey.of(
        "genops.exporters.otlp.max-concurrent-requests", ValueType.integer(1, 64), 4, "The most requests of one "
            + "signal under way at once; further requests of a batch wait for a place."));
    public static final ConfigKey<Boolean> PROMETHEUS_ENABLED = add(ConfigKey.of("genops.exporters.prometheus.enabled",
        bool(), false, "Whether a /metrics endpoint is served for Prometheus to scrape."));
    public static final ConfigKey<String> PROMETHEUS_HOST = add(ConfigKey.of("genops.exporters.prometheus.host",
        text(), "127.0.0.1", "The address to listen on; 0.0.0.0 for every interface."));
    public static final ConfigKey<Integer> PROMETHEUS_PORT = add(ConfigKey.of("genops.exporters.prometheus.port",
        ValueType.integer(0, 65_535), 9_464, "The port to listen on; 0 lets the system choose."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_TEAMS = add(ConfigKey.of(
        "genops.exporters.prometheus.max-teams", ValueType.integer(1, 100_000), 100, "Distinct team label values "
            + "before further teams fold into other."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_PROJECTS = add(ConfigKey.of(
        "genops.exporters.prometheus.max-projects", ValueType.integer(1, 100_000), 100, "Distinct project label "
            + "values before further projects fold into other."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_AGENT_TYPES = add(ConfigKey.of(
        "genops.exporters.prometheus.max-agent-types", ValueType.integer(1, 100_000), 100, "Distinct agent_type "
            + "label values before further ones fold into other."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_MODELS = add(ConfigKey.of(
        "genops.exporters.prometheus.max-models", ValueType.integer(1, 100_000), 100, "Distinct model label values "
            + "before further models fold into other."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_COST_SERIES = add(ConfigKey.of(
        "genops.exporters.prometheus.max-cost-series", ValueType.integer(1, 100_000), 1_000, "Team, project and "
            + "agent-type combinations of the cost counters."));
    public static final ConfigKey<Integer> PROMETHEUS_MAX_TRACKED_AGENTS = add(ConfigKey.of(
        "genops.exporters.prometheus.max-tracked-agents", ValueType.integer(1, 10_000_000), 10_000, "Agent ids held "
            + "to count concurrent agents."));
    public static final ConfigKey<Duration> PROMETHEUS_CONCURRENT_AGENTS_WINDOW = add(ConfigKey.of(
        "genops.exporters.prometheus.concurrent-agents-window", duration(SECOND, true, DAY), Duration.ofMinutes(1),
        "How recent an agent's last event must be for it to count as concurrent."));
    public static final ConfigKey<Boolean> PROMETHEUS_JVM_METRICS = add(ConfigKey.of(
        "genops.exporters.prometheus.jvm-metrics", bool(), true, "Whether the JVM and process series (jvm_*, "
            + "process_*) are served too."));
    public static final ConfigKey<Boolean> RAINDROP_ENABLED = add(ConfigKey.of("genops.exporters.raindrop.enabled",
        bool(), false, "Whether sampled interactions and signals go to Raindrop AI's ingestion API."));
    public static final ConfigKey<URI> RAINDROP_URL = add(ConfigKey.of("genops.exporters.raindrop.url",
        ValueType.endpoint(), URI.create("https://api.raindrop.ai/v1"), "The API's base URL."));
    public static final ConfigKey<Secret> RAINDROP_WRITE_KEY = add(ConfigKey.optional(
        "genops.exporters.raindrop.write-key", ValueType.secretText(), "unset", "The write key; required when the "
            + "Raindrop exporter is enabled. Read from RAINDROP_WRITE_KEY, the variable the exporter itself reads, "
            + "or the file.").readFrom("RAINDROP_WRITE_KEY"));
    public static final ConfigKey<Duration> RAINDROP_TIMEOUT = add(ConfigKey.of("genops.exporters.raindrop.timeout",
        duration(Duration.ZERO, false, Duration.ofMinutes(10)), Duration.ofSeconds(10), "How long connecting, and "
            + "each request, may take."));
    public static final ConfigKey<Integer> RAINDROP_MAX_EVENTS_PER_REQUEST = add(ConfigKey.of(
        "genops.exporters.raindrop.max-events-per-request", ValueType.integer(1, 50), 50, "Events per request; "
            + "the API takes at most 50."));
    public static final ConfigKey<Duration> RAINDROP_MAX_RETRY_AFTER_WAIT = add(ConfigKey.of(
        "genops.exporters.raindrop.max-retry-after-wait", duration(Duration.ZERO, true, Duration.ofMinutes(10)),
        Duration.ofSeconds(30), "The longest the exporter sleeps at a time to honour a Retry-After; 0 leaves the "
            + "waiting to the export runner."));

    public static final ConfigKey<Integer> MAX_STRING_LENGTH = add(ConfigKey.of("genops.limits.max-string-length",
        positive(), 256, "The longest id, name or attribution value accepted, in characters."));
    public static final ConfigKey<Integer> MAX_TRACKED_KEYS = add(ConfigKey.of("genops.limits.max-tracked-keys",
        positive(), 10_000, "Distinct teams, agents and models kept in totals and budgets before grouping as "
            + "(other)."));
    public static final ConfigKey<Integer> MAX_ALERT_RULES = add(ConfigKey.of("genops.limits.max-alert-rules",
        positive(), 1_000, "Alert rules kept, these and those created at run time."));
    public static final ConfigKey<Integer> MAX_ALERT_STATE_KEYS = add(ConfigKey.of(
        "genops.limits.max-alert-state-keys", positive(), 10_000, "(rule, scope key) states kept; the least "
            + "recently seen are evicted and counted."));

    private ConfigKeys() {
    }

    /** Every key, in the order of the reference table. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(KEYS);
    }

    /**
     * The title of the table each section of keys is listed under, keyed by the part of the name after
     * {@code genops.}, such as {@code pipeline}.
     */
    static Map<String, String> sections() {
        return Collections.unmodifiableMap(SECTIONS);
    }

    private static Map<String, String> titles(final String... sectionsAndTitles) {
        final Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < sectionsAndTitles.length; i += 2) {
            titles.put(sectionsAndTitles[i], sectionsAndTitles[i + 1]);
        }
        return titles;
    }

    private static <T> ConfigKey<T> add(final ConfigKey<T> key) {
        if (!SECTIONS.containsKey(key.section())) {
            throw new IllegalStateException(key.name() + " lies outside every section");
        }
        KEYS.add(key);
        return key;
    }
}
