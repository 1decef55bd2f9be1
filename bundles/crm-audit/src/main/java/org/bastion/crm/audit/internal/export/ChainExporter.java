package org.bastion.crm.audit.internal.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.audit.internal.chain.CanonicalJson;
import org.bastion.crm.audit.internal.chain.ChainStore;
import org.bastion.crm.audit.internal.chain.Checkpoint;
import org.bastion.crm.audit.internal.chain.CheckpointStore;
import org.bastion.crm.audit.internal.chain.EntryForm;
import org.bastion.crm.audit.internal.chain.EntryRow;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * Writes a range of the chain as NDJSON (docs/audit.md): a {@code range} line, one {@code key} line per
 * audit-signing key version the range's checkpoints use (the public key as PEM), then each entry's line (its
 * canonical form plus {@code hash}), each checkpoint's line right after the entry it signs. Entries are read a page
 * at a time, so any range streams in flat memory.
 */
public final class ChainExporter {

    private static final int PAGE = 2_000;

    private final Transactions transactions;

    public ChainExporter(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Writes {@code range} to {@code out}; returns how many entries it wrote. */
    public long export(ExportRange range, SigningKeys keys, Writer out) throws SQLException, IOException {
        TreeMap<Long, Checkpoint> checkpoints = transactions.read(connection -> checkpoints(connection, range));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "range");
        header.put("from", range.from());
        header.put("to", range.to());
        header.put("exported_at", EntryForm.time(Instant.now()));
        line(out, CanonicalJson.write(header));
        for (int version : new TreeSet<>(checkpoints.values().stream().map(Checkpoint::keyVersion).toList())) {
            if (keys != null) {
                line(out, CanonicalJson.write(Map.of("type", "key", "key_version", Integer.toString(version),
                        "public_key_pem", pem(keys.publicKey(KeyPurpose.AUDIT_SIGNING, version)))));
            }
        }
        long written = 0;
        long after = range.from() - 1;
        while (after < range.to()) {
            long from = after;
            List<EntryRow> page = transactions.read(connection -> page(connection, from, range.to()));
            if (page.isEmpty()) {
                break;
            }
            for (EntryRow row : page) {
                line(out, EntryForm.exportLine(row));
                Checkpoint checkpoint = checkpoints.get(row.sequence());
                if (checkpoint != null) {
                    line(out, checkpointLine(checkpoint));
                }
                written++;
            }
            after = page.get(page.size() - 1).sequence();
        }
        out.flush();
        return written;
    }

    /** A checkpoint's line: {@code seq} (number), {@code entry_hash}, {@code key_version}, {@code signature}. */
    static String checkpointLine(Checkpoint checkpoint) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "checkpoint");
        line.put("seq", checkpoint.sequence());
        line.put("entry_hash", checkpoint.entryHash());
        line.put("key_version", Integer.toString(checkpoint.keyVersion()));
        line.put("signed_at", EntryForm.time(checkpoint.signedAt()));
        line.put("signature", checkpoint.signature());
        return CanonicalJson.write(line);
    }

    /** DER SubjectPublicKeyInfo as a PEM {@code PUBLIC KEY} block. */
    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static void line(Writer out, String json) {
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeMap<Long, Checkpoint> checkpoints(Connection connection, ExportRange range)
            throws SQLException {
        TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT sequence_no, entry_hash, signed_at,"
                + " key_version, signature FROM crm_audit_checkpoint WHERE sequence_no BETWEEN ? AND ?")) {
            statement.setLong(1, range.from());
            statement.setLong(2, range.to());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Checkpoint checkpoint = CheckpointStore.checkpoint(result);
                    checkpoints.put(checkpoint.sequence(), checkpoint);
                }
            }
        }
        return checkpoints;
    }

    private static List<EntryRow> page(Connection connection, long after, long through) throws SQLException {
        List<EntryRow> rows = new ArrayList<>(PAGE);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + ChainStore.COLUMNS
                + " FROM crm_audit_entry WHERE sequence_no > ? AND sequence_no <= ? ORDER BY sequence_no"
                + " FETCH FIRST " + PAGE + " ROWS ONLY")) {
            statement.setLong(1, after);
            statement.setLong(2, through);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(ChainStore.row(result));
                }
            }
        }
        return rows;
    }
}
