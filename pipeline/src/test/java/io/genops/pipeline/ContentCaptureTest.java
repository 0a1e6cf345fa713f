package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What content capture keeps of an interaction's prompt and answer, in the journal and before it. */
class ContentCaptureTest {
    private static final String PROMPT = "Where is my parcel?";
    private static final String ANSWER = "It left the depot this morning and arrives tomorrow.";

    @TempDir
    Path journal;

    @Test
    void captureOff_dropsContentAndOutput_butKeepsTheirSize() {
        final List<String> seen = track(TestTables.builder().journal(journal), withTexts());

        assertThat(seen).containsExactly("null|null|" + (PROMPT.length() + ANSWER.length()));
        assertThat(journaled()).containsExactly("null|null|" + (PROMPT.length() + ANSWER.length()));
    }

    @Test
    void captureOn_keepsContentAndOutput_inTheJournalAndForStages() {
        final List<String> seen = track(TestTables.builder().journal(journal).captureContent(true), withTexts());

        assertThat(seen).containsExactly(PROMPT + "|" + ANSWER + "|" + (PROMPT.length() + ANSWER.length()));
        assertThat(journaled()).containsExactly(PROMPT + "|" + ANSWER + "|" + (PROMPT.length() + ANSWER.length()));
    }

    @Test
    void captureOn_keepsAnAnswerWithoutAPrompt() {
        final Interaction answerOnly = Interaction.builder().model(TestTables.MODEL).output(ANSWER).build();

        track(TestTables.builder().journal(journal).captureContent(true), answerOnly);

        assertThat(journaled()).containsExactly("null|" + ANSWER + "|" + ANSWER.length());
    }

    /**
     * The payload band prices what went both ways: a 600-character prompt alone is in the first band, with a
     * 600-character answer the 1,200 characters are in the second (1.2 times the base of 0.001 USD).
     */
    @Test
    void thePayloadBand_countsThePromptAndTheAnswer() {
        try (GenOps genops = GenOps.builder().noJournal().build()) {
            final Interaction prompt = Interaction.builder().content("p".repeat(600)).build();
            final Interaction both = Interaction.builder().content("p".repeat(600)).output("a".repeat(600)).build();

            assertThat(genops.estimateCost(prompt).total()).isEqualTo(Money.usd("0.001"));
            assertThat(genops.estimateCost(both).total()).isEqualTo(Money.usd("0.0012"));
        }
    }

    private static Interaction withTexts() {
        return Interaction.builder().model(TestTables.MODEL).inputTokens(10).outputTokens(12).content(PROMPT)
            .output(ANSWER).build();
    }

    /** Tracks {@code interaction} once; returns what a stage of the user's saw of it. */
    private static List<String> track(final GenOpsBuilder builder, final Interaction interaction) {
        final List<String> seen = new CopyOnWriteArrayList<>();
        builder.stage(new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                if (event.kind() == EventKind.INTERACTION) {
                    seen.add(texts(event));
                }
            }
        });
        try (GenOps genops = builder.build();
             MonitoringSession session = genops.openSession("capture")) {
            session.trackInteraction("bot", interaction);
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }
        return seen;
    }

    private List<String> journaled() {
        final List<String> texts = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (record.kind() == EventKind.INTERACTION) {
                    texts.add(texts(record));
                }
            });
            assertThat(reader.damaged()).isZero();
        }
        return texts;
    }

    private static String texts(final EventView event) {
        return event.content() + "|" + event.output() + "|" + event.payloadChars();
    }
}
