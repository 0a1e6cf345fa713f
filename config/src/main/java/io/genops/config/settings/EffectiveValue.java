package io.genops.config.settings;

/**
 * One key of a loaded configuration as people may see it: the value, with secrets masked, and where it
 * came from. {@code genops config check} prints these.
 *
 * @param key    the key, such as {@code genops.alerts.channels.pager.url}
 * @param value  the value as shown; an unset key shows what unset means, in parentheses
 * @param source where the value came from; {@link Source.Layer#DEFAULT} for a default
 */
public record EffectiveValue(String key, String value, Source source) {
    @Override
    public String toString() {
        return key + " = " + value + "  (" + source + ')';
    }
}
