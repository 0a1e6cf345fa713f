package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.genops.pipeline.RedactionRule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each built-in rule on what it must catch and what it must leave; the custom redactor after them. */
class RedactorTest {
    private static final Set<RedactionRule> ALL = EnumSet.allOf(RedactionRule.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "key sk-proj-Ab3dEf6hIj9kLm2nOp5q here | key [REDACTED:api-key] here",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz_0123 | [REDACTED:api-key]",
        "aws AKIAIOSFODNN7EXAMPLE, temp ASIAY34FZKBOKMUTVV7A. | aws [REDACTED:api-key], temp [REDACTED:api-key].",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a and github_pat_11ABCDEFG0123456789_abcdefghij "
            + "| [REDACTED:api-key] and [REDACTED:api-key]",
        "slack xoxb-123456789012-abcdefGHIJ | slack [REDACTED:api-key]",
        "google AIzaSyA1234567890abcdefghijklmnopqrstuv | google [REDACTED:api-key]",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature "
            + "| Authorization: Bearer [REDACTED:api-key]",
        "authorization: bearer abcdefghijklmnop== | authorization: bearer [REDACTED:api-key]",
        "GET /v1?api_key=12ab34cd&x=1 | GET /v1?api_key=[REDACTED:api-key]&x=1",
        "X-Api-Key: live-7f3a9b | X-Api-Key: [REDACTED:api-key]",
        "{\"apiKey\": \"s3cr3t\", \"n\": 1} | {\"apiKey\": \"[REDACTED:api-key]\", \"n\": 1}",
        "access_token=tok.en and client_secret: 'shh' | access_token=[REDACTED:api-key] and client_secret: "
            + "'[REDACTED:api-key]'",
        "PASSWORD = hunter2; next | PASSWORD = [REDACTED:api-key]; next",
        "api_key=sk-abcdefghijklmnopqrstuv | api_key=[REDACTED:api-key]",
    })
    void apiKeys_areReplaced_keepingBearerAndTheKeysName(final String text, final String redacted) {
        assertThat(redactor(RedactionRule.API_KEYS).redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ask-me-anything about tasks", "sk-short", "AKIA is a prefix, AKIAshort",
        "the bearer of bad news", "an api key is needed", "password reset link", "token bucket", "gh_pages"})
    void apiKeys_leaveOrdinaryText(final String text) {
        final Redactor redactor = redactor(RedactionRule.API_KEYS);

        assertThat(redactor.redact(text)).isSameAs(text);
        assertThat(redactor.redactions()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mail jane.doe@example.com now | mail [REDACTED:email] now",
        "<first+tag@mail.co.uk>, second@x-y.io. | <[REDACTED:email]>, [REDACTED:email].",
        "Ünïcode ü@b.com a.b@c.d.example.org | Ünïcode [REDACTED:email] [REDACTED:email]",
        "jürgen.müller@bücher.de, 用户@例子.广告 | [REDACTED:email], [REDACTED:email]",
        "foo@bar@example.com | foo@[REDACTED:email]",
    })
    void emails_areReplaced(final String text, final String redacted) {
        assertThat(redactor(RedactionRule.EMAILS).redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"an @mention", "user@localhost", "a@b.c", "email me at", "@@@", "x@y"})
    void emails_leaveWhatIsNoAddress(final String text) {
        assertThat(redactor(RedactionRule.EMAILS).redact(text)).isSameAs(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "card 4111111111111111 ok | card [REDACTED:number] ok",
        "card 4111 1111 1111 1111. | card [REDACTED:number].",
        "card 4111-1111-1111-1111 | card [REDACTED:number]",
        "amex 3782 822463 10005 | amex [REDACTED:number]",
        "diners 3056 930902 5904 | diners [REDACTED:number]",
        "19 digits 6011 0009 9013 9424 123 | 19 digits [REDACTED:number]",
        "at 1733234567890 ms | at [REDACTED:number] ms",
    })
    void longNumbers_areReplaced(final String text, final String redacted) {
        assertThat(redactor(RedactionRule.LONG_NUMBERS).redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 123456789012", "call +1 415 555 0100", "4111 1111-1111 1111", "2024-01-15",
        "10 20 30 40 50 60 70", "id a1234567890123", "v1.2.3"})
    void longNumbers_leaveShorterOrMixedNumbers(final String text) {
        assertThat(redactor(RedactionRule.LONG_NUMBERS).redact(text)).isSameAs(text);
    }

    @Test
    void everyRule_countsEachMatch_andOnlyTheChosenRulesRun() {
        final String text = "mail a@example.com, key sk-abcdefghijklmnop1234, card 4111111111111111";
        final Redactor all = new Redactor(ALL, null);
        final Redactor emailsOnly = redactor(RedactionRule.EMAILS);

        assertThat(all.redact(text)).isEqualTo("mail [REDACTED:email], key [REDACTED:api-key], card "
            + "[REDACTED:number]");
        assertThat(all.redactions()).isEqualTo(3);
        assertThat(emailsOnly.redact(text)).isEqualTo("mail [REDACTED:email], key sk-abcdefghijklmnop1234, card "
            + "4111111111111111");
        assertThat(emailsOnly.redactions()).isEqualTo(1);
        assertThat(new Redactor(EnumSet.noneOf(RedactionRule.class), null).active()).isFalse();
    }

    @Test
    void theCustomRedactor_runsAfterTheRules_andCountsATextItChanged() {
        final Redactor redactor = new Redactor(ALL, text -> text.replaceAll("ORD-\\d+", "[REDACTED:order]"));

        assertThat(redactor.redact("ORD-991 for a@example.com")).isEqualTo("[REDACTED:order] for [REDACTED:email]");
        assertThat(redactor.redactions()).isEqualTo(2);
        assertThat(redactor.redact("nothing here")).isEqualTo("nothing here");
        assertThat(redactor.redactions()).isEqualTo(2);
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aCustomRedactorReturningNull_isRefused() {
        final Redactor redactor = new Redactor(ALL, text -> null);

        assertThatIllegalStateException().isThrownBy(() -> redactor.redact("x"))
            .withMessage("the custom redactor returned null");
    }

    /** A megabyte of each shape that makes a careless pattern recurse or backtrack: none throws. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "1 ", "1-", "a", "a.", "a@", "@", "sk-", "Bearer ", "api_key=", " "})
    void longRepetitiveTexts_areRedactedWithoutError(final String unit) {
        final String text = unit.repeat(1_000_000 / unit.length());
        final Redactor redactor = new Redactor(ALL, null);

        assertThatCode(() -> redactor.redact(text)).doesNotThrowAnyException();
    }

    @Test
    void aMegabyteOfDigits_isOneNumber() {
        assertThat(new Redactor(ALL, null).redact("x " + "7".repeat(1_000_000) + " y")).isEqualTo("x "
            + "[REDACTED:number] y");
    }

    private static Redactor redactor(final RedactionRule rule) {
        return new Redactor(EnumSet.of(rule), null);
    }
}
