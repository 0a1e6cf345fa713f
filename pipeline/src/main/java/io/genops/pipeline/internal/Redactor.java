package io.genops.pipeline.internal;

import io.genops.pipeline.RedactionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts captured texts: the chosen built-in rules in {@link RedactionRule} order, then the custom
 * redactor. Each rule is one or more precompiled patterns; each match is replaced by the rule's marker.
 *
 * <p>Cost: a pattern runs only on a text that holds one of its hints (such as {@code sk-} or
 * {@code bearer}), found by plain string searches, and the e-mail pattern only once at each {@code @}. So a
 * text without a hint costs a few string searches and the long-number pattern's one pass, all linear in its
 * length. No pattern repeats a group without a small bound, so no text, however long, can make one recurse
 * deeply.
 *
 * <p>Not thread-safe: it reuses one matcher per pattern, so one redactor serves one consumer thread.
 */
public final class Redactor {
    /**
     * Where a word starts and ends, a letter or digit of any script or '_' on one side only. Java 17's
     * {@code \b} drew it so; from Java 19 on {@code \b} counts only ASCII as word characters, under which an
     * address with a top-level domain in another script would not match at all. The patterns say it themselves
     * and redact alike on every Java.
     */
    private static final String WORD_START = "(?<![\\p{L}\\p{Nd}_])";
    private static final String WORD_END = "(?![\\p{L}\\p{Nd}_])";
    /** Keys of known formats; the hints below are the prefixes these can begin with. */
    private static final Pattern KEY_FORMATS = Pattern.compile(WORD_START + "(?:sk-[A-Za-z0-9_-]{16,}"
        + "|(?:AKIA|ASIA)[A-Z0-9]{16}" + WORD_END
        + "|(?:gh[pousr]|github_pat)_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})");
    private static final String[] KEY_HINTS = {"sk-", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
        "github_pat_", "xox", "AIza"};
    /** The credential after {@code Bearer}; one already redacted starts with '[' and is left alone. */
    private static final Pattern BEARER = Pattern.compile("(?i)" + WORD_START
        + "(bearer\\s+)[A-Za-z0-9._~+/-]{12,}=*");
    /** The value given to a key's name, quoted or not, as in a query string, a header, JSON or YAML. */
    private static final Pattern ASSIGNED = Pattern.compile("(?i)" + WORD_START + "((?:api[_-]?key|access[_-]?token"
        + "|auth[_-]?token|client[_-]?secret|secret[_-]?key|password)[\"']?[ \\t]*[:=][ \\t]*[\"']?)"
        + "(?!\\[REDACTED:)[^\\s\"'&,;]+");
    private static final String[] ASSIGNED_HINTS = {"api", "token", "secret", "password"};
    /**
     * An address, tried only where the local part before an '@' starts (see {@code Part.replaceAtSigns});
     * letters and digits of any script. Every part is bounded, so the work at each '@' is too.
     */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{Nd}._%+-]{1,64}@"
        + "(?:[\\p{L}\\p{Nd}-]{1,63}\\.){1,8}\\p{L}{2,63}" + WORD_END);
    /** The most characters of an address before its '@', and after it (eight labels of 63 and a dot each, a TLD). */
    private static final int LOCAL_PART = 64;
    private static final int DOMAIN = 8 * 64 + 63;
    /** 13 or more digits unbroken, or grouped as cards are: 4-4-4-1..4 (-3), 4-6-4 or 4-6-5, one separator kind. */
    private static final Pattern LONG_NUMBER = Pattern.compile(WORD_START + "(?:\\d{13,}"
        + "|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{3})?|\\d{4}([ -])\\d{6}\\2\\d{4,5})" + WORD_END);
    private static final String[] NO_HINTS = {};

    private final Part[] parts;
    private final UnaryOperator<String> custom;
    private long redactions;

    /**
     * @param rules  the built-in rules to apply, in their declared order whatever the set's order
     * @param custom applied after them, or {@code null}
     */
    public Redactor(final Set<RedactionRule> rules, final UnaryOperator<String> custom) {
        Objects.requireNonNull(rules, "rules");
        final List<Part> chosen = new ArrayList<>();
        for (final RedactionRule rule : RedactionRule.values()) {
            if (rules.contains(rule)) {
                addParts(rule, chosen);
            }
        }
        this.parts = chosen.toArray(new Part[0]);
        this.custom = custom;
    }

    private static void addParts(final RedactionRule rule, final List<Part> parts) {
        final String marker = rule.marker();
        switch (rule) {
            case API_KEYS:
                parts.add(new Part(KEY_FORMATS, marker, 0, KEY_HINTS, false, false));
                parts.add(new Part(BEARER, marker, 1, new String[] {"bearer"}, true, false));
                parts.add(new Part(ASSIGNED, marker, 1, ASSIGNED_HINTS, true, false));
                break;
            case EMAILS:
                parts.add(new Part(EMAIL, marker, 0, NO_HINTS, false, true));
                break;
            case LONG_NUMBERS:
                parts.add(new Part(LONG_NUMBER, marker, 0, NO_HINTS, false, false));
                break;
            default:
                throw new IllegalStateException("no patterns for redaction rule " + rule);
        }
    }

    /** Whether anything redacts: a built-in rule or a custom redactor. */
    public boolean active() {
        return parts.length > 0 || custom != null;
    }

    /**
     * {@code text} with every match of the rules replaced, then passed to the custom redactor; the same
     * instance when nothing matched and there is no custom redactor; {@code null} for {@code null}.
     *
     * @throws IllegalStateException when the custom redactor returns {@code null}
     */
    public String redact(final String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (final Part part : parts) {
            redacted = part.apply(redacted, this);
        }
        if (custom == null) {
            return redacted;
        }
        final String result = custom.apply(redacted);
        if (result == null) {
            throw new IllegalStateException("the custom redactor returned null");
        }
        if (!result.equals(redacted)) {
            redactions++;
        }
        return result;
    }

    /** Matches the rules replaced, plus texts the custom redactor changed, since this redactor was made. */
    public long redactions() {
        return redactions;
    }

    /** One pattern of a rule, with the marker it writes and the hints that make it worth running. */
    private static final class Part {
        private final Matcher matcher;
        private final String marker;
        /** The group kept in front of the marker, such as {@code Bearer }; 0 replaces the whole match. */
        private final int keptGroup;
        /** At least one must occur in a text for the pattern to be tried; none means always. */
        private final String[] hints;
        private final boolean hintsIgnoreCase;
        /** Whether matches are tried only at each '@' (the e-mail pattern), rather than over the whole text. */
        private final boolean atSigns;
        /** The text being rewritten, from the first match on; {@code null} until then. */
        private StringBuilder out;
        /** The index after the last match, and the matches so far. */
        private int last;
        private int found;

        Part(final Pattern pattern, final String marker, final int keptGroup, final String[] hints,
            final boolean hintsIgnoreCase, final boolean atSigns) {
            // Transparent bounds: a word boundary at the edge of the window around an '@' sees the text beyond.
            this.matcher = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
            this.marker = marker;
            this.keptGroup = keptGroup;
            this.hints = hints;
            this.hintsIgnoreCase = hintsIgnoreCase;
            this.atSigns = atSigns;
        }

        /** {@code text} with every match replaced, or the same instance when nothing matched; counts the matches. */
        String apply(final String text, final Redactor counts) {
            if (!hinted(text)) {
                return text;
            }
            final Matcher m = matcher.reset(text);
            if (atSigns) {
                replaceAtSigns(m, text);
            } else {
                replaceAll(m, text);
            }
            // The reused matcher keeps no reference to the text once it is done with it.
            m.reset("");
            if (out == null) {
                return text;
            }
            counts.redactions += found;
            final String redacted = out.append(text, last, text.length()).toString();
            out = null;
            return redacted;
        }

        private void replaceAll(final Matcher m, final String text) {
            start();
            while (m.find()) {
                replace(m, text);
            }
        }

        /**
         * Tries the pattern once at each '@': from the start of the run of local-part characters before it (at
         * most {@value #LOCAL_PART} back), over a window that holds the longest domain. Scanning from every
         * position instead would try up to 64 starts for each '@', and a text of many would take seconds.
         */
        private void replaceAtSigns(final Matcher m, final String text) {
            start();
            int at = text.indexOf('@');
            while (at >= 0) {
                final int from = localPartStart(text, at, last);
                if (from < at) {
                    m.region(from, Math.min(text.length(), at + 1 + DOMAIN));
                    if (m.lookingAt()) {
                        replace(m, text);
                        at = text.indexOf('@', last);
                        continue;
                    }
                }
                at = text.indexOf('@', at + 1);
            }
        }

        /** Where the local part before {@code at} starts: as far back as its characters go, within the bounds. */
        private static int localPartStart(final String text, final int at, final int floor) {
            final int limit = Math.max(floor, at - LOCAL_PART);
            int from = at;
            while (from > limit) {
                final int c = text.codePointBefore(from);
                if (!Character.isLetter(c) && !Character.isDigit(c) && "._%+-".indexOf(c) < 0) {
                    break;
                }
                from -= Character.charCount(c);
            }
            return Math.max(from, limit);
        }

        private void start() {
            out = null;
            last = 0;
            found = 0;
        }

        /** Copies the text up to the match, the kept group, then the marker; the builder is made at the first match. */
        private void replace(final Matcher m, final String text) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start());
            if (keptGroup > 0) {
                out.append(text, m.start(keptGroup), m.end(keptGroup));
            }
            out.append(marker);
            last = m.end();
            found++;
        }

        private boolean hinted(final String text) {
            if (hints.length == 0) {
                return !atSigns || text.indexOf('@') >= 0;
            }
            return hintsIgnoreCase ? containsAnyIgnoringCase(text, hints) : containsAny(text, hints);
        }

        private static boolean containsAny(final String text, final String[] hints) {
            for (final String hint : hints) {
                if (text.contains(hint)) {
                    return true;
                }
            }
            return false;
        }

        /** One pass over the text for lower-case ASCII hints, in any case; where a letter may start one, compares. */
        private static boolean containsAnyIgnoringCase(final String text, final String[] hints) {
            for (int i = 0; i < text.length(); i++) {
                final char c = (char)(text.charAt(i) | 0x20);
                for (final String hint : hints) {
                    if (c == hint.charAt(0) && text.regionMatches(true, i, hint, 0, hint.length())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
