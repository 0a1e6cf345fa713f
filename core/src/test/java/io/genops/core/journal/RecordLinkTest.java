package io.genops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordLinkTest {
    private final RecordCodec codec = new RecordCodec();
    private final RecordView view = new RecordView();
    private byte[] r1;
    private byte[] r2;
    private byte[] r3;

    @BeforeEach
    void encodeAChainOfThree() {
        r1 = encode(TestEvent.supportInteraction(), 0);
        r2 = encode(TestEvent.signal("csat", 4.5, 4.0), codec.link(r1.length));
        r3 = encode(TestEvent.alertRule("daily spend", 2), codec.link(r2.length));
    }

    @Test
    void shouldCarryThePreviousRecordsLinkInEachRecord() {
        assertThat(previousLinkOf(r1)).isZero();
        assertThat(previousLinkOf(r2)).isEqualTo(linkOf(r1));
        assertThat(previousLinkOf(r3)).isEqualTo(linkOf(r2));
    }

    @Test
    void link_editedAndResealedRecord_breaksTheChainAtTheNextRecord() {
        final long original = linkOf(r2);
        final byte[] edited = r2.clone();
        edited[RecordCodec.OFFSET_VARIABLE + 1] ^= 0x01;
        Records.reseal(edited);

        assertThat(view.wrap(edited, edited.length)).as("the edit itself reads fine").isEqualTo(RecordView.OK);
        assertThat(view.previousLink()).as("and still follows r1").isEqualTo(linkOf(r1));
        assertThat(view.link()).isNotEqualTo(original);
        assertThat(previousLinkOf(r3)).isNotEqualTo(linkOf(edited));
    }

    @Test
    void link_removedOrSwappedRecords_breakTheChain() {
        assertThat(previousLinkOf(r3)).as("r2 removed").isNotEqualTo(linkOf(r1));
        assertThat(previousLinkOf(r2)).as("r2 and r3 swapped").isNotEqualTo(linkOf(r3));
        assertThat(previousLinkOf(r3)).as("r3 replayed after itself").isNotEqualTo(linkOf(r3));
    }

    @Test
    void link_sameEventWithADifferentPredecessor_differs() {
        final byte[] first = encode(TestEvent.supportInteraction(), 1);
        final byte[] second = encode(TestEvent.supportInteraction(), 2);

        assertThat(linkOf(first)).isNotEqualTo(linkOf(second));
    }

    private byte[] encode(final TestEvent event, final long previousLink) {
        final int length = codec.encode(event, previousLink);
        return Arrays.copyOf(codec.buffer(), length);
    }

    private long previousLinkOf(final byte[] record) {
        assertThat(view.wrap(record, record.length)).isEqualTo(RecordView.OK);
        return view.previousLink();
    }

    private long linkOf(final byte[] record) {
        assertThat(view.wrap(record, record.length)).isEqualTo(RecordView.OK);
        return view.link();
    }
}
