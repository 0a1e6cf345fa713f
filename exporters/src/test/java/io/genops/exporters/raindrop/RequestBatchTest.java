package io.genops.exporters.raindrop;

import static io.genops.exporters.alert.Json.array;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.exporters.alert.Json;
import io.genops.exporters.raindrop.RequestBatch.Request;
import io.genops.exporters.raindrop.RequestBatch.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBatchTest {
    private static byte[] event(final int n) {
        return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void events_areSealedIntoArraysOfAtMostTheLimit_perRoute_inOrder() throws Exception {
        final RequestBatch batch = new RequestBatch(3);
        for (int n = 0; n < 7; n++) {
            batch.add(Route.EVENTS, event(n), null);
        }
        batch.add(Route.SIGNALS, event(100), null);

        assertThat(batch.pendingRequests()).as("full requests seal themselves").isEqualTo(2);
        batch.seal();
        batch.seal();

        assertThat(batch.pendingRequests()).isEqualTo(4);
        assertThat(batch.pendingEvents()).isEqualTo(8);
        assertThat(take(batch)).isEqualTo("[{\"n\":0},{\"n\":1},{\"n\":2}]");
        assertThat(take(batch)).isEqualTo("[{\"n\":3},{\"n\":4},{\"n\":5}]");
        final Request last = batch.next();
        assertThat(List.of(last.route(), last.events())).containsExactly(Route.EVENTS, 1);
        assertThat(array(Json.parse(last.body()))).hasSize(1);
        batch.settled();
        assertThat(batch.next().route()).isEqualTo(Route.SIGNALS);
        assertThat(take(batch)).isEqualTo("[{\"n\":100}]");
        assertThat(batch.next()).isNull();
    }

    @Test
    void clear_forgetsSealedAndOpenRequests() {
        final RequestBatch batch = new RequestBatch(2);
        batch.add(Route.EVENTS, event(1), null);
        batch.add(Route.EVENTS, event(2), null);
        batch.add(Route.SIGNALS, event(3), null);

        batch.clear();
        batch.seal();

        assertThat(batch.next()).isNull();
        assertThat(batch.pendingEvents()).isZero();
    }

    private static String take(final RequestBatch batch) {
        final String body = new String(batch.next().body(), StandardCharsets.UTF_8);
        batch.settled();
        return body;
    }
}
