package io.genops.core.event;

import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.money.Money;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One agent interaction: the model call an agent made, its token usage and how it went.
 *
 * <p>Token counts follow the OpenTelemetry GenAI conventions: {@code inputTokens} includes the
 * cache-read and cache-creation tokens, and {@code outputTokens} includes the reasoning tokens, so
 * each token is priced once. The builder refuses counts that break that rule.
 *
 * <p>Immutable and safe to share; build once and track as often as needed.
 */
public final class Interaction {
    /** Marks "no cost override" in {@link #costOverrideNanos()}. */
    public static final long NO_OVERRIDE = Long.MIN_VALUE;

    private final String conversationId;
    private final String userId;
    private final String model;
    private final String provider;
    private final long inputTokens;
    private final long outputTokens;
    private final long cacheReadTokens;
    private final long cacheCreationTokens;
    private final long reasoningTokens;
    private final long latencyNanos;
    private final Complexity complexity;
    private final long payloadChars;
    private final String content;
    private final String output;
    private final String error;
    private final Map<String, Double> performance;
    private final Map<String, String> attributes;
    private final Attribution attribution;
    private final long costOverrideNanos;

    private Interaction(final Builder b) {
        this.conversationId = b.conversationId;
        this.userId = b.userId;
        this.model = b.model;
        this.provider = b.provider;
        this.inputTokens = b.inputTokens;
        this.outputTokens = b.outputTokens;
        this.cacheReadTokens = b.cacheReadTokens;
        this.cacheCreationTokens = b.cacheCreationTokens;
        this.reasoningTokens = b.reasoningTokens;
        this.latencyNanos = b.latencyNanos;
        this.complexity = b.complexity;
        this.payloadChars = b.content != null || b.output != null ? length(b.content) + length(b.output)
            : b.payloadChars;
        this.content = b.content;
        this.output = b.output;
        this.error = b.error;
        this.performance = Map.copyOf(b.performance);
        this.attributes = Map.copyOf(b.attributes);
        this.attribution = b.attribution;
        this.costOverrideNanos = b.costOverrideNanos;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static long length(final String text) {
        return text == null ? 0 : text.length();
    }

    /** The conversation this interaction belongs to, or {@code null}. */
    public String conversationId() {
        return conversationId;
    }

    public String userId() {
        return userId;
    }

    /** The model name as the provider reports it, or {@code null} when no model was called. */
    public String model() {
        return model;
    }

    public String provider() {
        return provider;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    public long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    public long reasoningTokens() {
        return reasoningTokens;
    }

    public long latencyNanos() {
        return latencyNanos;
    }

    public Complexity complexity() {
        return complexity;
    }

    /**
     * Size of the exchanged content in characters, which sets the monitoring platform's payload band: the
     * length of {@link #content()} plus that of {@link #output()} when either is set (what the caller gave
     * {@link Builder#payloadChars} is then ignored), else the size the caller gave. It is the size of what
     * was exchanged, whether or not content capture keeps the texts, and redaction does not change it.
     */
    public long payloadChars() {
        return payloadChars;
    }

    /** The message content (the prompt), or {@code null}; it is kept only where content capture is configured. */
    public String content() {
        return content;
    }

    /** The model's answer, or {@code null}; kept, like {@link #content()}, only where content capture is configured. */
    public String output() {
        return output;
    }

    /** An error type when the interaction failed, or {@code null}. */
    public String error() {
        return error;
    }

    /** Free-form numeric performance figures, such as {@code response_quality}. */
    public Map<String, Double> performance() {
        return performance;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** Attribution for this event alone, over the session's; {@link Attribution#EMPTY} when none. */
    public Attribution attribution() {
        return attribution;
    }

    public boolean hasCostOverride() {
        return costOverrideNanos != NO_OVERRIDE;
    }

    /** The caller's explicit total cost in USD nanos, or {@link #NO_OVERRIDE}. An explicit zero stays zero. */
    public long costOverrideNanos() {
        return costOverrideNanos;
    }

    @Override
    public String toString() {
        return "Interaction{model=" + model + ", provider=" + provider + ", inputTokens=" + inputTokens
            + ", outputTokens=" + outputTokens + ", cacheReadTokens=" + cacheReadTokens
            + ", cacheCreationTokens=" + cacheCreationTokens + ", reasoningTokens=" + reasoningTokens
            + ", latencyNanos=" + latencyNanos + ", complexity=" + complexity + ", payloadChars=" + payloadChars
            + ", conversationId=" + conversationId + ", error=" + error + '}';
    }

    /** Builds an {@link Interaction}; setters check their argument, {@link #build()} checks the whole. */
    public static final class Builder {
        private String conversationId;
        private String userId;
        private String model;
        private String provider;
        private long inputTokens;
        private long outputTokens;
        private long cacheReadTokens;
        private long cacheCreationTokens;
        private long reasoningTokens;
        private long latencyNanos;
        private Complexity complexity = Complexity.SIMPLE;
        private long payloadChars;
        private String content;
        private String output;
        private String error;
        private Map<String, Double> performance = Map.of();
        private Map<String, String> attributes = Map.of();
        private Attribution attribution = Attribution.EMPTY;
        private long costOverrideNanos = NO_OVERRIDE;

        private Builder() {
        }

        public Builder conversationId(final String conversationId) {
            this.conversationId = Checks.nonBlank(conversationId, "conversationId");
            return this;
        }

        public Builder userId(final String userId) {
            this.userId = Checks.nonBlank(userId, "userId");
            return this;
        }

        public Builder model(final String model) {
            this.model = Checks.nonBlank(model, "model");
            return this;
        }

        public Builder provider(final String provider) {
            this.provider = Checks.nonBlank(provider, "provider");
            return this;
        }

        /** Prompt tokens, including cache-read and cache-creation tokens. */
        public Builder inputTokens(final long tokens) {
            this.inputTokens = Checks.nonNegative(tokens, "inputTokens");
            return this;
        }

        /** Completion tokens, including reasoning tokens. */
        public Builder outputTokens(final long tokens) {
            this.outputTokens = Checks.nonNegative(tokens, "outputTokens");
            return this;
        }

        public Builder cacheReadTokens(final long tokens) {
            this.cacheReadTokens = Checks.nonNegative(tokens, "cacheReadTokens");
            return this;
        }

        public Builder cacheCreationTokens(final long tokens) {
            this.cacheCreationTokens = Checks.nonNegative(tokens, "cacheCreationTokens");
            return this;
        }

        public Builder reasoningTokens(final long tokens) {
            this.reasoningTokens = Checks.nonNegative(tokens, "reasoningTokens");
            return this;
        }

        public Builder latency(final Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + latency);
            }
            this.latencyNanos = latency.toNanos();
            return this;
        }

        public Builder latencyNanos(final long nanos) {
            this.latencyNanos = Checks.nonNegative(nanos, "latencyNanos");
            return this;
        }

        public Builder complexity(final Complexity complexity) {
            this.complexity = Objects.requireNonNull(complexity, "complexity");
            return this;
        }

        public Builder complexity(final String complexity) {
            return complexity(Complexity.parse(complexity));
        }

        /** The size of the exchanged content in characters, for when neither content nor output is given. */
        public Builder payloadChars(final long chars) {
            this.payloadChars = Checks.nonNegative(chars, "payloadChars");
            return this;
        }

        /** The message content (the prompt); its length, plus the output's, becomes the payload size. */
        public Builder content(final String content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /** The model's answer; its length, plus the content's, becomes the payload size. */
        public Builder output(final String output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public Builder error(final String errorType) {
            this.error = Checks.nonBlank(errorType, "error");
            return this;
        }

        public Builder performance(final Map<String, Double> performance) {
            this.performance = Checks.finiteValues(performance, "performance");
            return this;
        }

        public Builder attributes(final Map<String, String> attributes) {
            this.attributes = Checks.attributes(attributes, "attributes");
            return this;
        }

        public Builder attribution(final Attribution attribution) {
            this.attribution = Objects.requireNonNull(attribution, "attribution");
            return this;
        }

        /** Replaces the computed total cost with {@code cost} (USD); zero is a valid override. */
        public Builder cost(final Money cost) {
            this.costOverrideNanos = Checks.costOverride(cost);
            return this;
        }

        public Interaction build() {
            if (cacheReadTokens > inputTokens - cacheCreationTokens) {
                throw new IllegalArgumentException("cacheReadTokens (" + cacheReadTokens + ") + cacheCreationTokens ("
                    + cacheCreationTokens + ") exceed inputTokens (" + inputTokens
                    + "); input tokens include cached ones");
            }
            if (reasoningTokens > outputTokens) {
                throw new IllegalArgumentException("reasoningTokens (" + reasoningTokens + ") exceed outputTokens ("
                    + outputTokens + "); output tokens include reasoning ones");
            }
            return new Interaction(this);
        }
    }
}
