package io.genops.exporters.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One scrape of a {@code /metrics} endpoint in the Prometheus text format (0.0.4), parsed into samples:
 * just enough of the format for tests (no escaped quotes or commas inside label values).
 */
final class Scrape {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int status;
    private final String contentType;
    private final String body;
    private final List<Sample> samples;

    private Scrape(final int status, final String contentType, final String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.samples = parse(body);
    }

    static Scrape of(final int port) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Accept", "text/plain; version=0.0.4").timeout(Duration.ofSeconds(5)).GET().build();
        final HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
            response.body());
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String body() {
        return body;
    }

    /** The value of the sample with exactly these labels. */
    double value(final String name, final Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(new TreeMap<>(labels)))
            .mapToDouble(s -> s.value).findFirst()
            .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in:\n" + body));
    }

    double value(final String name) {
        return value(name, Map.of());
    }

    /** The sum over every sample of {@code name} whose labels pass {@code filter}. */
    double sum(final String name, final Predicate<Map<String, String>> filter) {
        return samples.stream().filter(s -> s.name.equals(name) && filter.test(s.labels)).mapToDouble(s -> s.value)
            .sum();
    }

    /** The values one label takes across the samples of {@code name}. */
    Set<String> labelValues(final String name, final String label) {
        final Set<String> values = new TreeSet<>();
        samples.stream().filter(s -> s.name.equals(name) && s.labels.containsKey(label))
            .forEach(s -> values.add(s.labels.get(label)));
        return values;
    }

    boolean has(final String name) {
        return samples.stream().anyMatch(s -> s.name.equals(name));
    }

    /** Every sample name in the scrape. */
    Set<String> names() {
        final Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name));
        return names;
    }

    private static List<Sample> parse(final String body) {
        final List<Sample> samples = new ArrayList<>();
        for (final String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final int brace = line.indexOf('{');
            final int space = line.lastIndexOf(' ');
            final Map<String, String> labels = new TreeMap<>();
            final String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                final String inner = line.substring(brace + 1, line.lastIndexOf('}'));
                for (final String pair : inner.split(",")) {
                    if (!pair.isEmpty()) {
                        final int eq = pair.indexOf('=');
                        labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
            } else {
                name = line.substring(0, space);
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
        return samples;
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
