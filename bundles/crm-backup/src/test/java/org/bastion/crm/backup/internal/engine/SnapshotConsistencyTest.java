package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotConsistencyTest {

    @TempDir
    Path directory;

    private final EngineFixture fixture = new EngineFixture();

    SnapshotConsistencyTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * Each transaction moves the contacts of an older company to a new one and deletes the older company, and adds one
     * more company with two contacts: a backup that read the tables at different moments would hold contacts whose company
     * is missing, or contact counts that are not twice the companies'.
     */
    @Test
    void aBackupTakenWhileParentsAndChildrenChangeHoldsOneMomentOfThem() throws Exception {
        fixture.database.execute("INSERT INTO t_company (id, name) SELECT X, 'c' FROM SYSTEM_RANGE(1, 2000)",
                "INSERT INTO t_contact (id, company_id, name) SELECT X, (X + 1) / 2, REPEAT('n', 100)"
                        + " FROM SYSTEM_RANGE(1, 4000)");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong transactions = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection connection = fixture.database.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                long next = 2001;
                while (!stop.get()) {
                    change(connection, next++);
                    connection.commit();
                    transactions.incrementAndGet();
                }
            } catch (SQLException | RuntimeException e) {
                writerFailure.set(e);
            }
        });
        writer.start();
        try {
            while (transactions.get() < 20) {
                Thread.onSpinWait();
            }
            BackupEngine.Written written;
            long before = transactions.get();
            do {
                written = fixture.engine().backup(directory, "manual", List.of(fixture.people), BackupProgress.NONE);
            } while (transactions.get() == before);
            long companies = written.manifest().participants().get(0).tables().get(0).rows();
            long contacts = written.manifest().participants().get(0).tables().get(1).rows();
            assertThat(contacts).isEqualTo(2 * companies);

            stop.set(true);
            writer.join();
            assertThat(writerFailure.get()).isNull();
            fixture.engine().restore(written.file(), List.of(fixture.people), BackupProgress.NONE);

            assertThat(fixture.database.count("SELECT COUNT(*) FROM t_contact c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM t_company p WHERE p.id = c.company_id)")).isZero();
            assertThat(fixture.database.count("SELECT COUNT(*) FROM t_contact"))
                    .isEqualTo(2 * fixture.database.count("SELECT COUNT(*) FROM t_company")).isEqualTo(contacts);
            assertThat(fixture.database.count("SELECT COUNT(*) FROM t_company WHERE id > 2000")).isPositive();
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    private static void change(Connection connection, long company) throws SQLException {
        long old = company - 2000;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t_company (id, name) VALUES (?, 'n')");
             PreparedStatement move = connection.prepareStatement(
                     "UPDATE t_contact SET company_id = ? WHERE company_id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM t_company WHERE id = ?")) {
            insert.setLong(1, company);
            insert.executeUpdate();
            move.setLong(1, company);
            move.setLong(2, old);
            move.executeUpdate();
            delete.setLong(1, old);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t_company (id, name) VALUES (?, 'm')");
             PreparedStatement contact = connection.prepareStatement(
                     "INSERT INTO t_contact (id, company_id, name) VALUES (?, ?, 'm')")) {
            insert.setLong(1, company + 1_000_000);
            insert.executeUpdate();
            for (long c = 0; c < 2; c++) {
                contact.setLong(1, 2 * company + c + 1_000_000);
                contact.setLong(2, company + 1_000_000);
                contact.executeUpdate();
            }
        }
    }
}
