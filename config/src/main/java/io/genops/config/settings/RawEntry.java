package io.genops.config.settings;

/**
 * A value for a key as one source wrote it.
 *
 * @param name   the key's full name, such as {@code genops.alerts.rules.spend.severity}
 * @param value  the value as written
 * @param source where it was written
 */
record RawEntry(String name, RawValue value, Source source) {
}
