package io.genops.exporters.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's {@code deploy/} files as the tests read them. */
final class DeployFiles {
    static final Pattern METRIC = Pattern.compile("genops_[a-z_]+");
    /** The Prometheus client's own series the deploy files may use: the JVM's and the process's. */
    static final Pattern CLIENT_METRIC = Pattern.compile("\\b(?:jvm|process)_[a-z_]+");
    private static final List<String> SERIES_SUFFIXES = List.of("_bucket", "_sum", "_count", "_created");

    private DeployFiles() {
    }

    /** The {@code deploy} directory, found from the module directory the tests run in. */
    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/grafana"))) {
                return dir.resolve("deploy");
            }
        }
        throw new IllegalStateException("no deploy/grafana directory above " + System.getProperty("user.dir"));
    }

    static Path dashboard() {
        return root().resolve("grafana/genops-dashboard.json");
    }

    static Path hpa() {
        return root().resolve("kubernetes/hpa.yaml");
    }

    /** Every {@code expr} of every panel target, in order, with the panel's title. */
    static List<Map.Entry<String, String>> dashboardExpressions() throws IOException {
        final List<Map.Entry<String, String>> expressions = new ArrayList<>();
        String title = "";
        try (JsonParser parser = new JsonFactory().createParser(dashboard().toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "title".equals(parser.currentName())) {
                    parser.nextToken();
                    title = parser.getText();
                } else if (token == JsonToken.FIELD_NAME && "expr".equals(parser.currentName())) {
                    parser.nextToken();
                    expressions.add(Map.entry(title, parser.getText()));
                }
            }
        }
        return expressions;
    }

    /** The {@code genops_} names in every string value of the dashboard (expressions and variable queries alike). */
    static Set<String> dashboardMetricNames() throws IOException {
        return dashboardNames(METRIC);
    }

    /** The {@code jvm_} and {@code process_} names in every string value of the dashboard. */
    static Set<String> dashboardClientMetricNames() throws IOException {
        return dashboardNames(CLIENT_METRIC);
    }

    private static Set<String> dashboardNames(final Pattern pattern) throws IOException {
        final Set<String> names = new TreeSet<>();
        try (JsonParser parser = new JsonFactory().createParser(dashboard().toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    names.addAll(metricNames(parser.getText(), pattern));
                }
            }
        }
        return names;
    }

    /** The {@code genops_} names in {@code text}, each without a histogram or created-series suffix. */
    static Set<String> metricNames(final String text) {
        return metricNames(text, METRIC);
    }

    /** The names {@code pattern} finds in {@code text}, each without a histogram or created-series suffix. */
    static Set<String> metricNames(final String text, final Pattern pattern) {
        final Set<String> names = new LinkedHashSet<>();
        final Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(family(matcher.group()));
        }
        return names;
    }

    /** A sample name without {@code _bucket}, {@code _sum}, {@code _count} or {@code _created}. */
    static String family(final String name) {
        for (final String suffix : SERIES_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
