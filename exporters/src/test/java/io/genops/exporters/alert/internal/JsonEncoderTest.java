package io.genops.exporters.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JsonEncoderTest {
    private static final List<FiredAlert> ALERTS = List.of(new FiredAlert("r", Severity.INFO, "team=a", "m", 1, 2,
        List.of(), 0, "hello"));

    @Test
    void encode_afterAFailureMidValue_startsAfreshWithAValidBody() throws Exception {
        final AtomicBoolean fail = new AtomicBoolean(true);
        final JsonEncoder encoder = new JsonEncoder((json, alerts) -> {
            json.writeStartObject();
            if (fail.getAndSet(false)) {
                json.writeArrayFieldStart("half");
                throw new IOException("payload failed");
            }
            json.writeNumberField("n", alerts.size());
            json.writeEndObject();
        });

        assertThatThrownBy(() -> encoder.encode(ALERTS)).hasMessage("payload failed");

        assertThat(new String(encoder.encode(ALERTS), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(new String(encoder.encode(ALERTS), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void encode_largeBody_isReturnedWholeAndTheNextOneIsSmall() throws Exception {
        final String big = "x".repeat(JsonEncoder.KEEP_BUFFER_BYTES * 2);
        final JsonEncoder encoder = new JsonEncoder(new WebhookPayload());

        final byte[] large = encoder.encode(List.of(new FiredAlert("r", Severity.INFO, "s", "m", 1, 2, List.of(), 0,
            big)));
        final byte[] small = encoder.encode(ALERTS);

        assertThat(large.length).isGreaterThan(big.length());
        assertThat(new String(small, StandardCharsets.UTF_8)).startsWith("{\"alerts\":[{\"rule\":\"r\"")
            .endsWith("\"message\":\"hello\"}]}");
    }
}
