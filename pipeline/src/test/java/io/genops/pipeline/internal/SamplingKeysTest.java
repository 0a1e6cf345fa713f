package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingKeysTest {
    private static final int INTERACTION = 0;
    private static final int SIGNAL = 1;

    @Test
    void acquire_sameKeyAgain_findsItsEntryByEqualsNotOnlyIdentity() {
        final SamplingKeys keys = new SamplingKeys(100);

        final int first = keys.acquire(SIGNAL, "quality", "bot-1");
        final int again = keys.acquire(SIGNAL, new String("quality"), new String("bot-1"));

        assertThat(SamplingKeys.isNew(first)).isTrue();
        assertThat(SamplingKeys.isNew(again)).isFalse();
        assertThat(again).isEqualTo(SamplingKeys.entry(first));
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void acquire_keysDifferingInKindNameOrAgent_areDistinct_andNullsAreKeysToo() {
        final SamplingKeys keys = new SamplingKeys(100);

        keys.acquire(INTERACTION, null, "bot");
        keys.acquire(SIGNAL, null, "bot");
        keys.acquire(SIGNAL, "latency", "bot");
        keys.acquire(SIGNAL, "latency", null);
        keys.acquire(SIGNAL, "latency", "bot-2");

        assertThat(keys.size()).isEqualTo(5);
        assertThat(SamplingKeys.isNew(keys.acquire(INTERACTION, null, "bot"))).isFalse();
        assertThat(SamplingKeys.isNew(keys.acquire(SIGNAL, "latency", null))).isFalse();
        assertThat(keys.size()).isEqualTo(5);
    }

    @Test
    void acquire_pastMaxKeys_evictsTheLeastRecentlyUsedAndReusesItsEntry() {
        final SamplingKeys keys = new SamplingKeys(3);
        keys.acquire(INTERACTION, null, "a");
        final int b = SamplingKeys.entry(keys.acquire(INTERACTION, null, "b"));
        keys.acquire(INTERACTION, null, "c");
        keys.acquire(INTERACTION, null, "a");

        final int d = keys.acquire(INTERACTION, null, "d");

        assertThat(SamplingKeys.entry(d)).as("b was the least recently used").isEqualTo(b);
        assertThat(keys.evicted()).isEqualTo(1);
        assertThat(SamplingKeys.isNew(keys.acquire(INTERACTION, null, "a"))).isFalse();
        assertThat(SamplingKeys.isNew(keys.acquire(INTERACTION, null, "b"))).as("b was forgotten").isTrue();
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void acquire_aMillionDistinctAgents_staysWithinTheCapAndCountsEvictions() {
        final SamplingKeys keys = new SamplingKeys(1_000);
        int largest = 0;
        for (int i = 0; i < 1_000_000; i++) {
            keys.acquire(INTERACTION, null, "agent-" + i);
            largest = Math.max(largest, keys.size());
        }

        assertThat(largest).isEqualTo(1_000);
        assertThat(keys.evicted()).isEqualTo(999_000);
        assertThat(keys.capacity()).isLessThanOrEqualTo(1_000);
        assertThat(keys.indexLength()).isLessThanOrEqualTo(4_000);
        assertThat(SamplingKeys.isNew(keys.acquire(INTERACTION, null, "agent-999999"))).isFalse();
        assertThat(SamplingKeys.isNew(keys.acquire(INTERACTION, null, "agent-998999"))).isTrue();
    }

    @Test
    void acquire_seededRandomWorkloads_agreeWithAReferenceLru() {
        for (long seed = 1; seed <= 5; seed++) {
            final SplittableRandom random = new SplittableRandom(seed);
            final int maxKeys = 1 + random.nextInt(600);
            final SamplingKeys keys = new SamplingKeys(maxKeys);
            final Map<String, Integer> reference = lru(maxKeys);
            long evictions = 0;
            for (int step = 0; step < 50_000; step++) {
                final String agent = "a" + random.nextInt(maxKeys * 3);
                final boolean known = reference.containsKey(agent);
                final int acquired = keys.acquire(SIGNAL, "s", agent);
                if (!known && reference.size() == maxKeys) {
                    evictions++;
                }
                final Integer before = reference.put(agent, SamplingKeys.entry(acquired));

                assertThat(SamplingKeys.isNew(acquired)).as("seed %d step %d: %s", seed, step, agent).isEqualTo(!known);
                if (known) {
                    assertThat(SamplingKeys.entry(acquired)).as("seed %d step %d", seed, step).isEqualTo(before);
                }
            }
            assertThat(keys.size()).as("seed %d", seed).isEqualTo(reference.size());
            assertThat(keys.evicted()).as("seed %d", seed).isEqualTo(evictions);
        }
    }

    @Test
    void constructor_withoutRoom_isRefused() {
        assertThatThrownBy(() -> new SamplingKeys(0)).hasMessage("maxKeys must be positive: 0");
    }

    private static Map<String, Integer> lru(final int maxKeys) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, Integer> eldest) {
                return size() > maxKeys;
            }
        };
    }
}
