package io.genops.cli.support;

import java.io.PrintWriter;

/** Rows of RFC 4180 CSV: a field with a comma, quote or line break is quoted, its quotes doubled. */
public final class Csv {
    private Csv() {
    }

    public static void row(final PrintWriter out, final String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.print(',');
            }
            out.print(field(fields[i]));
        }
        out.print("\r\n");
    }

    static String field(final String value) {
        if (value == null) {
            return "";
        }
        final boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
