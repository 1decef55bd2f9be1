package org.bastion.crm.crypto.internal.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;

/**
 * The export format of the record keys: magic {@code CRMRKEYS}, format 1, then per key a marker byte 1, its kind, id,
 * field key version, wrapped key (URL-safe base64 as stored) and creation time; then a marker byte 0 and the number of
 * keys, so a truncated export is refused rather than half-restored.
 */
public final class RecordKeyStream {

    private static final byte[] MAGIC = {'C', 'R', 'M', 'R', 'K', 'E', 'Y', 'S'};
    private static final int FORMAT = 1;
    private static final int KEY = 1;
    private static final int END = 0;

    /**
     * One exported key, as stored.
     *
     * @param kind the record's kind
     * @param id the record's id
     * @param keyVersion the field data key version wrapping it
     * @param wrapped the wrapped key as stored (base64 text)
     * @param createdAt when it was made
     */
    public record Entry(String kind, String id, int keyVersion, String wrapped, Instant createdAt) {
    }

    /** Writes an export. */
    public static final class Writer {

        private final DataOutputStream out;
        private long count;

        /** Starts an export on {@code out}. */
        public Writer(OutputStream out) throws IOException {
            this.out = new DataOutputStream(out);
            this.out.write(MAGIC);
            this.out.writeByte(FORMAT);
        }

        /** Writes one key. */
        public void write(Entry entry) throws IOException {
            out.writeByte(KEY);
            out.writeUTF(entry.kind());
            out.writeUTF(entry.id());
            out.writeInt(entry.keyVersion());
            out.writeUTF(entry.wrapped());
            out.writeLong(entry.createdAt().toEpochMilli());
            count++;
        }

        /** Ends the export (does not close the stream); how many keys it holds. */
        public long finish() throws IOException {
            out.writeByte(END);
            out.writeLong(count);
            out.flush();
            return count;
        }
    }

    /** Reads an export. */
    public static final class Reader {

        private final DataInputStream in;
        private long read;
        private boolean ended;

        /**
         * Starts reading an export from {@code in}.
         *
         * @throws IOException when it does not begin like one
         */
        public Reader(InputStream in) throws IOException {
            this.in = new DataInputStream(in);
            byte[] magic = this.in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not an export of the record keys");
            }
            int format = this.in.read();
            if (format != FORMAT) {
                throw new IOException("record key export format " + format + " is not supported (this version reads "
                        + FORMAT + ")");
            }
        }

        /**
         * The next key, or null at the end.
         *
         * @throws IOException when the export is truncated or malformed
         */
        public Entry next() throws IOException {
            if (ended) {
                return null;
            }
            try {
                int marker = in.readUnsignedByte();
                if (marker == END) {
                    long count = in.readLong();
                    if (count != read) {
                        throw new IOException("the record key export announces " + count + " keys but holds " + read);
                    }
                    ended = true;
                    return null;
                }
                if (marker != KEY) {
                    throw new IOException("the record key export is malformed after " + read + " keys");
                }
                Entry entry = new Entry(in.readUTF(), in.readUTF(), in.readInt(), in.readUTF(),
                        Instant.ofEpochMilli(in.readLong()));
                read++;
                return entry;
            } catch (EOFException e) {
                throw new IOException("the record key export is truncated after " + read + " keys", e);
            }
        }
    }

    private RecordKeyStream() {
    }
}
