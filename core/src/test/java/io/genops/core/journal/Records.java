package io.genops.core.journal;

import io.genops.core.event.EventView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Test helpers for whole records: exact-length copies and re-sealing after a deliberate edit. */
final class Records {
    private Records() {
    }

    /** Encodes {@code event} and returns a copy exactly as long as the record. */
    static byte[] encode(final EventView event, final long previousLink) {
        final RecordCodec codec = new RecordCodec();
        final int length = codec.encode(event, previousLink);
        return Arrays.copyOf(codec.buffer(), length);
    }

    /**
     * Recomputes the CRC-32C of {@code record[0, n-4)} and stores it little-endian in the last four
     * bytes, as a writer that meant the edit would; returns {@code record}.
     */
    static byte[] reseal(final byte[] record) {
        final CRC32C crc = new CRC32C();
        crc.update(record, 0, record.length - RecordCodec.CHECKSUM_BYTES);
        ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(record.length - RecordCodec.CHECKSUM_BYTES, (int)crc.getValue());
        return record;
    }

    /** {@code body} followed by room for the checksum, sealed. */
    static byte[] sealed(final byte[] body) {
        return reseal(Arrays.copyOf(body, body.length + RecordCodec.CHECKSUM_BYTES));
    }
}
