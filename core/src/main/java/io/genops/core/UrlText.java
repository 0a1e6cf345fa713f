package io.genops.core;

/**
 * Looks at the text of a URL before it is trusted as a {@link java.net.URI}, for the checks that must
 * not quote a credential back to whoever typed it.
 */
public final class UrlText {
    private UrlText() {
    }

    /**
     * Whether an {@code @} comes before the path, the query or the fragment: user information, or what
     * reads as such in a text without a scheme. Read from the text, because
     * {@link java.net.URI#getRawUserInfo()} is unset when the rest of the authority is no host and port
     * ({@code u:pw@host_name:4318}), and a text with a space is no URI at all.
     */
    public static boolean carriesUserInfo(final String text) {
        int end = pathStart(text, 0);
        if (end > 0 && text.charAt(end - 1) == ':' && text.startsWith("//", end)) {
            end = pathStart(text, end + 2);
        }
        return text.lastIndexOf('@', end - 1) >= 0;
    }

    /** The index of the first {@code /}, {@code ?} or {@code #} from {@code from}, or the text's length. */
    private static int pathStart(final String text, final int from) {
        int i = from;
        while (i < text.length() && "/?#".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
