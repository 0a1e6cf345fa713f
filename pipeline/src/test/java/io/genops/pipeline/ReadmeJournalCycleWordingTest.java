package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The journal's roll cycle is configurable (a day, an hour, ten or five minutes), so the README must
 * not speak of the journal's cycles as days, nor of budgets rebuilt at start as today's only: every
 * open window (day, week, month) is.
 */
class ReadmeJournalCycleWordingTest {
    private static final List<String> STALE = List.of("journal's days", "journal's daily cycles",
        "today's spend per team");

    @Test
    void readme_speaksOfCycles_notDays() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);

        for (final String phrase : STALE) {
            assertThat(readme).as("README wording").doesNotContain(phrase.toLowerCase(Locale.ROOT));
        }
        assertThat(readme).contains("counted across the journal's cycle files");
    }
}
