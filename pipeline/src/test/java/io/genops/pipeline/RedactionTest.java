package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captured texts are redacted before the journal, and so before every stage and exporter after it. */
class RedactionTest {
    private static final String PROMPT = "I am jane.doe@example.com, card 4111 1111 1111 1111, key "
        + "sk-proj-Ab3dEf6hIj9kLm2nOp5q";
    private static final String ANSWER = "Use Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig and write "
        + "to jane.doe@example.com";
    private static final String REDACTED_PROMPT = "I am [REDACTED:email], card [REDACTED:number], key "
        + "[REDACTED:api-key]";
    private static final String REDACTED_ANSWER = "Use Authorization: Bearer [REDACTED:api-key] and write to "
        + "[REDACTED:email]";

    @TempDir
    Path journal;

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> stageErrors = new CopyOnWriteArrayList<>();

    @Test
    void byDefault_theJournalAndYourStagesHoldOnlyRedactedText_andEachMatchIsCounted() {
        final PipelineMetrics metrics = run(builder());

        assertThat(journaled()).containsExactly(REDACTED_PROMPT + "|" + REDACTED_ANSWER);
        assertThat(seen).containsExactly(REDACTED_PROMPT + "|" + REDACTED_ANSWER);
        assertThat(metrics.redactions()).isEqualTo(5);
        assertThat(metrics.stageGroups()).extracting(PipelineMetrics.StageGroup::stages)
            .anyMatch(stages -> stages.contains("sampling+redact+journal"));
        assertThat(metrics.failedEvents()).isZero();
    }

    @Test
    void theRulesChosen_aloneApply_andTheCustomRedactorRunsAfterThem() {
        final UnaryOperator<String> custom = text -> text.replace("card", "[REDACTED:word]");

        final PipelineMetrics metrics = run(builder().redact(EnumSet.of(RedactionRule.EMAILS), custom));

        assertThat(journaled()).containsExactly("I am [REDACTED:email], [REDACTED:word] 4111 1111 1111 1111, key "
            + "sk-proj-Ab3dEf6hIj9kLm2nOp5q|" + ANSWER.replace("jane.doe@example.com", "[REDACTED:email]"));
        assertThat(metrics.redactions()).as("two addresses, and the one text the custom redactor changed")
            .isEqualTo(3);
    }

    @Test
    void noRules_keepTheTextsAsGiven_withoutARedactStage() {
        final PipelineMetrics metrics = run(builder().redact(Set.of()));

        assertThat(journaled()).containsExactly(PROMPT + "|" + ANSWER);
        assertThat(metrics.redactions()).isZero();
        assertThat(metrics.stageGroups()).extracting(PipelineMetrics.StageGroup::stages)
            .noneMatch(stages -> stages.contains("redact"));
    }

    @Test
    void withoutCapture_thereIsNothingToRedact_andNoRedactStage() {
        final PipelineMetrics metrics = run(builder().captureContent(false));

        assertThat(journaled()).containsExactly("null|null");
        assertThat(metrics.stageGroups()).extracting(PipelineMetrics.StageGroup::stages)
            .noneMatch(stages -> stages.contains("redact"));
    }

    /** A failing redactor must not let the texts through: both are dropped, the event still journaled. */
    @Test
    void aCustomRedactorThatThrows_dropsBothTexts_andTheEventIsCountedFailed() {
        final PipelineMetrics metrics = run(builder().redact(EnumSet.allOf(RedactionRule.class), text -> {
            throw new IllegalArgumentException("cannot redact " + text);
        }));

        assertThat(journaled()).containsExactly("null|null");
        assertThat(seen).containsExactly("null|null");
        assertThat(metrics.failedEvents()).isEqualTo(1);
        assertThat(metrics.stageFailures()).isEqualTo(1);
        assertThat(stageErrors).singleElement().asString().startsWith("redact: redaction failed "
            + "(java.lang.IllegalArgumentException); the event's content and output were dropped")
            .doesNotContain("jane", "4111", "sk-proj");
    }

    @Test
    void aCustomRedactorReturningNull_dropsBothTexts() {
        final PipelineMetrics metrics = run(builder().redact(EnumSet.allOf(RedactionRule.class), text -> null));

        assertThat(journaled()).containsExactly("null|null");
        assertThat(metrics.failedEvents()).isEqualTo(1);
    }

    /** Across two consumer threads the redact stage still runs before the journal's. */
    @Test
    void withTwoStageThreads_theJournalStillHoldsOnlyRedactedText() {
        run(builder().stageThreads(2));

        assertThat(journaled()).containsExactly(REDACTED_PROMPT + "|" + REDACTED_ANSWER);
    }

    /** The configuration chooses the rules; the custom redactor, which it cannot name, stays. */
    @Test
    void aConfiguration_replacesTheRules_andKeepsTheCustomRedactor() {
        final GenOpsConfiguration config = GenOpsConfiguration.loader().environment(Map.of())
            .systemProperties(Map.of()).workingDirectory(journal)
            .set("genops.pipeline.capture-content", "true").set("genops.pipeline.redact", "long-numbers").load();
        final GenOpsBuilder builder = builder().redact(Set.of(), text -> text.replace("key", "[REDACTED:word]"))
            .configuration(config).journal(journal);

        run(builder);

        assertThat(journaled()).containsExactly("I am jane.doe@example.com, card [REDACTED:number], [REDACTED:word] "
            + "sk-proj-Ab3dEf6hIj9kLm2nOp5q|" + ANSWER);
    }

    private GenOpsBuilder builder() {
        return TestTables.builder().journal(journal).captureContent(true)
            .errorHandler((stage, event, error) -> stageErrors.add(stage + ": " + error.getMessage()));
    }

    private PipelineMetrics run(final GenOpsBuilder builder) {
        builder.stage(new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                if (event.kind() == EventKind.INTERACTION) {
                    seen.add(event.content() + "|" + event.output());
                }
            }
        });
        try (GenOps genops = builder.build();
             MonitoringSession session = genops.openSession("redaction")) {
            session.trackInteraction("bot", Interaction.builder().model(TestTables.MODEL).inputTokens(10)
                .outputTokens(20).content(PROMPT).output(ANSWER).build());
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            return genops.metrics();
        }
    }

    private List<String> journaled() {
        final List<String> texts = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (record.kind() == EventKind.INTERACTION) {
                    texts.add(record.content() + "|" + record.output());
                }
            });
            assertThat(reader.damaged()).isZero();
        }
        return texts;
    }
}
