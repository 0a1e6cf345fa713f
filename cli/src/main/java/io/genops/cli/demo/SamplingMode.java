package io.genops.cli.demo;

/**
 * How the demo samples events for export: {@link #ADAPTIVE} per key (event kind or signal name, with the
 * agent), as {@code SamplingPolicy.adaptive()} does, or a {@link #FIXED} share of each kind.
 */
enum SamplingMode {
    ADAPTIVE, FIXED
}
