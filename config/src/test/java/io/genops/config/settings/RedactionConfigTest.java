package io.genops.config.settings;

import static io.genops.config.settings.Configs.isolated;
import static io.genops.config.settings.Configs.problems;
import static io.genops.config.settings.Configs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.config.settings.PipelineSettings.Redaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genops.pipeline.redact}: its default, its sources, what it refuses and what it warns of. */
class RedactionConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefault_isEveryRule_inTheirOrder() {
        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.pipeline().redact()).containsExactly(Redaction.API_KEYS, Redaction.EMAILS,
            Redaction.LONG_NUMBERS);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aFileList_choosesTheRules() {
        write(dir, "genops.yaml", "pipeline:", "  capture-content: true", "  redact: [emails, api-keys]");

        final GenOpsConfiguration config = isolated(dir).load();

        assertThat(config.pipeline().captureContent()).isTrue();
        assertThat(config.pipeline().redact()).containsExactly(Redaction.EMAILS, Redaction.API_KEYS);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void anEmptyList_redactsNothing_andWarnsWhileContentIsCaptured() {
        final Path file = write(dir, "genops.yaml", "pipeline:", "  redact: []");

        final GenOpsConfiguration config = isolated(dir).environment(Map.of("GENOPS_PIPELINE_CAPTURE_CONTENT",
            "true")).load();

        assertThat(config.pipeline().redact()).isEmpty();
        assertThat(config.warnings()).containsExactly("genops.pipeline.capture-content is true (environment "
            + "variable GENOPS_PIPELINE_CAPTURE_CONTENT) and genops.pipeline.redact is empty (" + file + ":2), so "
            + "message content and answers are journaled and exported unredacted, secrets and personal data "
            + "included");
    }

    @Test
    void anEmptyList_withoutCapture_warnsOnlyThatItHasNoEffect() {
        final Path file = write(dir, "genops.yaml", "pipeline.redact: []");

        assertThat(isolated(dir).load().warnings()).containsExactly("genops.pipeline.redact is set (" + file
            + ":1) but has no effect: no content is captured (genops.pipeline.capture-content is false (default))");
    }

    @Test
    void rulesSetWhileNothingIsCaptured_haveNoEffect() {
        final GenOpsConfiguration config = isolated(dir).systemProperties(Map.of("genops.pipeline.redact", "emails"))
            .load();

        assertThat(config.warnings()).containsExactly("genops.pipeline.redact is set (system property "
            + "genops.pipeline.redact) but has no effect: no content is captured (genops.pipeline.capture-content "
            + "is false (default))");
    }

    @Test
    void anUnknownRule_isNamedWithASuggestion_andTheRulesAllowed() {
        final Path file = write(dir, "genops.yaml", "pipeline:", "  redact: [api-keys, email, phones]");

        assertThat(problems(isolated(dir))).containsExactly(file + ":2: genops.pipeline.redact: item 2: 'email' is "
            + "not one of the allowed values; did you mean 'emails'?; item 3: 'phones' is not one of the allowed "
            + "values (allowed: up to 3 of one of api-keys, emails, long-numbers)");
    }

    @Test
    void aRuleNamedTwice_isAProblem() {
        assertThat(problems(isolated(dir).environment(Map.of("GENOPS_PIPELINE_REDACT", "emails,emails"))))
            .containsExactly("environment variable GENOPS_PIPELINE_REDACT: genops.pipeline.redact: names 'emails' "
                + "twice (allowed: each rule once)");
    }

    @Test
    void theProfiles_leaveTheRulesAtTheirDefault() {
        for (final Profile profile : Profile.values()) {
            final GenOpsConfiguration config = isolated(dir).profile(profile).load();

            assertThat(config.pipeline().redact()).as(profile.name()).isEqualTo(List.of(Redaction.values()));
        }
    }
}
