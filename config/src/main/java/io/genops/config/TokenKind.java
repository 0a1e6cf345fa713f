package io.genops.config;

import io.genops.core.pricing.TokenRates;
import java.util.List;
import java.util.function.ToLongFunction;

/** The kinds of token a model is priced by, with the key each file format gives them. */
enum TokenKind {
    INPUT("input_cost_per_token", "input", TokenRates::inputPicos),
    OUTPUT("output_cost_per_token", "output", TokenRates::outputPicos),
    CACHE_READ("cache_read_input_token_cost", "cache_read", TokenRates::cacheReadPicos),
    CACHE_CREATION("cache_creation_input_token_cost", "cache_creation", TokenRates::cacheCreationPicos),
    REASONING("output_cost_per_reasoning_token", "reasoning", TokenRates::reasoningPicos);

    static final List<TokenKind> ALL = List.of(values());

    private final String liteLlmKey;
    private final String genOpsKey;
    private final ToLongFunction<TokenRates> picos;

    TokenKind(final String liteLlmKey, final String genOpsKey, final ToLongFunction<TokenRates> picos) {
        this.liteLlmKey = liteLlmKey;
        this.genOpsKey = genOpsKey;
        this.picos = picos;
    }

    String liteLlmKey() {
        return liteLlmKey;
    }

    String genOpsKey() {
        return genOpsKey;
    }

    long picos(final TokenRates rates) {
        return picos.applyAsLong(rates);
    }

    /** The kind a LiteLLM key names, or {@code null}. */
    static TokenKind ofLiteLlmKey(final String key) {
        for (final TokenKind kind : ALL) {
            if (kind.liteLlmKey.equals(key)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind one of our keys names, or {@code null}. */
    static TokenKind ofGenOpsKey(final String key) {
        for (final TokenKind kind : ALL) {
            if (kind.genOpsKey.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
