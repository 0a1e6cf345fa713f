package io.genops.cli.demo;

import static io.genops.core.event.Complexity.COMPLEX;
import static io.genops.core.event.Complexity.MODERATE;
import static io.genops.core.event.Complexity.SIMPLE;

import io.genops.core.event.AlertRule;
import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.event.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The four teams of the demo, after the guide's support, sales, technical and billing agents. Each
 * has its own mix of models: support answers many short questions on small models, sales writes
 * longer replies, technical agents read large code contexts (mostly from the prompt cache) and
 * reason at length, billing looks up invoices on the cheapest models. The technical team also runs
 * a fine-tuned model of its own that no price table knows, so the demo shows how unpriced calls are
 * counted rather than silently priced at zero.
 */
enum Team {
    SUPPORT("support", Frequency.HIGH, List.of(
        // model, provider, weight, input tokens, output tokens, cached %, reasoning %, complexity, latency ms
        call("gpt-4o-mini",       "openai",      6,    800,  2_500,    150,    500,  50,   0, SIMPLE,      400, 1_500),
        call("claude-haiku-4-5",  "anthropic",   3,  1_000,  3_000,    200,    600,  60,   0, MODERATE,    600, 1_800),
        call("gpt-4o",            "openai",      1,  3_000,  8_000,    400,  1_200,  40,   0, MODERATE,  1_200, 2_400)),
        Map.of("slow-response", rule("latency_ms > 2500", Severity.WARNING),
            "quality-drop", rule("response_quality < 0.6", Severity.WARNING))),
    SALES("sales", Frequency.STANDARD, List.of(
        call("gpt-4o",            "openai",      5,  1_500,  5_000,    300,    900,  30,   0, MODERATE,    900, 2_200),
        call("claude-sonnet-4-5", "anthropic",   3,  2_000, 12_000,    400,  1_500,  70,   0, COMPLEX,   1_500, 2_400),
        call("gemini-2.5-flash",  "google",      2,  1_000,  4_000,    200,    800,   0,  30, SIMPLE,      500, 1_400)),
        Map.of("low-confidence", rule("confidence_score < 0.6", Severity.INFO))),
    TECHNICAL("technical", Frequency.STANDARD, List.of(
        call("claude-sonnet-4-5", "anthropic",   4,  8_000, 40_000,    800,  4_000,  85,   0, COMPLEX,   2_000, 2_450),
        call("o4-mini",           "openai",      3,  2_000, 10_000,  1_000,  6_000,  20,  75, COMPLEX,   1_800, 2_450),
        call("acme-code-ft-7b",   "self-hosted", 1,  2_000,  6_000,    300,  1_500,   0,   0, MODERATE,    700, 1_600)),
        Map.of("runaway-context", rule("total_tokens > 45000", Severity.WARNING))),
    BILLING("billing", Frequency.LOW, List.of(
        call("gemini-2.5-flash",  "google",      5,    800,  3_000,    100,    400,   0,  25, SIMPLE,      300, 1_000),
        call("gpt-4.1-mini",      "openai",      3,  1_000,  3_000,    150,    500,  50,   0, SIMPLE,      400, 1_200),
        call("deepseek-chat",     "deepseek",    2,  1_500,  4_000,    200,    600,  40,   0, SIMPLE,      500, 1_500)),
        Map.of("expensive-call", rule("cost_usd > 0.15", Severity.INFO)));

    /**
     * Rules fire again after this quiet spell, so a 15-second run shows a few repeats but no storm. A
     * constant expression, so that the constants above can use it while the enum is initialised.
     */
    private static final int ALERT_COOLDOWN_SECONDS = 10;

    private final String wireName;
    private final Frequency signalFrequency;
    private final List<CallProfile> calls;
    private final int totalWeight;
    private final Map<String, AlertRule> alertRules;

    Team(final String wireName, final Frequency signalFrequency, final List<CallProfile> calls,
        final Map<String, AlertRule> alertRules) {
        this.wireName = wireName;
        this.signalFrequency = signalFrequency;
        this.calls = calls;
        this.totalWeight = calls.stream().mapToInt(CallProfile::weight).sum();
        this.alertRules = alertRules;
    }

    private static CallProfile call(final String model, final String provider, final int weight, final int minInput,
        final int maxInput, final int minOutput, final int maxOutput, final int cachedPercent,
        final int reasoningPercent, final Complexity complexity, final int minLatencyMs, final int maxLatencyMs) {
        return new CallProfile(model, provider, weight, minInput, maxInput, minOutput, maxOutput, cachedPercent,
            reasoningPercent, complexity, minLatencyMs, maxLatencyMs);
    }

    /** No channel named: alerts go to the default channels, the log and, with {@code --webhook}, the webhook. */
    private static AlertRule rule(final String condition, final Severity severity) {
        return AlertRule.builder()
            .condition(condition)
            .severity(severity)
            .cooldown(Duration.ofSeconds(ALERT_COOLDOWN_SECONDS))
            .build();
    }

    /** The team's name in attribution, budgets and output. */
    String wireName() {
        return wireName;
    }

    /** How often the team's agents report performance signals, which the platform prices by. */
    Frequency signalFrequency() {
        return signalFrequency;
    }

    /** A call drawn by weight from {@code draw}, a number in [0, 1). */
    CallProfile call(final double draw) {
        int remaining = (int)(draw * totalWeight);
        for (final CallProfile call : calls) {
            remaining -= call.weight();
            if (remaining < 0) {
                return call;
            }
        }
        return calls.get(calls.size() - 1);
    }

    List<CallProfile> calls() {
        return calls;
    }

    /** The alert rules this team creates, by name. */
    Map<String, AlertRule> alertRules() {
        return alertRules;
    }
}
