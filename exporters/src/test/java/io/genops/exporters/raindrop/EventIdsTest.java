package io.genops.exporters.raindrop;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.exporters.testing.TestEvent;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    private final EventIds ids = new EventIds();

    /** The expected ids come from Python's uuid.uuid5, an independent implementation of the documented rule. */
    @Test
    void of_matchesTheDocumentedNameBasedUuid() {
        final TestEvent interaction = TestEvent.completeInteraction(42);
        final TestEvent unicode = TestEvent.completeInteraction(42);
        unicode.sessionId("séance-✓");
        final TestEvent noSession = TestEvent.completeSignal(7);
        noSession.sessionId(null);

        assertThat(ids.of("interaction", interaction)).isEqualTo("48927394-e056-51e4-9f35-8ba1b1e24270");
        assertThat(ids.of("interaction", unicode)).isEqualTo("3db35ef4-6765-5cba-94b0-e894016de80c");
        assertThat(ids.of("signal", noSession)).isEqualTo("309147b8-f109-5e34-b3de-35db180ae058");
    }

    @Test
    void of_isStableAndTellsRecordsApart() {
        final String first = ids.of("interaction", TestEvent.completeInteraction(1));
        final TestEvent later = TestEvent.completeInteraction(1);
        later.at(later.epochMillis() + 1);

        assertThat(ids.of("interaction", TestEvent.completeInteraction(1))).isEqualTo(first);
        assertThat(new EventIds().of("interaction", TestEvent.completeInteraction(1))).isEqualTo(first);
        assertThat(ids.of("interaction", TestEvent.completeInteraction(2))).isNotEqualTo(first);
        assertThat(ids.of("signal", TestEvent.completeInteraction(1))).isNotEqualTo(first);
        assertThat(ids.of("interaction", later)).isNotEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(5);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
    }
}
