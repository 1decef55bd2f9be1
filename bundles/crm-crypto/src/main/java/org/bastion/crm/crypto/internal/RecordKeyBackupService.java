package org.bastion.crm.crypto.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.transaction.TransactionManager;

import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.crypto.internal.backup.RecordKeyStream;
import org.bastion.crm.crypto.internal.backup.RecordKeyStream.Entry;
import org.bastion.crm.crypto.internal.db.RecordKeyExports;
import org.bastion.crm.crypto.internal.db.RecordKeyRepository;
import org.bastion.crm.crypto.internal.db.SeparateTransactions;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public {@link RecordKeyBackup}: exports and restores the rows of {@code crm_record_key} as stored (wrapped by the
 * field data keys, so no plaintext key ever leaves the database). Works while the keys are locked: it never unwraps.
 * A restore first reads the whole export, so a truncated or foreign stream changes nothing, then inserts the keys of
 * records that have none, in one transaction.
 */
@Component(service = RecordKeyBackup.class)
public final class RecordKeyBackupService implements RecordKeyBackup {

    private final Transactions transactions;

    @Activate
    public RecordKeyBackupService(@Reference CryptoSchema schema, @Reference TransactionManager transactionManager) {
        this(new SeparateTransactions(transactionManager, schema.dataSource()));
    }

    RecordKeyBackupService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long export(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        RecordKeyStream.Writer writer = new RecordKeyStream.Writer(buffered);
        try {
            sql("exporting the record keys", () -> transactions.inNewTransaction(connection -> {
                try {
                    RecordKeyExports.each(connection, writer::write);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long count = writer.finish();
        buffered.flush();
        return count;
    }

    @Override
    public long restoreMissing(InputStream in) throws IOException {
        RecordKeyStream.Reader reader = new RecordKeyStream.Reader(new BufferedInputStream(in, 1 << 16));
        List<Entry> entries = new ArrayList<>();
        for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
            entries.add(entry);
        }
        return sql("restoring the record keys", () -> transactions.inNewTransaction(connection -> {
            long inserted = 0;
            for (int from = 0; from < entries.size(); from += RecordKeyRepository.IN_LIST_CHUNK) {
                Map<String, List<Entry>> byKind = new LinkedHashMap<>();
                for (Entry entry : entries.subList(from, Math.min(entries.size(), from + RecordKeyRepository.IN_LIST_CHUNK))) {
                    byKind.computeIfAbsent(entry.kind(), kind -> new ArrayList<>()).add(entry);
                }
                for (Map.Entry<String, List<Entry>> kind : byKind.entrySet()) {
                    Set<String> present = RecordKeyExports.existing(connection, kind.getKey(),
                            kind.getValue().stream().map(Entry::id).toList());
                    List<Entry> missing = kind.getValue().stream().filter(e -> !present.contains(e.id())).toList();
                    RecordKeyExports.insert(connection, missing);
                    inserted += missing.size();
                }
            }
            return inserted;
        }));
    }

    @Override
    public long count() {
        return sql("counting the record keys", () -> transactions.inCallerContext(RecordKeyExports::count));
    }

    private static <T> T sql(String what, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StorageException(what, e);
        }
    }

    /** A database call. */
    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }
}
