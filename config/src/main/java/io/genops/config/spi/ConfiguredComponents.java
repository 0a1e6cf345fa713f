package io.genops.config.spi;

import io.genops.config.settings.AlertChannelSettings;
import io.genops.config.settings.ConfigKeys;
import io.genops.config.settings.EffectiveValue;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.alert.AlertChannel;
import io.genops.core.export.Exporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The exporters and alert channels a configuration turns on, each paired with the provider that builds
 * it. {@link #resolve} finds the providers with {@link ServiceLoader} and fails at once, naming the key
 * and the module to add, when one is missing; it builds nothing. {@link #buildExporters} and
 * {@link #buildChannels} build them later, leaving out those a caller built by hand under the same name.
 *
 * <p>The split lets a pipeline builder check the class path when the configuration is applied, and open
 * sockets (a scrape endpoint, say) only when the pipeline is built and only for what was not replaced.
 */
public final class ConfiguredComponents {
    /** The module that provides every exporter and channel type, as a user adds it to the class path. */
    public static final String MODULE = "genops-exporters (io.genops:genops-exporters)";

    private static final ConfiguredComponents NONE = new ConfiguredComponents(null, Map.of(), Map.of());

    private final GenOpsConfiguration configuration;
    private final Map<ExporterType, ExporterProvider> exporters;
    private final Map<AlertChannelSettings, AlertChannelProvider> channels;

    private ConfiguredComponents(final GenOpsConfiguration configuration,
        final Map<ExporterType, ExporterProvider> exporters,
        final Map<AlertChannelSettings, AlertChannelProvider> channels) {
        this.configuration = configuration;
        this.exporters = exporters;
        this.channels = channels;
    }

    /** Nothing configured. */
    public static ConfiguredComponents none() {
        return NONE;
    }

    /** {@link #resolve(GenOpsConfiguration, ClassLoader)} with the class loader of this class. */
    public static ConfiguredComponents resolve(final GenOpsConfiguration configuration) {
        return resolve(configuration, ConfiguredComponents.class.getClassLoader());
    }

    /**
     * Pairs every exporter and channel {@code configuration} turns on with its provider, looked up through
     * {@code classLoader}. Builds nothing.
     *
     * @throws IllegalStateException when a provider is missing (the message names the key that turns the
     *     exporter or channel on, where it was set, and the module to add), when two providers claim one
     *     type, or when a listed provider cannot be loaded
     */
    public static ConfiguredComponents resolve(final GenOpsConfiguration configuration,
        final ClassLoader classLoader) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(classLoader, "classLoader");
        final Map<ExporterType, ExporterProvider> exporters = new EnumMap<>(ExporterType.class);
        final List<ExporterType> enabled = new ArrayList<>();
        for (final ExporterType type : ExporterType.values()) {
            if (type.enabledIn(configuration.exporters())) {
                enabled.add(type);
            }
        }
        if (!enabled.isEmpty()) {
            final Map<ExporterType, ExporterProvider> found = providers(ExporterProvider.class, classLoader,
                ExporterProvider::type, "exporter");
            for (final ExporterType type : enabled) {
                exporters.put(type, require(found.get(type), configuration, type.enabledKey().name(),
                    "is true", "the " + type.label() + " exporter", "set it to false"));
            }
        }
        final Map<AlertChannelSettings, AlertChannelProvider> channels = new LinkedHashMap<>();
        final Map<String, AlertChannelSettings> configured = new TreeMap<>(
            configuration.alerts().channels());
        if (!configured.isEmpty()) {
            final Map<AlertChannelSettings.Type, AlertChannelProvider> found = providers(AlertChannelProvider.class,
                classLoader, AlertChannelProvider::type, "alert channel");
            for (final AlertChannelSettings channel : configured.values()) {
                final String key = ConfigKeys.CHANNEL_TYPE.nameFor(channel.name());
                final String type = ConfigKeys.CHANNEL_TYPE.type().show(channel.type());
                channels.put(channel, require(found.get(channel.type()), configuration, key, "is " + type,
                    "a " + type + " alert channel", "remove the channel"));
            }
        }
        return exporters.isEmpty() && channels.isEmpty() ? NONE
            : new ConfiguredComponents(configuration, exporters, channels);
    }

    /** The names of the configured exporters, such as {@code otlp}, in the order they are built. */
    public List<String> exporterNames() {
        return exporters.keySet().stream().map(ExporterType::label).toList();
    }

    /** The names of the configured alert channels, in the order they are built. */
    public List<String> channelNames() {
        return channels.keySet().stream().map(AlertChannelSettings::name).toList();
    }

    /**
     * Builds the configured exporters except those named in {@code builtByHand}. When one cannot be built,
     * closes those already built and throws.
     *
     * @throws IllegalStateException naming the exporter's keys, with the provider's failure as the cause
     */
    public List<Exporter> buildExporters(final Set<String> builtByHand) {
        final List<Exporter> built = new ArrayList<>();
        try {
            for (final Map.Entry<ExporterType, ExporterProvider> entry : exporters.entrySet()) {
                final ExporterType type = entry.getKey();
                if (builtByHand.contains(type.label())) {
                    continue;
                }
                final Exporter exporter = create(() -> entry.getValue().create(configuration),
                    "genops.exporters." + type.label() + ".*", "the " + type.label() + " exporter");
                built.add(exporter);
                if (!type.label().equals(exporter.name())) {
                    throw new IllegalStateException(entry.getValue().getClass().getName() + " built an exporter "
                        + "named '" + exporter.name() + "' for genops.exporters." + type.label() + ".*; it must be "
                        + "named '" + type.label() + "'");
                }
            }
        } catch (final RuntimeException e) {
            closeAll(built, e);
            throw e;
        }
        return Collections.unmodifiableList(built);
    }

    /**
     * Builds the configured alert channels except those named in {@code builtByHand}.
     *
     * @throws IllegalStateException naming the channel's keys, with the provider's failure as the cause
     */
    public List<AlertChannel> buildChannels(final Set<String> builtByHand) {
        final List<AlertChannel> built = new ArrayList<>();
        for (final Map.Entry<AlertChannelSettings, AlertChannelProvider> entry : channels.entrySet()) {
            final AlertChannelSettings settings = entry.getKey();
            if (!builtByHand.contains(settings.name())) {
                built.add(create(() -> entry.getValue().create(settings), "genops.alerts.channels." + settings.name()
                    + ".*", "the alert channel '" + settings.name() + "'"));
            }
        }
        return Collections.unmodifiableList(built);
    }

    /**
     * One line per configured exporter and channel, with every value set on purpose under its keys and where
     * it came from, secrets masked: {@code otlp: endpoint=http://collector:4318 (genops.yaml:12), ...}.
     */
    public List<String> describe() {
        final List<String> lines = new ArrayList<>();
        components().forEach(component -> lines.add(component.name() + ": " + component.settings()));
        return lines;
    }

    /** Every configured exporter, then every configured channel, as {@link #describe()} shows them. */
    public List<Component> components() {
        final List<Component> components = new ArrayList<>();
        exporters.keySet().forEach(type -> components.add(new Component(true, type.label(),
            settings("genops.exporters." + type.label() + "."))));
        channels.keySet().forEach(channel -> components.add(new Component(false, channel.name(),
            settings("genops.alerts.channels." + channel.name() + "."))));
        return components;
    }

    private String settings(final String prefix) {
        final StringBuilder line = new StringBuilder();
        for (final EffectiveValue value : configuration.values()) {
            if (value.key().startsWith(prefix) && !value.key().endsWith(".enabled") && value.source().explicit()) {
                line.append(line.length() == 0 ? "" : ", ").append(value.key().substring(prefix.length()))
                    .append('=').append(value.value()).append(" (").append(value.source()).append(')');
            }
        }
        return line.length() == 0 ? "defaults" : line.toString();
    }

    /**
     * One configured exporter or alert channel.
     *
     * @param exporter whether it is an exporter (else an alert channel)
     * @param name     an exporter's type label, such as {@code otlp}, or a channel's name
     * @param settings every value set on purpose under its keys and where it came from, secrets masked;
     *                 {@code defaults} when none was
     */
    public record Component(boolean exporter, String name, String settings) {
    }

    private static <T> T create(final Supplier<T> factory, final String keys,
        final String what) {
        try {
            return factory.get();
        } catch (final RuntimeException e) {
            throw new IllegalStateException(what + " configured under " + keys + " could not be built: "
                + e.getMessage(), e);
        }
    }

    private static <K, P> Map<K, P> providers(final Class<P> service, final ClassLoader classLoader,
        final Function<P, K> type, final String what) {
        final Map<K, P> found = new LinkedHashMap<>();
        try {
            for (final P provider : ServiceLoader.load(service, classLoader)) {
                final P earlier = found.putIfAbsent(type.apply(provider), provider);
                if (earlier != null) {
                    throw new IllegalStateException("two " + what + " providers of type " + type.apply(provider)
                        + " are on the class path, " + earlier.getClass().getName() + " and "
                        + provider.getClass().getName() + "; keep one");
                }
            }
        } catch (final ServiceConfigurationError e) {
            throw new IllegalStateException("an " + what + " provider listed in META-INF/services/"
                + service.getName() + " cannot be loaded: " + e.getMessage(), e);
        }
        return found;
    }

    private static <P> P require(final P provider, final GenOpsConfiguration configuration, final String key,
        final String state, final String what, final String otherwise) {
        if (provider == null) {
            throw new IllegalStateException(key + " " + state + " (" + sourceOf(configuration, key) + "), but no "
                + "provider of " + what + " is on the class path: add " + MODULE + " to the class path, or "
                + otherwise);
        }
        return provider;
    }

    private static String sourceOf(final GenOpsConfiguration configuration, final String key) {
        return configuration.values().stream().filter(value -> value.key().equals(key)).findFirst()
            .map(value -> value.source().toString()).orElse("default");
    }

    /** Closes what was built before {@code failure}; a failure to close is kept with it, not thrown over it. */
    private static void closeAll(final List<Exporter> built, final RuntimeException failure) {
        for (final Exporter exporter : built) {
            try {
                exporter.close();
            } catch (final RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
