package io.genops.pipeline;

import java.util.Locale;

/**
 * A built-in rule that redacts captured message content and answers before the pipeline keeps them (see
 * {@link GenOpsBuilder#redact(java.util.Set)}). Each replaces what it matches with its {@link #marker()},
 * such as {@code [REDACTED:email]}. The rules chosen run in the order declared here, whatever the order
 * they were named in, and a custom redactor, when given, runs after them.
 *
 * <p>The rules are patterns, not a guarantee: they catch the usual shapes of secrets and personal data, and
 * a secret of another shape passes. Where the texts must hold nothing of the kind, add a custom redactor
 * for the shapes your application sees, or leave content capture off.
 */
public enum RedactionRule {
    /**
     * API keys and tokens: keys that begin {@code sk-} (OpenAI, Anthropic), AWS access key ids
     * ({@code AKIA} or {@code ASIA} and 16 capitals or digits), GitHub tokens ({@code ghp_}, {@code gho_},
     * {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}), Slack tokens ({@code xoxb-} and the
     * like) and Google API keys ({@code AIza}); the credential after {@code Bearer}; and the value given
     * to {@code api_key}, {@code api-key}, {@code apikey}, {@code access_token}, {@code auth_token},
     * {@code client_secret}, {@code secret_key} or {@code password} with {@code =} or {@code :}, quoted
     * or not, in any case. {@code Bearer} and the name of the key stay: {@code api_key=[REDACTED:api-key]}.
     */
    API_KEYS("api-key"),
    /** E-mail addresses: a local part of up to 64 characters, {@code @}, and a domain with a dot. */
    EMAILS("email"),
    /**
     * Long numbers: a run of 13 or more digits, and a number written as payment cards are, in groups of
     * four (13 to 19 digits) or of four, six and four or five, separated by single spaces or hyphens.
     * Card numbers are among them, and so is any other number that long, such as a millisecond timestamp.
     */
    LONG_NUMBERS("number");

    private final String marker;

    RedactionRule(final String kind) {
        this.marker = "[REDACTED:" + kind + "]";
    }

    /** What replaces each match, such as {@code [REDACTED:email]}. */
    public String marker() {
        return marker;
    }

    /** The rule's name in {@code genops.pipeline.redact}: {@code api-keys}, {@code emails}, {@code long-numbers}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
