package io.genops.exporters.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPartTest {
    /** Every export it is asked for, with the result code the test completes by hand. */
    private final List<List<Integer>> requests = new ArrayList<>();
    private final List<CompletableResultCode> answers = new ArrayList<>();
    private final BatchPart<Integer> part = new BatchPart<>(this::export, 3, 4, BatchPartTest::refusedForGood);

    /** Stands in for a collector's refusal of the data itself. */
    private static boolean refusedForGood(final Throwable failure) {
        return failure instanceof IllegalArgumentException;
    }

    private CompletableResultCode export(final Collection<Integer> items) {
        requests.add(List.copyOf(items));
        final CompletableResultCode answer = new CompletableResultCode();
        answers.add(answer);
        return answer;
    }

    private void addRange(final int from, final int to) {
        for (int i = from; i < to; i++) {
            part.add(i);
        }
    }

    @Test
    void aFullRequest_startsWhileItemsAreStillBeingAdded_andStartSendsTheRest() {
        addRange(0, 7);
        assertThat(requests).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5));

        part.start();
        assertThat(requests).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
        answers.forEach(CompletableResultCode::succeed);
        assertThat(part.await(System.nanoTime())).isEqualTo(7);
        assertThat(part.complete()).isTrue();
        assertThat(part.undelivered()).isZero();
    }

    @Test
    void aRequestRefusedForGood_isNeverSentAgain_andSettlesThePartOnceTheOthersAreAccepted() {
        addRange(0, 7);
        part.start();
        answers.get(0).failExceptionally(new IllegalArgumentException("400 Bad Request"));
        answers.get(1).failExceptionally(new IOException("connection reset"));
        answers.get(2).succeed();
        part.await(System.nanoTime());
        assertThat(part.settled()).as("a request may still pass").isFalse();
        assertThat(part.refused()).isEqualTo(3);

        part.start();
        assertThat(requests).as("only the one that may pass is sent again").hasSize(4);
        assertThat(requests.get(3)).containsExactly(3, 4, 5);
        answers.get(3).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(3);
        assertThat(part.settled()).isTrue();
        assertThat(part.complete()).isFalse();
        assertThat(part.undelivered()).isEqualTo(3);
        assertThat(part.refusal()).as("kept across starts").isEqualTo("IllegalArgumentException: 400 Bad Request");

        part.start();
        assertThat(requests).as("nothing left to send").hasSize(4);
        part.clear();
        assertThat(part.refused()).isZero();
        assertThat(part.refusal()).isNull();
    }

    @Test
    void aRetry_sendsOnlyTheRequestsThatFailed() {
        addRange(0, 7);
        part.start();
        answers.get(0).succeed();
        answers.get(1).failExceptionally(new IOException("connection refused"));
        answers.get(2).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(4);
        assertThat(part.complete()).isFalse();
        assertThat(part.undelivered()).isEqualTo(3);
        assertThat(part.lastFailure()).isEqualTo("IOException: connection refused");

        part.start();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(3)).containsExactly(3, 4, 5);
        answers.get(3).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(3);
        assertThat(part.complete()).isTrue();
    }

    @Test
    void aRequestThatFailedWhileAdding_isSentAgainByStart() {
        addRange(0, 3);
        answers.get(0).fail();
        part.start();
        assertThat(requests).containsExactly(List.of(0, 1, 2), List.of(0, 1, 2));
        answers.get(1).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(3);
        assertThat(part.complete()).isTrue();
    }

    @Test
    void aRequestStillUnanswered_isNotSentTwice_andCountsWhenItsAnswerComes() {
        addRange(0, 4);
        part.start();
        answers.get(1).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(1);
        assertThat(part.lastFailure()).isEqualTo("no answer in time");

        part.start();
        assertThat(requests).as("the unanswered request is not repeated").hasSize(2);
        answers.get(0).succeed();
        assertThat(part.await(System.nanoTime())).isEqualTo(3);
        assertThat(part.complete()).isTrue();
    }

    @Test
    void clear_forgetsItemsAndRequests() {
        addRange(0, 5);
        part.clear();
        assertThat(part.undelivered()).isZero();
        assertThat(part.complete()).isTrue();
        part.start();
        assertThat(requests).as("nothing left to send").hasSize(1);
        addRange(10, 12);
        part.start();
        assertThat(requests.get(1)).containsExactly(10, 11);
    }

    @Test
    void anExportThatThrows_countsAsAFailedRequest() {
        final BatchPart<Integer> throwing = new BatchPart<>(items -> {
            throw new IllegalStateException("exporter shut down");
        }, 2, 4, BatchPartTest::refusedForGood);
        throwing.add(1);
        throwing.start();
        assertThat(throwing.await(System.nanoTime())).isZero();
        assertThat(throwing.lastFailure()).isEqualTo("IllegalStateException: exporter shut down");
        assertThat(throwing.undelivered()).isEqualTo(1);
    }

    @Test
    void requestSizeAndMaxInFlight_mustBePositive() {
        assertThatThrownBy(() -> new BatchPart<Integer>(this::export, 0, 4, BatchPartTest::refusedForGood))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("requestSize must be positive: 0");
        assertThatThrownBy(() -> new BatchPart<Integer>(this::export, 3, 0, BatchPartTest::refusedForGood))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be positive: 0");
    }

    @Test
    void atMostMaxInFlightRequests_areUnderWay_theOthersStartAsAnswersArrive() {
        final BatchPart<Integer> limited = new BatchPart<>(this::export, 3, 2, BatchPartTest::refusedForGood);
        for (int i = 0; i < 12; i++) {
            limited.add(i);
        }
        assertThat(requests).as("two places, four requests due").hasSize(2);

        answers.get(0).succeed();
        limited.start();
        assertThat(requests).as("the first answer freed a place").hasSize(3);
        assertThat(requests.get(2)).containsExactly(6, 7, 8);

        answers.get(1).succeed();
        answers.get(2).failExceptionally(new IOException("refused"));
        assertThat(limited.await(System.nanoTime())).as("await starts the last one, and waits for it in vain")
            .isEqualTo(6);
        assertThat(requests).hasSize(4);
        assertThat(requests.get(3)).containsExactly(9, 10, 11);
        assertThat(limited.lastFailure()).isEqualTo("no answer in time");

        answers.get(3).succeed();
        limited.start();
        assertThat(requests).as("the failed one is sent again, alone").hasSize(5);
        assertThat(requests.get(4)).containsExactly(6, 7, 8);
        answers.get(4).succeed();
        assertThat(limited.await(System.nanoTime())).isEqualTo(6);
        assertThat(limited.complete()).isTrue();
    }

    @Test
    void aRequestThatFailsWhileAdding_isNotRepeatedBeforeTheNextStart() {
        final int[] calls = {0};
        final BatchPart<Integer> part = new BatchPart<>(items -> {
            calls[0]++;
            return CompletableResultCode.ofFailure();
        }, 2, 1, BatchPartTest::refusedForGood);
        for (int i = 0; i < 8; i++) {
            part.add(i);
        }
        assertThat(part.await(System.nanoTime())).isZero();
        assertThat(calls[0]).as("each request tried once").isEqualTo(4);
        assertThat(part.undelivered()).isEqualTo(8);
        assertThat(part.lastFailure()).isEqualTo("the export failed");
        part.start();
        part.await(System.nanoTime());
        assertThat(calls[0]).as("and once more after start").isEqualTo(8);
    }
}
