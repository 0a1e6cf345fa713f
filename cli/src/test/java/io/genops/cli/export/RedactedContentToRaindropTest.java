package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.genops.core.event.Interaction;
import io.genops.exporters.raindrop.RaindropExporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.ShutdownReport;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the caller to Raindrop's wire, every real part: captured content and answers are redacted on the
 * consumer thread, journaled redacted, and the Raindrop exporter, reading the journal, sends only redacted
 * text to an HTTP server on loopback.
 */
class RedactedContentToRaindropTest {
    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String KEY = "sk-proj-Ab3dEf6hIj9kLm2nOp5q";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.payload.sig";

    @TempDir
    Path journal;

    @Test
    void theEventsSentToRaindrop_holdOnlyRedactedContentAndOutput() throws Exception {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/v1/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                bodies.add(exchange.getRequestURI().getPath() + " "
                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        try {
            final RaindropExporter raindrop = RaindropExporter.builder().writeKey("rdk_test")
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")).build();
            final GenOps genops = GenOps.builder().journal(journal).team("support").captureContent(true)
                .exporter(raindrop).exportBatchAge(Duration.ofMillis(20)).build();
            try (MonitoringSession session = genops.openSession("chat")) {
                session.trackInteraction("support-bot", Interaction.builder().model("gpt-4o").inputTokens(50)
                    .outputTokens(30).content("I am " + EMAIL + ", my card is " + CARD + " and my key " + KEY)
                    .output("Send Authorization: Bearer " + TOKEN + " to " + EMAIL).build());
            }
            final ShutdownReport report = genops.close(Duration.ofSeconds(20));

            assertThat(report.exportersCaughtUp()).isTrue();
        } finally {
            server.stop(0);
        }

        assertThat(bodies).singleElement().asString().startsWith("/v1/events/track ")
            .contains("\"input\":\"I am [REDACTED:email], my card is [REDACTED:number] and my key "
                + "[REDACTED:api-key]\"")
            .contains("\"output\":\"Send Authorization: Bearer [REDACTED:api-key] to [REDACTED:email]\"")
            .doesNotContain(EMAIL, CARD, KEY, TOKEN);
    }
}
