package io.genops.exporters.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.exporters.internal.http.Attempt.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParameterizedTest
    @CsvSource({"200, SUCCESS", "201, SUCCESS", "204, SUCCESS", "299, SUCCESS", "408, RETRY", "429, RETRY",
        "500, RETRY", "503, RETRY", "599, RETRY", "400, PERMANENT", "401, PERMANENT", "404, PERMANENT",
        "413, PERMANENT", "301, PERMANENT", "101, PERMANENT", "600, PERMANENT"})
    void answered_status_isClassified(final int status, final Outcome outcome) {
        assertThat(Attempt.answered(status, null, 0).outcome()).isEqualTo(outcome);
    }

    @Test
    void answered_retryAfter_isReadOnEveryStatusWorthRetrying() {
        assertThat(Attempt.answered(429, "2", 0).retryAfterNanos()).isEqualTo(2_000_000_000L);
        assertThat(Attempt.answered(503, "3", 0).retryAfterNanos()).isEqualTo(3_000_000_000L);
        assertThat(Attempt.answered(500, "2", 0).retryAfterNanos()).isEqualTo(2_000_000_000L);
        assertThat(Attempt.answered(408, "1", 0).retryAfterNanos()).isEqualTo(1_000_000_000L);
        assertThat(Attempt.answered(400, "2", 0).retryAfterNanos()).isEqualTo(-1);
        assertThat(Attempt.answered(429, null, 0).retryAfterNanos()).isEqualTo(-1);
    }

    @Test
    void failed_transportFailures_areRetriedAndOthersAreNot() {
        assertThat(Attempt.failed(new HttpConnectTimeoutException("x"), TIMEOUT))
            .extracting(Attempt::outcome, Attempt::failure)
            .containsExactly(Outcome.RETRY, "could not connect within PT5S");
        assertThat(Attempt.failed(new HttpTimeoutException("x"), TIMEOUT))
            .extracting(Attempt::outcome, Attempt::failure).containsExactly(Outcome.RETRY, "no answer within PT5S");
        assertThat(Attempt.failed(new ConnectException(), TIMEOUT).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(Attempt.failed(new IOException("reset"), TIMEOUT).failure())
            .isEqualTo("I/O failure, IOException: reset");
        assertThat(Attempt.failed(new IllegalStateException(), TIMEOUT))
            .extracting(Attempt::outcome, Attempt::failure)
            .containsExactly(Outcome.PERMANENT, "unexpected failure, IllegalStateException");
    }
}
