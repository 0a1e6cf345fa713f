package io.genops.cli.support;

/** How a tabular command prints its result: aligned columns for a person, CSV or one JSON object for programs. */
public enum OutputFormat {
    TABLE, CSV, JSON
}
