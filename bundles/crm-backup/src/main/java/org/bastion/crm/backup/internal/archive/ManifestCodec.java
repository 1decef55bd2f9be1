package org.bastion.crm.backup.internal.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.backup.internal.engine.BackupManifest;

/**
 * The binary form of a {@link BackupManifest}, used by the opening frame (counts and checksums not known yet: -1 and
 * empty) and by the final frame (complete).
 */
public final class ManifestCodec {

    private static final int MAX_ITEMS = 100_000;

    private ManifestCodec() {
    }

    /** The manifest's bytes. */
    public static byte[] encode(BackupManifest manifest) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(manifest.formatVersion());
            out.writeLong(manifest.id().getMostSignificantBits());
            out.writeLong(manifest.id().getLeastSignificantBits());
            out.writeLong(manifest.createdAt().getEpochSecond());
            out.writeInt(manifest.createdAt().getNano());
            out.writeUTF(manifest.productVersion());
            out.writeUTF(manifest.database());
            out.writeUTF(manifest.trigger());
            out.writeInt(manifest.participants().size());
            for (BackupManifest.Participant participant : manifest.participants()) {
                out.writeUTF(participant.name());
                out.writeUTF(participant.schemaComponent());
                out.writeInt(participant.schemaVersion());
                out.writeInt(participant.tables().size());
                for (BackupManifest.Table table : participant.tables()) {
                    out.writeUTF(table.table());
                    out.writeUTF(table.part());
                    out.writeLong(table.rows());
                    out.writeLong(table.bytes());
                    out.writeUTF(table.sha256());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Reads a manifest written by {@link #encode}.
     *
     * @throws IOException when the bytes are not a manifest
     */
    public static BackupManifest decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int format = in.readInt();
        UUID id = new UUID(in.readLong(), in.readLong());
        Instant createdAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String product = in.readUTF();
        String database = in.readUTF();
        String trigger = in.readUTF();
        int participantCount = count(in);
        List<BackupManifest.Participant> participants = new ArrayList<>();
        for (int p = 0; p < participantCount; p++) {
            String name = in.readUTF();
            String component = in.readUTF();
            int version = in.readInt();
            int tableCount = count(in);
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (int t = 0; t < tableCount; t++) {
                tables.add(new BackupManifest.Table(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                        in.readUTF()));
            }
            participants.add(new BackupManifest.Participant(name, component, version, List.copyOf(tables)));
        }
        if (in.read() != -1) {
            throw new IOException("bytes follow the manifest");
        }
        return new BackupManifest(format, id, createdAt, product, database, trigger, List.copyOf(participants));
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("malformed count " + count);
        }
        return count;
    }
}
