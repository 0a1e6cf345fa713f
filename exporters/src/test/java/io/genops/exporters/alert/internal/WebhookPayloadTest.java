package io.genops.exporters.alert.internal;

import static io.genops.exporters.alert.Json.array;
import static io.genops.exporters.alert.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import io.genops.exporters.alert.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    @Test
    void write_nonFiniteValueAndTextNeedingEscapes_staysValidJson() throws Exception {
        final FiredAlert alert = new FiredAlert("r\"1", Severity.INFO, "team=a\nb", "m", Double.NaN,
            Double.POSITIVE_INFINITY, List.of("a", "b"), 0, "quote \" backslash \\ tab \t é 😀");

        final byte[] body = new JsonEncoder(new WebhookPayload()).encode(List.of(alert));

        final Map<String, Object> written = object(array(object(Json.parse(body)).get("alerts")).get(0));
        assertThat(written).containsEntry("rule", "r\"1").containsEntry("scope", "team=a\nb")
            .containsEntry("value", "NaN").containsEntry("threshold", "Infinity")
            .containsEntry("time", "1970-01-01T00:00:00Z")
            .containsEntry("message", "quote \" backslash \\ tab \t é 😀");
    }
}
