package org.bastion.crm.crypto.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.bastion.crm.crypto.internal.TestDatabase;
import org.bastion.crm.support.jdbc.SqlWork;
import org.junit.jupiter.api.Test;

class LocalTransactionsTest {

    private final DataSource dataSource = TestDatabase.create();
    private final LocalTransactions transactions = new LocalTransactions(dataSource);

    private <T> T sql(SqlWork<T> work) throws SQLException {
        return transactions.inCallerContext(work);
    }

    private static RecordKeyRow row(String id) {
        return new RecordKeyRow("contact", id, 1, new byte[40]);
    }

    @Test
    void ownWorkCommitsAsAWholeOrNotAtAll() throws Exception {
        transactions.inNewTransaction(c -> {
            RecordKeyRepository.insert(c, row("a"), Instant.now());
            RecordKeyRepository.insert(c, row("b"), Instant.now());
            return null;
        });
        assertThatThrownBy(() -> transactions.inNewTransaction(c -> {
            RecordKeyRepository.insert(c, row("c"), Instant.now());
            RecordKeyRepository.insert(c, row("a"), Instant.now());
            return null;
        })).isInstanceOf(SQLException.class);

        assertThat(TestDatabase.count(dataSource, "SELECT COUNT(*) FROM crm_record_key")).isEqualTo(2);
    }

    @Test
    void theSqlPortsBetweenFindFindAllCountAndRewrap() throws Exception {
        transactions.inNewTransaction(c -> {
            for (int i = 0; i < 1_100; i++) {
                RecordKeyRepository.insert(c, row("r" + i), Instant.now());
            }
            return null;
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            ids.add("r" + i);
        }

        Map<String, RecordKeyRow> found = sql(c -> RecordKeyRepository.findAll(c, "contact", ids));
        List<RecordKeyRow> older = sql(c -> RecordKeyRepository.olderThan(c, 2, 7));
        RecordKeyRow first = sql(c -> RecordKeyRepository.find(c, "contact", "r0")).orElseThrow();
        boolean rewrapped = sql(c -> RecordKeyRepository.rewrap(c, first, 2, new byte[40]));
        boolean rewrappedTwice = sql(c -> RecordKeyRepository.rewrap(c, first, 2, new byte[40]));
        Map<Integer, Long> byVersion = sql(RecordKeyRepository::countByVersion);
        long left = sql(c -> RecordKeyRepository.countOlderThan(c, 2));
        boolean deleted = sql(c -> RecordKeyRepository.delete(c, "contact", "r0"));
        boolean deletedTwice = sql(c -> RecordKeyRepository.delete(c, "contact", "r0"));

        assertThat(found).hasSize(1_100);
        assertThat(older).hasSize(7);
        assertThat(rewrapped).isTrue();
        assertThat(rewrappedTwice).isFalse();
        assertThat(byVersion).containsEntry(1, 1_099L).containsEntry(2, 1L);
        assertThat(left).isEqualTo(1_099);
        assertThat(deleted).isTrue();
        assertThat(deletedTwice).isFalse();
    }
}
