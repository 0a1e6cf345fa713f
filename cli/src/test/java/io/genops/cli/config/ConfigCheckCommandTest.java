package io.genops.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.genops.cli.CommandRun;
import io.genops.config.settings.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigCheckCommandTest {
    private static final String WEBHOOK_TOKEN = "T0000/B0000/xoxb-very-secret-token";
    private static final String WRITE_KEY = "rd-write-key-do-not-show";
    private static final String OTLP_TOKEN = "otlp-bearer-do-not-show";
    private static final String CHANNEL_HEADER = "pager-header-do-not-show";

    @TempDir
    Path directory;

    @Test
    void validFilePrintsEachValueWithItsSource() throws IOException {
        final Path file = write("genops.yaml", "genops:\n"
            + "  policy: enforced\n"
            + "  budgets:\n"
            + "    limits:\n"
            + "      - team:support:daily=5.00\n"
            + "  pipeline:\n"
            + "    ring-size: 4096\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("genops\\.policy +=  ?enforced +# .*genops\\.yaml:2")
            .containsPattern("genops\\.pipeline\\.ring-size += 4096 +# .*genops\\.yaml:7")
            .containsPattern("genops\\.pipeline\\.backpressure += block +# default")
            .contains("The configuration is valid.");
    }

    @Test
    void agentGroupsArePrintedLikeEveryOtherKey_andABadGroupIsAProblem() throws IOException {
        final Path file = write("genops.yaml", "genops:\n"
            + "  groups:\n"
            + "    critical:\n"
            + "      agents: [\"critical-*\"]\n"
            + "      policy: enforced\n");
        final Path bad = write("bad.yaml", "genops:\n"
            + "  groups:\n"
            + "    critical:\n"
            + "      agents: [\"critical-?\"]\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());
        final CommandRun failed = ConfigCheckRun.of(directory, "config", "check", bad.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
            .containsPattern("genops\\.groups\\.critical\\.agents += critical-\\* +# .*genops\\.yaml:4")
            .containsPattern("genops\\.groups\\.critical\\.policy += enforced +# .*genops\\.yaml:5")
            .containsPattern("genops\\.groups\\.critical\\.export += true +# default");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("bad.yaml:4: genops.groups.critical.agents: item 1: 'critical-?' holds '?'");
    }

    @Test
    void aPriceTableBesideTheFile_isFoundByItsRelativeName() throws IOException {
        final Path dir = Files.createDirectories(directory.resolve("some").resolve("dir"));
        Files.writeString(dir.resolve("prices.json"), "{\"format\": \"genops-model-prices/1\", \"currency\": "
            + "\"USD\", \"unit\": \"per_million_tokens\", \"models\": {\"m\": {\"input\": \"1\", \"output\": \"2\"}}}");
        final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  pricing:\n"
            + "    model-file: prices.json\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("genops\\.pricing\\.model-file += .*some.dir.prices\\.json +# "
            + ".*genops\\.yaml:3");
    }

    @Test
    void fileInTheWorkingDirectoryIsFoundAndAProfileLiesBeneathIt() throws IOException {
        write("genops.yaml", "genops:\n  pipeline:\n    ring-size: 2048\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", "--profile", "dev");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("genops\\.pipeline\\.ring-size += 2048 +# .*genops\\.yaml:3")
            .containsPattern("genops\\.policy += enforced +# profile dev")
            .containsPattern("genops\\.config += .*genops\\.yaml +# working directory\\R")
            .containsPattern("genops\\.profile += dev +# option --profile\\R");
    }

    @Test
    void aFileOnTheCommandLine_isShownAsComingFromThere() throws IOException {
        final Path file = write("named.yaml", "genops:\n  pipeline:\n    ring-size: 2048\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("genops\\.config += .*named\\.yaml +# command line argument\\R");
    }

    @Test
    void warningsArePrintedOnce_inTheirSection_andNotLogged() throws IOException {
        final Path file = write("genops.yaml", "genops:\n  policy: enforced\n");
        final Logger log = (Logger)LoggerFactory.getLogger(ConfigLoader.class);
        final ListAppender<ILoggingEvent> logged = new ListAppender<>();
        final Level level = log.getLevel();
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.WARN);
        final CommandRun run;
        try {
            run = ConfigCheckRun.of(directory, "config", "check", file.toString());
        } finally {
            log.detachAppender(logged);
            log.setLevel(level);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(logged.list).isEmpty();
        assertThat(run.out().split("no budget or rate limit is set", -1)).hasSize(2);
        assertThat(run.out()).contains("Warnings:\n  genops.policy is enforced (" + file + ":2)");
    }

    @Test
    void everyProblemIsPrintedWithFileAndLine() throws IOException {
        final Path file = write("broken.yaml", "genops:\n"
            + "  pipeline:\n"
            + "    ring-sise: 4096\n"
            + "    capture-content: maybe\n"
            + "  limits:\n"
            + "    max-string-length: -5\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("3 problems:")
            .containsPattern("broken\\.yaml:3: .*ring-sise.*did you mean.*genops\\.pipeline\\.ring-size")
            .containsPattern("broken\\.yaml:4: genops\\.pipeline\\.capture-content: .*maybe")
            .containsPattern("broken\\.yaml:6: genops\\.limits\\.max-string-length: .*-5");
        assertThat(run.out()).doesNotContain("valid");
    }

    @Test
    void secretsAreMasked() throws IOException {
        final Path file = write("genops.yaml", "genops:\n"
            + "  alerts:\n"
            + "    channels:\n"
            + "      pager:\n"
            + "        type: slack\n"
            + "        url: https://hooks.slack.com/services/" + WEBHOOK_TOKEN + "\n"
            + "        headers: {X-Pager-Key: " + CHANNEL_HEADER + "}\n"
            + "  exporters:\n"
            + "    otlp:\n"
            + "      enabled: true\n"
            + "      headers: {Authorization: \"Bearer " + OTLP_TOKEN + "\"}\n"
            + "    raindrop:\n"
            + "      enabled: true\n"
            + "      write-key: " + WRITE_KEY + "\n");

        final CommandRun run = ConfigCheckRun.of(directory, "config", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("https://hooks.slack.com/****").contains("genops.exporters.raindrop.write-key")
            .contains("X-Pager-Key=****", "Authorization=****")
            .doesNotContain(WEBHOOK_TOKEN, WRITE_KEY, OTLP_TOKEN, CHANNEL_HEADER);
        assertThat(run.err()).doesNotContain(WEBHOOK_TOKEN, WRITE_KEY, OTLP_TOKEN, CHANNEL_HEADER);
    }

    @Test
    void missingFileIsAProblemAndAnUnknownProfileBadUsage() {
        final CommandRun missing = ConfigCheckRun.of(directory, "config", "check", "nowhere.yaml");
        final CommandRun badProfile = ConfigCheckRun.of(directory, "config", "check", "--profile", "qa");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere.yaml");
        assertThat(badProfile.exitCode()).isEqualTo(2);
        assertThat(badProfile.err()).contains("--profile");
    }

    private Path write(final String name, final String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }
}
