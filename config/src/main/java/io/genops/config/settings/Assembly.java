package io.genops.config.settings;

import static io.genops.config.settings.ConfigKeys.ALERT_BATCH_AGE;
import static io.genops.config.settings.ConfigKeys.ALERT_BATCH_SIZE;
import static io.genops.config.settings.ConfigKeys.ALERT_QUEUE_CAPACITY;
import static io.genops.config.settings.ConfigKeys.BACKPRESSURE;
import static io.genops.config.settings.ConfigKeys.BUDGET_DEFAULTS;
import static io.genops.config.settings.ConfigKeys.BUDGET_LIMITS;
import static io.genops.config.settings.ConfigKeys.BUDGET_THRESHOLDS;
import static io.genops.config.settings.ConfigKeys.BUDGET_WARNING_PERCENT;
import static io.genops.config.settings.ConfigKeys.BUDGET_ZONE;
import static io.genops.config.settings.ConfigKeys.CAPTURE_CONTENT;
import static io.genops.config.settings.ConfigKeys.CHANNEL_HEADERS;
import static io.genops.config.settings.ConfigKeys.CHANNEL_TYPE;
import static io.genops.config.settings.ConfigKeys.CHANNEL_URL;
import static io.genops.config.settings.ConfigKeys.CLOSE_TIMEOUT;
import static io.genops.config.settings.ConfigKeys.CONSUMER_PARK;
import static io.genops.config.settings.ConfigKeys.CONSUMER_WAIT;
import static io.genops.config.settings.ConfigKeys.CONVERSATION_FLOW_INTERVAL;
import static io.genops.config.settings.ConfigKeys.CONVERSATION_RATE;
import static io.genops.config.settings.ConfigKeys.COST_ALERTS;
import static io.genops.config.settings.ConfigKeys.COST_CENTER;
import static io.genops.config.settings.ConfigKeys.COST_ESTIMATE;
import static io.genops.config.settings.ConfigKeys.CURRENCIES;
import static io.genops.config.settings.ConfigKeys.CUSTOMER_ID;
import static io.genops.config.settings.ConfigKeys.DEFAULT_CHANNELS;
import static io.genops.config.settings.ConfigKeys.ENVIRONMENT;
import static io.genops.config.settings.ConfigKeys.EXPORT_BACKOFF_INITIAL;
import static io.genops.config.settings.ConfigKeys.EXPORT_BACKOFF_MAX;
import static io.genops.config.settings.ConfigKeys.EXPORT_BATCH_AGE;
import static io.genops.config.settings.ConfigKeys.EXPORT_BATCH_SIZE;
import static io.genops.config.settings.ConfigKeys.EXPORT_MAX_ATTEMPTS;
import static io.genops.config.settings.ConfigKeys.FEATURE;
import static io.genops.config.settings.ConfigKeys.FIRST_EVENTS;
import static io.genops.config.settings.ConfigKeys.GROUP_AGENTS;
import static io.genops.config.settings.ConfigKeys.GROUP_COST_ALERTS;
import static io.genops.config.settings.ConfigKeys.GROUP_EXPORT;
import static io.genops.config.settings.ConfigKeys.GROUP_INTERACTION_RATE;
import static io.genops.config.settings.ConfigKeys.GROUP_MATCH;
import static io.genops.config.settings.ConfigKeys.GROUP_ORDER;
import static io.genops.config.settings.ConfigKeys.GROUP_POLICY;
import static io.genops.config.settings.ConfigKeys.GROUP_SIGNAL_RATE;
import static io.genops.config.settings.ConfigKeys.HALF_LIFE;
import static io.genops.config.settings.ConfigKeys.HIGH_VARIANCE_RATE;
import static io.genops.config.settings.ConfigKeys.INTERACTION_RATE;
import static io.genops.config.settings.ConfigKeys.JOURNAL_DIRECTORY;
import static io.genops.config.settings.ConfigKeys.JOURNAL_ENABLED;
import static io.genops.config.settings.ConfigKeys.JOURNAL_RETENTION_AGE;
import static io.genops.config.settings.ConfigKeys.JOURNAL_RETENTION_BYTES;
import static io.genops.config.settings.ConfigKeys.JOURNAL_ROLL_CYCLE;
import static io.genops.config.settings.ConfigKeys.JOURNAL_SYNC;
import static io.genops.config.settings.ConfigKeys.LITELLM_FILE;
import static io.genops.config.settings.ConfigKeys.LOWER_IS_WORSE;
import static io.genops.config.settings.ConfigKeys.MAX_ALERT_RULES;
import static io.genops.config.settings.ConfigKeys.MAX_ALERT_STATE_KEYS;
import static io.genops.config.settings.ConfigKeys.MAX_STRING_LENGTH;
import static io.genops.config.settings.ConfigKeys.MAX_TRACKED_KEYS;
import static io.genops.config.settings.ConfigKeys.MIN_TREND_CHANGE;
import static io.genops.config.settings.ConfigKeys.MODEL_FILE;
import static io.genops.config.settings.ConfigKeys.OTLP_ENABLED;
import static io.genops.config.settings.ConfigKeys.OTLP_ENDPOINT;
import static io.genops.config.settings.ConfigKeys.OTLP_GZIP;
import static io.genops.config.settings.ConfigKeys.OTLP_HEADERS;
import static io.genops.config.settings.ConfigKeys.OTLP_PROTOCOL;
import static io.genops.config.settings.ConfigKeys.OTLP_SERVICE_NAME;
import static io.genops.config.settings.ConfigKeys.OTLP_TIMEOUT;
import static io.genops.config.settings.ConfigKeys.PLATFORM_FILE;
import static io.genops.config.settings.ConfigKeys.POLICY;
import static io.genops.config.settings.ConfigKeys.PRESET;
import static io.genops.config.settings.ConfigKeys.PRICE_CACHE_CAPACITY;
import static io.genops.config.settings.ConfigKeys.PROFILE;
import static io.genops.config.settings.ConfigKeys.PROJECT;
import static io.genops.config.settings.ConfigKeys.PROMETHEUS_ENABLED;
import static io.genops.config.settings.ConfigKeys.PROMETHEUS_HOST;
import static io.genops.config.settings.ConfigKeys.PROMETHEUS_PORT;
import static io.genops.config.settings.ConfigKeys.RAINDROP_ENABLED;
import static io.genops.config.settings.ConfigKeys.RAINDROP_URL;
import static io.genops.config.settings.ConfigKeys.RAINDROP_WRITE_KEY;
import static io.genops.config.settings.ConfigKeys.RATE_LIMITS;
import static io.genops.config.settings.ConfigKeys.RATE_LIMIT_DEFAULTS;
import static io.genops.config.settings.ConfigKeys.RECONCILE_EVERY;
import static io.genops.config.settings.ConfigKeys.REDACT;
import static io.genops.config.settings.ConfigKeys.RING_SIZE;
import static io.genops.config.settings.ConfigKeys.RULE_CHANNELS;
import static io.genops.config.settings.ConfigKeys.RULE_CONDITIONS;
import static io.genops.config.settings.ConfigKeys.RULE_COOLDOWN;
import static io.genops.config.settings.ConfigKeys.RULE_GROUP;
import static io.genops.config.settings.ConfigKeys.RULE_MIN_SAMPLES;
import static io.genops.config.settings.ConfigKeys.RULE_SCOPE;
import static io.genops.config.settings.ConfigKeys.RULE_SEVERITY;
import static io.genops.config.settings.ConfigKeys.RULE_WINDOW;
import static io.genops.config.settings.ConfigKeys.SAMPLING_MAX_KEYS;
import static io.genops.config.settings.ConfigKeys.SAMPLING_MODE;
import static io.genops.config.settings.ConfigKeys.SIGNAL_RATE;
import static io.genops.config.settings.ConfigKeys.STABLE_RATE;
import static io.genops.config.settings.ConfigKeys.STAGE_THREADS;
import static io.genops.config.settings.ConfigKeys.TEAM;
import static io.genops.config.settings.ConfigKeys.TRENDING_WORSE_RATE;
import static io.genops.config.settings.ConfigKeys.TREND_SENSITIVITY;
import static io.genops.config.settings.ConfigKeys.UNKNOWN_MODEL;
import static io.genops.config.settings.ConfigKeys.VARIANCE_BOUND;

import io.genops.config.PriceTableException;
import io.genops.config.PriceTables;
import io.genops.core.Attribution;
import io.genops.core.event.Condition;
import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds the typed sections from resolved values; price files are read here, their problems reported. */
final class Assembly {
    private final Values values;
    private final Problems problems;

    Assembly(final Values values, final Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    /** Every section, in the order of the reference table. */
    Sections sections() {
        return new Sections(values.get(PROFILE), values.get(PRESET), attribution(), values.get(POLICY), budgets(),
            new RateLimitSettings(values.get(RATE_LIMITS), values.get(RATE_LIMIT_DEFAULTS)), pricing(), pipeline(),
            sampling(), groups(), alerts(), journal(), exporters(), limits());
    }

    private Attribution attribution() {
        final Attribution.Builder attribution = Attribution.builder();
        set(TEAM, attribution::team);
        set(PROJECT, attribution::project);
        set(ENVIRONMENT, attribution::environment);
        set(CUSTOMER_ID, attribution::customerId);
        set(COST_CENTER, attribution::costCenter);
        set(FEATURE, attribution::feature);
        return attribution.build();
    }

    private BudgetSettings budgets() {
        return new BudgetSettings(values.get(BUDGET_LIMITS), values.get(BUDGET_DEFAULTS), values.get(BUDGET_ZONE),
            values.get(BUDGET_THRESHOLDS), values.get(BUDGET_WARNING_PERCENT));
    }

    private PricingSettings pricing() {
        final Optional<Path> litellm = Optional.ofNullable(values.get(LITELLM_FILE));
        final Optional<Path> models = Optional.ofNullable(values.get(MODEL_FILE));
        final Optional<Path> platform = Optional.ofNullable(values.get(PLATFORM_FILE));
        final ModelPriceTable base = litellm.map(file -> read(LITELLM_FILE, file, PriceTables::readLiteLlm))
            .orElseGet(PriceTables::bundledModels);
        final ModelPriceTable modelTable = models.map(file -> read(MODEL_FILE, file, PriceTables::readGenOps))
            .map(base::with).orElse(base);
        final PlatformPriceTable platformTable = platform.map(file -> read(PLATFORM_FILE, file,
            PriceTables::readPlatform)).orElseGet(PriceTables::bundledPlatform);
        return new PricingSettings(litellm, models, platform, values.get(UNKNOWN_MODEL),
            values.get(PRICE_CACHE_CAPACITY), Optional.ofNullable(values.get(COST_ESTIMATE)),
            values.get(RECONCILE_EVERY), values.get(CURRENCIES), modelTable, platformTable);
    }

    private PipelineSettings pipeline() {
        final Integer threads = values.get(STAGE_THREADS);
        return new PipelineSettings(values.get(RING_SIZE), values.get(BACKPRESSURE), values.get(CONSUMER_WAIT),
            values.get(CONSUMER_PARK), threads == null ? OptionalInt.empty() : OptionalInt.of(threads),
            values.get(CAPTURE_CONTENT), values.get(REDACT), values.get(CONVERSATION_FLOW_INTERVAL),
            values.get(CLOSE_TIMEOUT));
    }

    private SamplingSettings sampling() {
        final Map<EventKind, Double> rates = new EnumMap<>(EventKind.class);
        rates.put(EventKind.INTERACTION, values.get(INTERACTION_RATE));
        rates.put(EventKind.SIGNAL, values.get(SIGNAL_RATE));
        final Double conversationRate = values.get(CONVERSATION_RATE);
        return new SamplingSettings(values.get(SAMPLING_MODE), rates, new SamplingSettings.Adaptive(
            values.get(FIRST_EVENTS), values.get(HALF_LIFE), values.get(TREND_SENSITIVITY),
            values.get(MIN_TREND_CHANGE), values.get(VARIANCE_BOUND), values.get(TRENDING_WORSE_RATE),
            values.get(HIGH_VARIANCE_RATE), values.get(STABLE_RATE), values.get(LOWER_IS_WORSE),
            conversationRate == null ? OptionalDouble.empty() : OptionalDouble.of(conversationRate),
            values.get(SAMPLING_MAX_KEYS)));
    }

    /**
     * The configured groups, in {@code genops.groups.order} as far as it names them, then the rest by name;
     * {@link CrossChecks} reports an order that does not name each group once.
     */
    private List<GroupSettings> groups() {
        final Set<String> names = groupNames(values);
        final List<String> order = new ArrayList<>();
        final List<String> given = values.get(GROUP_ORDER);
        if (given != null) {
            given.stream().filter(names::contains).distinct().forEach(order::add);
        }
        names.stream().filter(name -> !order.contains(name)).forEach(order::add);
        final List<GroupSettings> groups = new ArrayList<>();
        for (final String name : order) {
            final Map<EventKind, Double> rates = new EnumMap<>(EventKind.class);
            set(GROUP_INTERACTION_RATE, name, rate -> rates.put(EventKind.INTERACTION, rate));
            set(GROUP_SIGNAL_RATE, name, rate -> rates.put(EventKind.SIGNAL, rate));
            groups.add(new GroupSettings(name, values.get(GROUP_AGENTS, name), match(name),
                Optional.ofNullable(values.get(GROUP_POLICY, name)), rates, values.get(GROUP_EXPORT, name),
                Optional.ofNullable(values.get(GROUP_COST_ALERTS, name))));
        }
        return groups;
    }

    /** Every group any source names under {@code genops.groups.<name>}. */
    static Set<String> groupNames(final Values values) {
        return values.entries(group(GROUP_AGENTS));
    }

    /** A group's attributes; an unknown one is a problem at its key, and left out. */
    private Map<GroupAttribute, String> match(final String name) {
        final Map<GroupAttribute, String> match = new EnumMap<>(GroupAttribute.class);
        for (final Map.Entry<String, String> entry : values.get(GROUP_MATCH, name).entrySet()) {
            try {
                match.put(GroupAttribute.parse(entry.getKey()), entry.getValue());
            } catch (final IllegalArgumentException e) {
                problems.add(GROUP_MATCH.nameFor(name), values.source(GROUP_MATCH, name), "names group attribute '"
                    + entry.getKey() + "', which is unknown", "attributes " + GroupAttribute.labels());
            }
        }
        return match;
    }

    private <T> void set(final ConfigKey<T> template, final String entry, final Consumer<T> setter) {
        final T value = values.get(template, entry);
        if (value != null) {
            setter.accept(value);
        }
    }

    private AlertSettings alerts() {
        final Map<String, AlertChannelSettings> channels = new LinkedHashMap<>();
        for (final String name : values.entries(group(CHANNEL_URL))) {
            final Secret url = required(CHANNEL_URL, name);
            if (url != null) {
                channels.put(name, new AlertChannelSettings(name, values.get(CHANNEL_TYPE, name), url,
                    values.get(CHANNEL_HEADERS, name), values.get(ConfigKeys.CHANNEL_TIMEOUT, name),
                    values.get(ConfigKeys.CHANNEL_MAX_ATTEMPTS, name),
                    values.get(ConfigKeys.CHANNEL_BACKOFF_INITIAL, name),
                    values.get(ConfigKeys.CHANNEL_BACKOFF_MAX, name)));
            }
        }
        final Map<String, AlertRuleSettings> rules = new LinkedHashMap<>();
        for (final String name : values.entries(group(RULE_CONDITIONS))) {
            final List<Condition> conditions = required(RULE_CONDITIONS, name);
            if (conditions != null) {
                rules.put(name, new AlertRuleSettings(name, conditions, values.get(RULE_SEVERITY, name),
                    values.get(RULE_CHANNELS, name), values.get(RULE_SCOPE, name), values.get(RULE_WINDOW, name),
                    values.get(RULE_COOLDOWN, name), values.get(RULE_MIN_SAMPLES, name),
                    Optional.ofNullable(values.get(RULE_GROUP, name))));
            }
        }
        return new AlertSettings(values.get(COST_ALERTS), values.get(DEFAULT_CHANNELS),
            values.get(ALERT_QUEUE_CAPACITY), values.get(ALERT_BATCH_SIZE), values.get(ALERT_BATCH_AGE), channels,
            rules);
    }

    private JournalSettings journal() {
        final Long bytes = values.get(JOURNAL_RETENTION_BYTES);
        return new JournalSettings(values.get(JOURNAL_ENABLED), values.get(JOURNAL_DIRECTORY),
            values.get(JOURNAL_ROLL_CYCLE), values.get(JOURNAL_SYNC), Optional.ofNullable(values.get(
            JOURNAL_RETENTION_AGE)), bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes));
    }

    private ExportSettings exporters() {
        return new ExportSettings(values.get(EXPORT_BATCH_SIZE), values.get(EXPORT_BATCH_AGE),
            values.get(EXPORT_MAX_ATTEMPTS), values.get(EXPORT_BACKOFF_INITIAL), values.get(EXPORT_BACKOFF_MAX),
            otlp(), prometheus(), raindrop());
    }

    private ExportSettings.Otlp otlp() {
        return new ExportSettings.Otlp(values.get(OTLP_ENABLED), Optional.ofNullable(values.get(OTLP_ENDPOINT)),
            values.get(OTLP_PROTOCOL), values.get(OTLP_HEADERS), values.get(OTLP_TIMEOUT), values.get(OTLP_GZIP),
            values.get(OTLP_SERVICE_NAME), values.get(ConfigKeys.OTLP_RESOURCE_ATTRIBUTES),
            Optional.ofNullable(values.get(ConfigKeys.OTLP_TRUSTED_CERTIFICATES)),
            Optional.ofNullable(values.get(ConfigKeys.OTLP_CLIENT_KEY)),
            Optional.ofNullable(values.get(ConfigKeys.OTLP_CLIENT_CERTIFICATE)),
            values.get(ConfigKeys.OTLP_METRIC_INTERVAL), values.get(ConfigKeys.OTLP_MAX_METRIC_SERIES),
            values.get(ConfigKeys.OTLP_REQUEST_SIZE), values.get(ConfigKeys.OTLP_MAX_CONCURRENT_REQUESTS));
    }

    private ExportSettings.Prometheus prometheus() {
        return new ExportSettings.Prometheus(values.get(PROMETHEUS_ENABLED), values.get(PROMETHEUS_HOST),
            values.get(PROMETHEUS_PORT), values.get(ConfigKeys.PROMETHEUS_MAX_TEAMS),
            values.get(ConfigKeys.PROMETHEUS_MAX_PROJECTS), values.get(ConfigKeys.PROMETHEUS_MAX_AGENT_TYPES),
            values.get(ConfigKeys.PROMETHEUS_MAX_MODELS), values.get(ConfigKeys.PROMETHEUS_MAX_COST_SERIES),
            values.get(ConfigKeys.PROMETHEUS_MAX_TRACKED_AGENTS),
            values.get(ConfigKeys.PROMETHEUS_CONCURRENT_AGENTS_WINDOW), values.get(ConfigKeys.PROMETHEUS_JVM_METRICS));
    }

    private ExportSettings.Raindrop raindrop() {
        return new ExportSettings.Raindrop(values.get(RAINDROP_ENABLED), values.get(RAINDROP_URL),
            Optional.ofNullable(values.get(RAINDROP_WRITE_KEY)), values.get(ConfigKeys.RAINDROP_TIMEOUT),
            values.get(ConfigKeys.RAINDROP_MAX_EVENTS_PER_REQUEST),
            values.get(ConfigKeys.RAINDROP_MAX_RETRY_AFTER_WAIT));
    }

    private LimitSettings limits() {
        return new LimitSettings(values.get(MAX_STRING_LENGTH), values.get(MAX_TRACKED_KEYS),
            values.get(MAX_ALERT_RULES), values.get(MAX_ALERT_STATE_KEYS));
    }

    private <T> void set(final ConfigKey<T> key, final Consumer<T> setter) {
        final T value = values.get(key);
        if (value != null) {
            setter.accept(value);
        }
    }

    /** A field every entry must have; a missing one is a problem at the source of the key that names the entry. */
    private <T> T required(final ConfigKey<T> template, final String name) {
        final T value = values.get(template, name);
        if (value == null) {
            final String group = group(template);
            problems.add(template.nameFor(name), values.named(group, name).source(), "is missing; every entry under "
                + group.substring(0, group.length() - 1) + " needs it", template.type().allowed());
        }
        return value;
    }

    /** Reads a price file; a bad one becomes a problem at the price file's own line. */
    private <T> T read(final ConfigKey<Path> key, final Path file, final Function<Path, T> reader) {
        try {
            return reader.apply(file);
        } catch (final PriceTableException e) {
            final String where = e.file() + ':' + e.line() + ": ";
            final String problem = e.getMessage().startsWith(where) ? e.getMessage().substring(where.length())
                : e.getMessage();
            problems.add(key.name(), Source.file(e.file(), e.line()), problem, "a price table in the format the key "
                + "names");
        } catch (final UncheckedIOException e) {
            problems.add(key.name(), values.source(key), "cannot read " + file + " ("
                + e.getCause().getClass().getSimpleName() + ")", "a readable price file");
        }
        return null;
    }

    static String group(final ConfigKey<?> template) {
        return template.name().substring(0, template.name().indexOf(ConfigKey.ENTRY));
    }
}
