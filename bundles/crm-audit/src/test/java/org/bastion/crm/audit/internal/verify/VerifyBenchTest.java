package org.bastion.crm.audit.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;

import org.bastion.crm.audit.internal.AuditFixture;
import org.bastion.crm.audit.internal.chain.CanonicalJson;
import org.bastion.crm.audit.internal.chain.EntryForm;
import org.bastion.crm.audit.internal.chain.EntryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long verifying N chained entries takes on in-memory H2 (run with {@code -Dcrm.audit.verifyBench=1000000});
 * the rows are generated already chained, then verified end to end.
 */
@EnabledIfSystemProperty(named = "crm.audit.verifyBench", matches = "[0-9]+")
class VerifyBenchTest {

    @Test
    void verifiesTheConfiguredNumberOfEntries() throws Exception {
        int count = Integer.parseInt(System.getProperty("crm.audit.verifyBench"));
        AuditFixture audit = new AuditFixture();
        String previous = EntryForm.GENESIS;
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = audit.dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_audit_entry (sequence_no,"
                     + " recorded_at, actor_id, actor_name, channel, address, action, target_kind, target_id, outcome,"
                     + " details, changes, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= count; i++) {
                EntryRow row = new EntryRow(i, null, time.plusMillis(i), "u-" + (i % 100), "user" + (i % 100), "rest",
                        "192.0.2." + (i % 250), "contact.read", "contact", "c-" + i, "success",
                        CanonicalJson.write(Map.of("page", Integer.toString(i % 7))), "[]", null, null)
                        .chained(i, previous);
                previous = row.entryHash();
                insert.setLong(1, i);
                insert.setObject(2, java.time.OffsetDateTime.ofInstant(row.recordedAt(), java.time.ZoneOffset.UTC));
                insert.setString(3, row.actorId());
                insert.setString(4, row.actorName());
                insert.setString(5, row.channel());
                insert.setString(6, row.address());
                insert.setString(7, row.action());
                insert.setString(8, row.targetKind());
                insert.setString(9, row.targetId());
                insert.setString(10, row.outcome());
                insert.setString(11, row.details());
                insert.setString(12, row.changes());
                insert.setString(13, row.prevHash());
                insert.setString(14, row.entryHash());
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        audit.sql("UPDATE crm_audit_chain_head SET sequence_no = " + count + ", entry_hash = '" + previous + "'");

        VerificationResult result = new ChainVerifier(audit.transactions).verify(audit.signing, done -> { });
        System.out.println("Verified " + result.entries() + " entries in " + result.millis() + " ms");
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(count);
    }
}
