package org.bastion.crm.audit.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.audit.AuditOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailReaderTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final AuditTables tables = new AuditTables();
    private final AuditTrailReader reader = tables.reader();

    @BeforeEach
    void seed() {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");
        tables.chained(T0.plusSeconds(60), "bob", "auth.login.failed", "failure");
        tables.chained(T0.plusSeconds(120), "alice", "contact.updated", "contact", "c-1", "success",
                "[{\"field\":\"name\",\"old\":\"A\",\"new\":\"B\"}]");
        tables.chained(T0.plusSeconds(180), "alice", "access.denied", "contact", "c-2", "denied", "[]");
        tables.chained(T0.plusSeconds(240), "bob", "authx.other", "success");
        tables.unchained(T0.plusSeconds(300), "alice", "auth.logout");
    }

    private List<Long> sequences(AuditFilter filter) {
        return reader.search(filter, new PageRequest(0, 50, List.of())).items().stream().map(StoredEntry::sequence)
                .toList();
    }

    @Test
    void everyChainedEntryNewestFirstWithoutUnchainedRows() {
        assertThat(sequences(AuditFilter.ALL)).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void filtersByActor() {
        assertThat(sequences(new AuditFilter("alice", null, false, null, null, null, null, null)))
                .containsExactly(4L, 3L, 1L);
    }

    @Test
    void anActionPrefixStopsAtTheDot() {
        assertThat(sequences(new AuditFilter(null, "auth.", true, null, null, null, null, null)))
                .containsExactly(2L, 1L);
        assertThat(sequences(new AuditFilter(null, "auth.login.failed", false, null, null, null, null, null)))
                .containsExactly(2L);
    }

    @Test
    void filtersByTargetOutcomeAndTime() {
        assertThat(sequences(new AuditFilter(null, null, false, "contact", "c-2", null, null, null)))
                .containsExactly(4L);
        assertThat(sequences(new AuditFilter(null, null, false, "contact", null, null, null, null)))
                .containsExactly(4L, 3L);
        assertThat(sequences(new AuditFilter(null, null, false, null, null, AuditOutcome.FAILURE, null, null)))
                .containsExactly(2L);
        assertThat(sequences(new AuditFilter(null, null, false, null, null, null, T0.plusSeconds(60),
                T0.plusSeconds(180)))).containsExactly(3L, 2L);
    }

    @Test
    void aRecordsHistoryHasOnlyEntriesThatChangedFields() {
        assertThat(sequences(AuditFilter.changesOf("contact", "c-1"))).containsExactly(3L);
        assertThat(sequences(AuditFilter.changesOf("contact", "c-2"))).isEmpty();
    }

    @Test
    void pagesCountEveryMatch() {
        Page<StoredEntry> second = reader.search(AuditFilter.ALL, new PageRequest(1, 2, List.of()));
        Page<StoredEntry> last = reader.search(AuditFilter.ALL, new PageRequest(2, 2, List.of()));
        Page<StoredEntry> beyond = reader.search(AuditFilter.ALL, new PageRequest(9, 2, List.of()));

        assertThat(second.items()).extracting(StoredEntry::sequence).containsExactly(3L, 2L);
        assertThat(second.total()).isEqualTo(5);
        assertThat(last.items()).extracting(StoredEntry::sequence).containsExactly(1L);
        assertThat(last.total()).isEqualTo(5);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void readsTheRowBackAsARecord() {
        StoredEntry entry = reader.search(new AuditFilter(null, "contact.updated", false, null, null, null, null,
                null), PageRequest.first()).items().get(0);

        assertThat(entry.toRecord().actor().username()).isEqualTo("alice-name");
        assertThat(entry.toRecord().actor().address()).isEqualTo("10.0.0.1");
        assertThat(entry.toRecord().target().toString()).isEqualTo("contact/c-1");
        assertThat(entry.toRecord().details()).containsEntry("reason", "test");
        assertThat(entry.toRecord().changedFields()).containsExactly("name");
        assertThat(entry.time()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void followsTheChainAfterASequence() {
        assertThat(reader.after(2, 2)).extracting(StoredEntry::sequence).containsExactly(3L, 4L);
        assertThat(reader.after(5, 10)).isEmpty();
        assertThat(reader.lastSequence()).isEqualTo(5);
    }

    @Test
    void likeWildcardsInAPrefixAreLiteral() {
        tables.chained(T0, "carol", "a_b.x", "success");
        tables.chained(T0, "carol", "axb.x", "success");

        assertThat(sequences(new AuditFilter(null, "a_b.", true, null, null, null, null, null)))
                .containsExactly(6L);
    }
}
