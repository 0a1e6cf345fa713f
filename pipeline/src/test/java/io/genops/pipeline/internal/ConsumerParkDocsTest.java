package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.config.settings.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the key, the README and the builder say of the sleeping consumer's park is what the pipeline does:
 * a first park that doubles up to the longest one the pipeline gives its wait strategy.
 */
class ConsumerParkDocsTest {
    private static final String LONGEST = TimeUnit.NANOSECONDS.toMillis(Pipeline.MAX_IDLE_PARK_NANOS) + " ms";

    @Test
    void theKey_describesTheDoublingUpToTheLongestPark() {
        assertThat(ConfigKeys.CONSUMER_PARK.description()).contains("first park", "doubles it up to " + LONGEST);
    }

    @Test
    void theReadmeAndTheBuilder_sayTheSame() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final String builder = Files.readString(Path.of("src", "main", "java", "io", "genops", "pipeline",
            "GenOpsBuilder.java"));

        assertThat(readme).contains("| `consumerPark` | 100 µs | first park of an idle `SLEEPING` consumer",
            "it doubles up to " + LONGEST);
        assertThat(builder).contains("The first park of an idle {@link ConsumerWait#SLEEPING} consumer",
            "doubles it, up to " + LONGEST);
    }
}
