package io.genops.core.journal;

import static io.genops.core.journal.TestEvent.fields;
import static io.genops.core.journal.TestEvent.journaled;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordViewReuseTest {
    private final RecordView view = new RecordView();

    @Test
    void shouldReadManyRecordsCorrectlyThroughOneView() {
        final RandomEvents events = new RandomEvents();
        final List<TestEvent> written = new ArrayList<>();
        final List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            written.add(events.next());
            records.add(Records.encode(written.get(i), i));
        }

        for (int i = 0; i < records.size(); i++) {
            assertThat(view.wrap(records.get(i), records.get(i).length)).as(Samples.run(i)).isEqualTo(RecordView.OK);
            assertThat(fields(view)).as(Samples.run(i)).isEqualTo(journaled(written.get(i)));
        }
    }

    @Test
    void wrap_interactionAfterASignalWithContent_forgetsTheSignalsValuesAndContent() {
        final TestEvent signal = TestEvent.signal("csat", 4.5, 4.0);
        signal.content = "customer said thanks";
        final TestEvent interaction = TestEvent.supportInteraction();
        final byte[] first = Records.encode(signal, 0);
        final byte[] second = Records.encode(interaction, 0);

        view.wrap(first, first.length);
        assertThat(view.wrap(second, second.length)).isEqualTo(RecordView.OK);

        assertThat(fields(view)).isEqualTo(fields(interaction));
    }

    /** Content and output are decoded once per record, and a record without them reads none of the last one's. */
    @Test
    void contentAndOutput_areOneInstancePerRecord_andForgottenAtTheNextWrap() {
        final TestEvent first = TestEvent.supportInteraction();
        first.content = "Où est mon colis ?";
        first.output = "Il arrive demain.";
        final TestEvent second = TestEvent.supportInteraction();
        second.content = "Où est mon colis ?";
        final byte[] one = Records.encode(first, 0);
        final byte[] two = Records.encode(second, 0);

        assertThat(view.wrap(one, one.length)).isEqualTo(RecordView.OK);
        final String content = view.content();
        assertThat(view.content()).isSameAs(content).isEqualTo("Où est mon colis ?");
        assertThat(view.output()).isSameAs(view.output()).isEqualTo("Il arrive demain.");
        assertThat(view.wrap(two, two.length)).isEqualTo(RecordView.OK);

        assertThat(view.content()).isEqualTo("Où est mon colis ?");
        assertThat(view.output()).isNull();
        assertThat(fields(view)).isEqualTo(fields(second));
    }

    @Test
    void wrap_recordWithoutStringsAfterOneWithEmptyStrings_readsThemAsAbsent() {
        final TestEvent empty = TestEvent.supportInteraction();
        empty.costCenter = "";
        empty.error = "";
        empty.content = "";
        empty.costOverridden = true;
        empty.costNanos = 1;
        final TestEvent plain = TestEvent.supportInteraction();
        final byte[] first = Records.encode(empty, 0);
        final byte[] second = Records.encode(plain, 0);

        assertThat(view.wrap(first, first.length)).isEqualTo(RecordView.OK);
        assertThat(view.costCenter()).isEmpty();
        assertThat(view.wrap(second, second.length)).isEqualTo(RecordView.OK);

        assertThat(fields(view)).isEqualTo(fields(plain));
    }

    @Test
    void wrap_goodRecordAfterADamagedOne_readsTheGoodOne() {
        final TestEvent event = TestEvent.supportInteraction();
        final byte[] good = Records.encode(event, 0);
        final byte[] damaged = good.clone();
        damaged[40] ^= 0x10;

        assertThat(view.wrap(damaged, damaged.length)).isEqualTo(RecordView.BAD_CHECKSUM);
        assertThat(view.wrap(good, good.length)).isEqualTo(RecordView.OK);
        assertThat(fields(view)).isEqualTo(fields(event));
    }

    @Test
    void team_repeatedAcrossRecords_isTheSameStringInstance() {
        final TestEvent event = TestEvent.supportInteraction();
        final byte[] first = Records.encode(event, 0);
        event.sequence++;
        event.customerId = "customer_789";
        final byte[] second = Records.encode(event, 0);

        view.wrap(first, first.length);
        final String team = view.team();
        view.wrap(second, second.length);

        assertThat(view.team()).isEqualTo("support").isSameAs(team);
        assertThat(view.customerId()).isEqualTo("customer_789");
    }

    @Test
    void team_afterOtherTeamsInBetween_isStillTheSameInstance() {
        final TestEvent event = TestEvent.supportInteraction();
        final byte[] first = Records.encode(event, 0);
        view.wrap(first, first.length);
        final String support = view.team();

        for (final String other : new String[] {"payments", "search", "équipe", "运营"}) {
            event.team = other;
            final byte[] record = Records.encode(event, 0);
            view.wrap(record, record.length);
            assertThat(view.team()).isEqualTo(other);
        }
        event.team = "support";
        final byte[] again = Records.encode(event, 0);
        view.wrap(again, again.length);

        assertThat(view.team()).isSameAs(support);
    }

    @Test
    void teamEquals_comparesUtf8BytesWithoutDecoding() {
        final TestEvent event = TestEvent.supportInteraction();
        event.team = "équipe";
        final byte[] record = Records.encode(event, 0);
        view.wrap(record, record.length);

        assertThat(view.teamEquals("équipe".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(view.teamEquals("equipe".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(view.projectEquals("helpdesk".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(view.customerIdEquals("customer_45".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(view.modelEquals("gpt-4o".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void intern_sameBytesAtDifferentOffsets_returnsOneInstance() {
        final StringInterner interner = new StringInterner(16);
        final byte[] bytes = "..gpt-4o....gpt-4o".getBytes(StandardCharsets.UTF_8);

        final String first = interner.intern(bytes, 2, 6);

        assertThat(first).isEqualTo("gpt-4o");
        assertThat(interner.intern(bytes, 12, 6)).isSameAs(first);
    }

    @Test
    void intern_collidingStrings_bothDecodeCorrectly() {
        final StringInterner interner = new StringInterner(1);
        final byte[] a = "alpha".getBytes(StandardCharsets.UTF_8);
        final byte[] b = "beta".getBytes(StandardCharsets.UTF_8);

        assertThat(interner.intern(a, 0, a.length)).isEqualTo("alpha");
        assertThat(interner.intern(b, 0, b.length)).isEqualTo("beta");
        assertThat(interner.intern(a, 0, a.length)).isEqualTo("alpha");
    }
}
