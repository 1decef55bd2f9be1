package org.bastion.crm.backup.internal.engine;

import java.sql.SQLException;
import java.time.Clock;

import org.bastion.crm.backup.internal.archive.ArchiveFiles;

/** An engine on a test database with fake keys; people, kinds and keys participants with a few rows. */
final class EngineFixture implements AutoCloseable {

    final TestDatabase database = new TestDatabase();
    final FakeBackupKeys keys = new FakeBackupKeys();
    final FakeRecordKeyBackup recordKeys = new FakeRecordKeyBackup();
    final TestParticipant people = TestParticipant.people();
    final TestParticipant kinds = TestParticipant.kinds();
    final TestParticipant keyTables = TestParticipant.keys();

    EngineFixture() throws SQLException {
        database.migrate(people, kinds, keyTables);
    }

    DefaultBackupEngine engine() {
        return engine(ArchiveFiles.LOCAL);
    }

    DefaultBackupEngine engine(ArchiveFiles files) {
        return new DefaultBackupEngine(database.dataSource, keys, recordKeys, TestDatabase.scratch(), files,
                Clock.systemUTC(), "1.2.3");
    }

    EngineFixture withRows() {
        database.execute(
                "INSERT INTO t_company (id, name) VALUES (1, 'Acme'), (2, 'Globex')",
                "INSERT INTO t_contact (id, company_id, name, email) VALUES (1, 1, 'Ada', 'ada@acme.example'),"
                        + " (2, 1, 'Grace', NULL), (3, 2, 'Hedy \u00e9\u4e2d', 'hedy@globex.example')",
                "INSERT INTO t_kinds VALUES (1, 'text', 9000000000, TRUE, DATE '2026-02-28',"
                        + " TIMESTAMP '2026-03-01 10:11:12.123456', TIMESTAMP WITH TIME ZONE '2026-03-01 10:11:12+02:00',"
                        + " 12345.678, 0.25, X'00ff10', 7)",
                "INSERT INTO t_kinds (id) VALUES (2)",
                "INSERT INTO t_entry (body) VALUES ('first'), ('second')",
                "INSERT INTO t_data_key VALUES ('k1', 'wrapped-1')",
                "INSERT INTO t_key_state VALUES (1, 'ACTIVE')");
        return this;
    }

    @Override
    public void close() {
        database.close();
    }
}
