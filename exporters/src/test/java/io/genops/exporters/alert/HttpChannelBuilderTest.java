package io.genops.exporters.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings both HTTP channels share: each refused with a message naming it, secrets kept out. */
class HttpChannelBuilderTest {
    private static final URI ENDPOINT = URI.create("https://hooks.example.com/services/T0/B0/XYZ-SECRET");

    private static WebhookAlertChannel.Builder builder() {
        return WebhookAlertChannel.builder("ops", ENDPOINT);
    }

    @Test
    void shouldUseDocumentedDefaultsAndHideTheEndpointPath() {
        assertThat(builder().build()).hasToString("WebhookAlertChannel{name=ops, endpoint=https://hooks.example.com/"
            + "***, headers=[], timeout=PT5S, maxAttempts=3, backoff=PT0.2S..PT2S}");
        assertThat(SlackAlertChannel.builder("slack", URI.create("http://localhost:8080")).build())
            .hasToString("SlackAlertChannel{name=slack, endpoint=http://localhost:8080/, headers=[], timeout=PT5S, "
                + "maxAttempts=3, backoff=PT0.2S..PT2S}");
    }

    @Test
    void builder_endpointNotHttp_isRefusedNamingTheScheme() {
        assertThatThrownBy(() -> WebhookAlertChannel.builder("ops", URI.create("ftp://hooks.example.com/x")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("endpoint must be an http or https URI, not scheme 'ftp'");
        assertThatThrownBy(() -> SlackAlertChannel.builder("ops", URI.create("/services/T0")))
            .hasMessage("endpoint must be an http or https URI, not scheme ''");
        assertThatThrownBy(() -> WebhookAlertChannel.builder("ops", URI.create("https:opaque")))
            .hasMessageStartingWith("endpoint must name a host");
        assertThatThrownBy(() -> WebhookAlertChannel.builder("ops", null))
            .isInstanceOf(NullPointerException.class).hasMessage("endpoint");
    }

    @Test
    void builder_endpointWithUserInformation_isRefusedWithoutRepeatingIt() {
        final URI withUser = URI.create("https://bot:pw-SECRET@hooks.example.com/x");
        assertThatThrownBy(() -> WebhookAlertChannel.builder("ops", withUser))
            .hasMessageStartingWith("endpoint must not carry user information").hasMessageNotContaining("SECRET");
    }

    @Test
    void builder_blankName_isRefused() {
        assertThatThrownBy(() -> WebhookAlertChannel.builder(" ", ENDPOINT)).hasMessage("name must not be blank");
        assertThatThrownBy(() -> SlackAlertChannel.builder(null, ENDPOINT)).hasMessage("name");
    }

    @Test
    void timeout_notPositiveOrTooLong_isRefusedNamingIt() {
        assertThatThrownBy(() -> builder().timeout(Duration.ZERO)).hasMessage("timeout must be positive: PT0S");
        assertThatThrownBy(() -> builder().timeout(Duration.ofSeconds(-1)))
            .hasMessage("timeout must be positive: PT-1S");
        assertThatThrownBy(() -> builder().timeout(Duration.ofMinutes(11)))
            .hasMessage("timeout must be at most PT10M: PT11M");
        assertThatThrownBy(() -> builder().timeout(null))
            .isInstanceOf(NullPointerException.class).hasMessage("timeout");
    }

    @Test
    void maxAttempts_notPositive_isRefusedNamingIt() {
        assertThatThrownBy(() -> builder().maxAttempts(0)).hasMessage("maxAttempts must be positive: 0");
        assertThat(builder().maxAttempts(1).build().toString()).contains("maxAttempts=1");
    }

    @Test
    void backoff_maxBelowInitialOrNotPositive_isRefusedNamingIt() {
        assertThatThrownBy(() -> builder().backoff(Duration.ofSeconds(1), Duration.ofMillis(100)))
            .hasMessage("backoff max (PT0.1S) must not be less than backoff initial (PT1S)");
        assertThatThrownBy(() -> builder().backoff(Duration.ZERO, Duration.ofSeconds(1)))
            .hasMessage("backoff initial must be positive: PT0S");
        assertThatThrownBy(() -> builder().backoff(Duration.ofSeconds(1), null)).hasMessage("backoff max");
    }

    @Test
    void header_invalidNameOrValue_isRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> builder().header("X Token", "v"))
            .hasMessage("header name 'X Token' is not an HTTP token");
        assertThatThrownBy(() -> builder().header("X-Token", "SECRET\r\nInjected: yes"))
            .hasMessageStartingWith("header 'X-Token' value holds a control character")
            .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> builder().header("X-Token", null)).hasMessage("header 'X-Token' value");
        assertThatThrownBy(() -> builder().header("", "v")).hasMessage("header name must not be blank");
    }

    @Test
    void header_setByTheChannel_isRefused() {
        for (final String name : new String[] {"Host", "content-length", "Content-Type", "Connection", "Expect",
            "Upgrade"}) {
            assertThatThrownBy(() -> builder().header(name, "x"))
                .hasMessage("header '" + name + "' is set by the HTTP client or the channel");
        }
    }
}
