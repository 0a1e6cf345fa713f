package io.genops.exporters.alert;

import static io.genops.exporters.alert.Json.array;
import static io.genops.exporters.alert.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import io.genops.exporters.alert.LoopbackServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackAlertChannelTest {
    private LoopbackServer server;
    private SlackAlertChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
        channel = SlackAlertChannel.builder("slack", server.uri("/services/T0/B0/X")).timeout(Duration.ofSeconds(2))
            .backoff(Duration.ofMillis(10), Duration.ofMillis(40)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The message Slack would receive, parsed. */
    private Map<String, Object> delivered(final List<FiredAlert> alerts) throws Exception {
        channel.deliver(alerts);
        final LoopbackServer.Received request = server.next();
        assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
        return object(Json.parse(request.body()));
    }

    private static String sectionText(final Object block) {
        final Map<String, Object> section = object(block);
        assertThat(section).containsOnlyKeys("type", "text").containsEntry("type", "section");
        final Map<String, Object> text = object(section.get("text"));
        assertThat(text).containsOnlyKeys("type", "text").containsEntry("type", "mrkdwn");
        return (String) text.get("text");
    }

    @Test
    void shouldPostOneSectionPerAlertAndCountsBySeverityAsText() throws Exception {
        final Map<String, Object> message = delivered(List.of(Alerts.budget(), Alerts.latency()));

        assertThat(message).containsOnlyKeys("text", "blocks")
            .containsEntry("text", "2 GenOps alerts: 1 critical, 1 warning");
        final List<Object> blocks = array(message.get("blocks"));
        assertThat(blocks).hasSize(2);
        assertThat(sectionText(blocks.get(0))).isEqualTo("*CRITICAL* budget.team.support — Team 'support' has spent "
            + "51.00 USD of its 50.00 USD budget\nteam=support: budget_utilization 1.02, threshold 1");
        assertThat(sectionText(blocks.get(1))).isEqualTo("*WARNING* high_latency — Agent support-1 answered in "
            + "3100 ms\nagent=support-1: latency_ms 3100, threshold 2500");
    }

    @Test
    void shouldUseTheAlertsHeadlineAsTextForASingleAlert() throws Exception {
        final Map<String, Object> message = delivered(List.of(Alerts.budget()));

        assertThat(message).containsEntry("text",
            "*CRITICAL* budget.team.support — Team 'support' has spent 51.00 USD of its 50.00 USD budget");
        assertThat(array(message.get("blocks"))).hasSize(1);
    }

    @Test
    void shouldEscapeSlackControlCharactersSoAlertsCannotPingOrLink() throws Exception {
        final Map<String, Object> message = delivered(List.of(
            Alerts.withMessage(Severity.INFO, "<!channel> spent > 100% & <https://x.example|more>")));

        assertThat((String) message.get("text"))
            .endsWith("&lt;!channel&gt; spent &gt; 100% &amp; &lt;https://x.example|more&gt;");
    }

    @Test
    void largeBatch_staysWithinSlackLimits() throws Exception {
        final List<FiredAlert> alerts = new ArrayList<>();
        alerts.add(Alerts.withMessage(Severity.CRITICAL, "x".repeat(5_000)));
        for (int i = 1; i < 60; i++) {
            alerts.add(Alerts.latency());
        }

        final Map<String, Object> message = delivered(alerts);

        assertThat(message).containsEntry("text", "60 GenOps alerts: 1 critical, 59 warning");
        final List<Object> blocks = array(message.get("blocks"));
        assertThat(blocks).hasSize(50);
        assertThat(sectionText(blocks.get(0))).hasSize(3_000).endsWith("x…");
        assertThat(sectionText(blocks.get(49))).isEqualTo("… and 11 more alerts in this batch");
    }

    @Test
    void shouldRetryAndCountLikeTheWebhookChannel() throws Exception {
        server.then(Reply.retryAfter(429, "0"), Reply.status(500));

        channel.deliver(List.of(Alerts.budget()));

        assertThat(channel.stats()).isEqualTo(new DeliveryStats(3, 2, 1, 0));
    }
}
