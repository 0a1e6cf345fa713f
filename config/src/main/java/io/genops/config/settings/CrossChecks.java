package io.genops.config.settings;

import io.genops.core.event.EventView;
import io.genops.core.policy.GovernancePolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks settings against each other once each is valid on its own: what contradicts is an error naming
 * both keys and both sources; what is merely pointless (a setting nothing reads) is a warning.
 */
final class CrossChecks {
    private static final String GROUPS = Assembly.group(ConfigKeys.GROUP_AGENTS);
    private static final String RULES = Assembly.group(ConfigKeys.RULE_CONDITIONS);
    private static final String DEFAULT_GROUP = EventView.DEFAULT_GROUP;
    /** As many groups as the pipeline can tell apart (one bit each in a long). */
    private static final int MAX_GROUPS = EventView.MAX_DECLARED_GROUPS;

    private final Values values;
    private final Problems problems;

    private CrossChecks(final Values values, final Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    static void check(final Sections config, final Values values, final Problems problems) {
        problems.startCrossChecks();
        final CrossChecks checks = new CrossChecks(values, problems);
        checks.journalAndExporters(config.journal(), config.exporters());
        checks.channels(config.alerts());
        checks.rules(config.alerts(), config.limits());
        checks.costAlerts(config.alerts(), config.groups());
        checks.budgets(config.budgets());
        checks.rateLimits(config.rateLimits());
        checks.enforcement(config.budgets().any() || config.rateLimits().any(), config.policy(), config.groups());
        checks.sampling(config.sampling());
        checks.content(config.pipeline());
        checks.groups(config.groups(), config.alerts());
        checks.groupExports(config.groups());
        checks.lengths(config.alerts(), config.limits());
    }

    private void journalAndExporters(final JournalSettings journal, final ExportSettings export) {
        if (!journal.enabled()) {
            for (final ConfigKey<Boolean> enabled : List.of(ConfigKeys.OTLP_ENABLED, ConfigKeys.PROMETHEUS_ENABLED,
                ConfigKeys.RAINDROP_ENABLED)) {
                if (values.get(enabled)) {
                    contradiction(enabled, ConfigKeys.JOURNAL_ENABLED, "is true, but", "exporters read the journal",
                        "false while the journal is off");
                }
            }
            for (final String setting : List.of("genops.journal.retention-", "genops.journal.roll-cycle",
                "genops.journal.sync-on-flush")) {
                unused(setting, "the journal is off (" + about(ConfigKeys.JOURNAL_ENABLED) + ")");
            }
        }
        if (export.backoffInitial().compareTo(export.backoffMax()) > 0) {
            problems.add(ConfigKeys.EXPORT_BACKOFF_INITIAL.name(), values.source(ConfigKeys.EXPORT_BACKOFF_INITIAL),
                show(ConfigKeys.EXPORT_BACKOFF_INITIAL) + " is longer than the longest pause, "
                + about(ConfigKeys.EXPORT_BACKOFF_MAX), "a pause no longer than genops.exporters.backoff-max");
        }
        if (export.raindrop().enabled() && export.raindrop().writeKey().isEmpty()) {
            problems.add(ConfigKeys.RAINDROP_WRITE_KEY.name(), values.source(ConfigKeys.RAINDROP_ENABLED),
                "is missing, but genops.exporters.raindrop.enabled is true", "a write key in the environment variable "
                + "RAINDROP_WRITE_KEY or in the file");
        }
        otlp(export.otlp());
        for (final String exporter : List.of("otlp", "prometheus", "raindrop")) {
            final ConfigKey<?> enabled = key("genops.exporters." + exporter + ".enabled");
            if (!(Boolean)values.get(enabled)) {
                unused("genops.exporters." + exporter + ".", exporter + " is off (" + about(enabled) + ")");
            }
        }
    }

    private void otlp(final ExportSettings.Otlp otlp) {
        if (otlp.clientKey().isPresent() != otlp.clientCertificate().isPresent()) {
            final ConfigKey<?> set = otlp.clientKey().isPresent() ? ConfigKeys.OTLP_CLIENT_KEY
                : ConfigKeys.OTLP_CLIENT_CERTIFICATE;
            final ConfigKey<?> missing = set == ConfigKeys.OTLP_CLIENT_KEY ? ConfigKeys.OTLP_CLIENT_CERTIFICATE
                : ConfigKeys.OTLP_CLIENT_KEY;
            problems.add(set.name(), values.source(set), "is set, but " + missing.name() + " is not: mutual TLS needs "
                + "both", "both client-key and client-certificate, or neither");
        }
        final String path = otlp.endpoint().map(URI::getRawPath).orElse("");
        if (otlp.protocol() == ExportSettings.Otlp.Protocol.GRPC && !path.isEmpty() && !path.equals("/")) {
            contradiction(ConfigKeys.OTLP_ENDPOINT, ConfigKeys.OTLP_PROTOCOL, "has the path " + path + ", but",
                "a gRPC collector is addressed by scheme, host and port", "a URL without a path, such as "
                + "http://localhost:4317");
        }
        if (otlp.resourceAttributes().containsKey("service.name")) {
            problems.add(ConfigKeys.OTLP_RESOURCE_ATTRIBUTES.name(), values.source(ConfigKeys.OTLP_RESOURCE_ATTRIBUTES),
                "sets service.name", "attributes other than service.name, which genops.exporters.otlp.service-name "
                + "sets");
        }
    }

    private void channels(final AlertSettings alerts) {
        final Set<String> known = new HashSet<>(alerts.channels().keySet());
        known.add(AlertSettings.LOG_CHANNEL);
        final String allowed = "log or a channel configured under genops.alerts.channels: " + String.join(", ",
            known.stream().sorted().toList());
        if (alerts.channels().containsKey(AlertSettings.LOG_CHANNEL)) {
            final String log = AlertSettings.LOG_CHANNEL;
            problems.add(ConfigKeys.CHANNEL_URL.nameFor(log), values.source(ConfigKeys.CHANNEL_URL, log),
                "names a channel 'log', the name of the built-in channel that writes alerts to the log",
                "any other name");
        }
        for (final String channel : alerts.defaultChannels()) {
            if (!known.contains(channel)) {
                problems.add(ConfigKeys.DEFAULT_CHANNELS.name(), values.source(ConfigKeys.DEFAULT_CHANNELS), "names '"
                    + channel + "', which is no channel", allowed);
            }
        }
        for (final AlertChannelSettings channel : alerts.channels().values()) {
            if (channel.backoffInitial().compareTo(channel.backoffMax()) > 0) {
                problems.add(ConfigKeys.CHANNEL_BACKOFF_INITIAL.nameFor(channel.name()), values.source(
                    ConfigKeys.CHANNEL_BACKOFF_INITIAL, channel.name()), "is longer than backoff-max ("
                    + ConfigKeys.CHANNEL_BACKOFF_MAX.type().show(channel.backoffMax()) + ", " + values.source(
                    ConfigKeys.CHANNEL_BACKOFF_MAX, channel.name()) + ")", "a pause no longer than backoff-max");
            }
        }
        alerts.rules().values().forEach(rule -> rule.channels().stream().filter(channel -> !known.contains(channel))
            .forEach(channel -> problems.add(ConfigKeys.RULE_CHANNELS.nameFor(rule.name()), values.source(
                ConfigKeys.RULE_CHANNELS, rule.name()), "names '" + channel + "', which is no channel", allowed)));
    }

    private void rules(final AlertSettings alerts, final LimitSettings limits) {
        if (alerts.rules().size() > limits.maxAlertRules()) {
            problems.add(ConfigKeys.MAX_ALERT_RULES.name(), values.source(ConfigKeys.MAX_ALERT_RULES), "is "
                + limits.maxAlertRules() + ", fewer than the " + alerts.rules().size() + " rules configured",
                "at least the number of rules under genops.alerts.rules");
        }
        for (final AlertRuleSettings rule : alerts.rules().values()) {
            try {
                rule.toAlertRule();
            } catch (final IllegalArgumentException e) {
                problems.add(ConfigKeys.RULE_SCOPE.nameFor(rule.name()), values.source(ConfigKeys.RULE_SCOPE,
                    rule.name()), e.getMessage(), ConfigKeys.RULE_SCOPE.type().allowed());
            }
        }
    }

    /**
     * A rule on a cost metric that no event it reads can fire, because cost alerts are off for every group
     * it reads, is pointless: a warning. Budgets need no check, as the switch silences their thresholds too.
     */
    private void costAlerts(final AlertSettings alerts, final List<GroupSettings> groups) {
        final Map<String, Boolean> raised = new HashMap<>();
        groups.forEach(group -> raised.put(group.name(), group.costAlerts().orElse(alerts.costAlerts())));
        final boolean anyGroup = alerts.costAlerts() || raised.containsValue(true);
        for (final AlertRuleSettings rule : alerts.rules().values()) {
            final boolean fires = rule.group().map(group -> raised.getOrDefault(group, true)).orElse(anyGroup);
            if (rule.readsCost() && !fires) {
                final String off = rule.group().filter(group -> values.source(ConfigKeys.GROUP_COST_ALERTS, group)
                    .explicit()).map(group -> ConfigKeys.GROUP_COST_ALERTS.nameFor(group) + " is false ("
                    + values.source(ConfigKeys.GROUP_COST_ALERTS, group) + ")").orElse(about(ConfigKeys.COST_ALERTS));
                problems.warn(ConfigKeys.RULE_CONDITIONS.nameFor(rule.name()) + " reads a cost metric ("
                    + values.source(ConfigKeys.RULE_CONDITIONS, rule.name()) + ") but can never fire: " + off
                    + rule.group().map(group -> ", and it reads group " + group + " only").orElse(", and no group "
                    + "turns cost alerts on"));
            }
        }
    }

    private void budgets(final BudgetSettings budgets) {
        final Set<String> seen = new HashSet<>();
        final List<BudgetLimit> all = new ArrayList<>(budgets.limits());
        all.addAll(budgets.defaults());
        for (final BudgetLimit limit : all) {
            final String where = limit.scope() + "|" + limit.key() + "|" + limit.window();
            if (!seen.add(where)) {
                final ConfigKey<?> key = limit.isDefault() ? ConfigKeys.BUDGET_DEFAULTS : ConfigKeys.BUDGET_LIMITS;
                problems.add(key.name(), values.source(key), "sets the budget of "
                    + limit.text().substring(0, limit.text().indexOf('=')) + " twice", "one limit per scope, key and "
                    + "window");
            }
        }
    }

    /**
     * An enforced policy refuses calls over a budget or a rate limit; with neither set it refuses nothing, for the
     * pipeline's own events and for a group's alike: a warning at each key that says enforced.
     */
    private void enforcement(final boolean anyLimit, final GovernancePolicy policy,
        final List<GroupSettings> groups) {
        if (anyLimit) {
            return;
        }
        final String set = "; set genops.budgets.limits, genops.budgets.defaults, genops.rate-limits.limits or "
            + "genops.rate-limits.defaults";
        if (policy == GovernancePolicy.ENFORCED) {
            problems.warn(about(ConfigKeys.POLICY) + " but no budget or rate limit is set, so nothing will be "
                + "refused" + set);
        }
        groups.stream().filter(group -> group.policy().equals(Optional.of(GovernancePolicy.ENFORCED)))
            .forEach(group -> problems.warn(about(ConfigKeys.GROUP_POLICY, group.name()) + " but no budget or rate "
                + "limit is set, so none of the group's calls will be refused" + set));
    }

    private void rateLimits(final RateLimitSettings rateLimits) {
        final Set<String> seen = new HashSet<>();
        final List<RateLimit> all = new ArrayList<>(rateLimits.limits());
        all.addAll(rateLimits.defaults());
        for (final RateLimit limit : all) {
            if (!seen.add(limit.scope() + "|" + limit.key())) {
                final ConfigKey<?> key = limit.isDefault() ? ConfigKeys.RATE_LIMIT_DEFAULTS : ConfigKeys.RATE_LIMITS;
                problems.add(key.name(), values.source(key), "sets the rate limit of "
                    + limit.text().substring(0, limit.text().indexOf('=')) + " twice", "one limit per scope and key");
            }
        }
    }

    private void sampling(final SamplingSettings sampling) {
        if (sampling.mode() == SamplingSettings.Mode.ADAPTIVE) {
            for (final ConfigKey<Double> rate : List.of(ConfigKeys.INTERACTION_RATE, ConfigKeys.SIGNAL_RATE)) {
                if (values.get(rate) != 1.0) {
                    contradiction(rate, ConfigKeys.SAMPLING_MODE, "is a fixed rate, but", "adaptive sampling has "
                        + "rates of its own under genops.sampling.adaptive", "1 while sampling is adaptive, or "
                        + "genops.sampling.mode=fixed");
                }
            }
        } else {
            unused("genops.sampling.adaptive.", "sampling is fixed (" + about(ConfigKeys.SAMPLING_MODE) + ")");
        }
    }

    /**
     * Each redaction rule named once. Captured texts that nothing redacts are worth a warning, as are rules
     * set on purpose while nothing is captured for them to redact.
     */
    private void content(final PipelineSettings pipeline) {
        final ConfigKey<?> key = ConfigKeys.REDACT;
        final Set<PipelineSettings.Redaction> seen = new HashSet<>();
        for (final PipelineSettings.Redaction rule : pipeline.redact()) {
            if (!seen.add(rule)) {
                problems.add(key.name(), values.source(key), "names '" + Parsers.label(rule) + "' twice",
                    "each rule once");
            }
        }
        if (pipeline.captureContent() && pipeline.redact().isEmpty()) {
            problems.warn(about(ConfigKeys.CAPTURE_CONTENT) + " and " + key.name() + " is empty ("
                + values.source(key) + "), so message content and answers are journaled and exported unredacted, "
                + "secrets and personal data included");
        } else if (!pipeline.captureContent()) {
            unused(key.name(), "no content is captured (" + about(ConfigKeys.CAPTURE_CONTENT) + ")");
        }
    }

    /** The order names each group once; names are free and not reserved; each group matches something. */
    private void groups(final List<GroupSettings> groups, final AlertSettings alerts) {
        final Set<String> names = Assembly.groupNames(values);
        groupOrder(names);
        if (names.size() > MAX_GROUPS) {
            final Values.Resolved first = values.named(GROUPS, names.iterator().next());
            problems.add(first.match().name(), first.source(), "names one of " + names.size() + " agent groups",
                "at most " + MAX_GROUPS + " groups");
        }
        for (final String name : names) {
            final Values.Resolved named = values.named(GROUPS, name);
            if (name.equals(DEFAULT_GROUP)) {
                problems.add(named.match().name(), named.source(), "configures a group named 'default', the name of "
                    + "the group of events that match no group", "any other name");
            }
            if (values.get(ConfigKeys.GROUP_AGENTS, name).isEmpty() && values.get(ConfigKeys.GROUP_MATCH, name)
                .isEmpty() && !problems.anyUnder(GROUPS + name + ".")) {
                problems.add(ConfigKeys.GROUP_AGENTS.nameFor(name), named.source(), "is missing, and so is "
                    + ConfigKeys.GROUP_MATCH.nameFor(name) + "; a group matching every event would be the pipeline's "
                    + "own settings", "agent patterns, attributes to match, or both");
            }
        }
        final String allowed = "a group configured under genops.groups: " + String.join(", ", names);
        alerts.rules().values().stream().filter(rule -> rule.group().isPresent())
            .filter(rule -> !names.contains(rule.group().get()))
            .forEach(rule -> problems.add(ConfigKeys.RULE_GROUP.nameFor(rule.name()), values.source(
                ConfigKeys.RULE_GROUP, rule.name()), "names agent group '" + rule.group().get() + "', which is not "
                + "configured", names.isEmpty() ? "no group while none is configured" : allowed));
        if (groups.size() > 1 && values.get(ConfigKeys.GROUP_ORDER) == null) {
            problems.warn(groups.size() + " agent groups are configured and genops.groups.order is not set, so they "
                + "are tried in alphabetical order (" + String.join(", ", names) + "); the first match wins");
        }
    }

    /** A group that exports nothing has no use for sampling rates, as an exporter that is off has none for its keys. */
    private void groupExports(final List<GroupSettings> groups) {
        for (final GroupSettings group : groups) {
            if (!group.export()) {
                unused(GROUPS + ConfigKey.ENTRY + ".sampling.", group.name(), "the group exports nothing ("
                    + about(ConfigKeys.GROUP_EXPORT, group.name()) + ")");
            }
        }
    }

    private void groupOrder(final Set<String> names) {
        final List<String> order = values.get(ConfigKeys.GROUP_ORDER);
        if (order == null) {
            return;
        }
        final ConfigKey<?> key = ConfigKeys.GROUP_ORDER;
        final Set<String> seen = new HashSet<>();
        for (final String name : order) {
            if (!names.contains(name) && !problems.anyUnder(GROUPS + name + ".")) {
                problems.add(key.name(), values.source(key), "names '" + name + "', which is no group configured "
                    + "under genops.groups", "the configured groups: " + String.join(", ", names));
            } else if (!seen.add(name)) {
                problems.add(key.name(), values.source(key), "names '" + name + "' twice", "each group once");
            }
        }
        names.stream().filter(name -> !order.contains(name)).forEach(name -> problems.add(key.name(),
            values.source(key), "leaves out group '" + name + "'", "every group under genops.groups, once"));
    }

    private void lengths(final AlertSettings alerts, final LimitSettings limits) {
        final int max = limits.maxStringLength();
        final List<ConfigKey<String>> fields = List.of(ConfigKeys.TEAM, ConfigKeys.PROJECT, ConfigKeys.ENVIRONMENT,
            ConfigKeys.CUSTOMER_ID, ConfigKeys.COST_CENTER, ConfigKeys.FEATURE);
        for (final ConfigKey<String> field : fields) {
            final String value = values.get(field);
            if (value != null && value.length() > max) {
                tooLong(field.name(), values.source(field), "is", value.length(), max);
            }
        }
        for (final String group : Assembly.groupNames(values)) {
            nameTooLong(GROUPS, "agent group", group, max);
            values.get(ConfigKeys.GROUP_MATCH, group).values().stream().filter(value -> value.length() > max)
                .forEach(value -> tooLong(ConfigKeys.GROUP_MATCH.nameFor(group), values.source(ConfigKeys.GROUP_MATCH,
                    group), "is", value.length(), max));
        }
        for (final String rule : alerts.rules().keySet()) {
            nameTooLong(RULES, "alert rule", rule, max);
        }
    }

    /** An entry's name too long, reported at the key that names the entry first. */
    private void nameTooLong(final String group, final String kind, final String name, final int max) {
        if (name.length() > max) {
            final Values.Resolved named = values.named(group, name);
            tooLong(named.match().name(), named.source(), "names the " + kind + " '" + name + "', which is",
                name.length(), max);
        }
    }

    private void tooLong(final String key, final Source source, final String subject, final int length,
        final int max) {
        problems.add(key, source, subject + " " + length + " characters long, more than "
            + "genops.limits.max-string-length (" + max + ", " + values.source(ConfigKeys.MAX_STRING_LENGTH) + ")",
            "at most " + max + " characters");
    }

    /** {@code key} {@code verb} {@code other}'s value: an error at {@code key}, naming both sources. */
    private void contradiction(final ConfigKey<?> key, final ConfigKey<?> other, final String verb, final String why,
        final String allowed) {
        problems.add(key.name(), values.source(key), verb + " " + about(other) + (why.isEmpty() ? "" : ": " + why),
            allowed);
    }

    /** Warns of every key under {@code prefix} set on purpose while {@code reason} makes it pointless. */
    private void unused(final String prefix, final String reason) {
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (!key.isTemplate() && key.name().startsWith(prefix) && !key.name().endsWith(".enabled")
                && values.source(key).explicit()) {
                problems.warn(key.name() + " is set (" + values.source(key) + ") but has no effect: " + reason);
            }
        }
    }

    /** Warns of every key of {@code entry} under the templates at {@code prefix} set while {@code reason} holds. */
    private void unused(final String prefix, final String entry, final String reason) {
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (key.isTemplate() && key.name().startsWith(prefix) && values.source(key, entry).explicit()) {
                problems.warn(key.nameFor(entry) + " is set (" + values.source(key, entry) + ") but has no effect: "
                    + reason);
            }
        }
    }

    /** Reads {@code genops.journal.enabled is false (genops.yaml:4)}. */
    private String about(final ConfigKey<?> key) {
        return key.name() + " is " + show(key) + " (" + values.source(key) + ")";
    }

    /** Reads {@code genops.groups.critical.export is false (genops.yaml:9)}. */
    private <T> String about(final ConfigKey<T> template, final String entry) {
        return template.nameFor(entry) + " is " + template.type().show(values.get(template, entry)) + " ("
            + values.source(template, entry) + ")";
    }

    private <T> String show(final ConfigKey<T> key) {
        return key.type().show(values.get(key));
    }

    private static ConfigKey<?> key(final String name) {
        return KeyIndex.match(name).key();
    }
}
