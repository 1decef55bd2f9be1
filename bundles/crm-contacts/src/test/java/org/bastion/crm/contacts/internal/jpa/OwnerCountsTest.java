package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnerCountsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
    private final OwnerCounts counts = new OwnerCounts(clock);
    private H2Database db;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        db = new H2Database().migrated();
        connection = db.dataSource.getConnection();
        insert("c1", "alice");
        insert("c2", "alice");
        insert("c3", "bob");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        db.close();
    }

    private void insert(String id, String owner) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO crm_contact (id, owner_id, created_at, updated_at, row_version) VALUES ('"
                    + id + "', '" + owner + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        }
    }

    @Test
    void countsEachOwnerAndOwnersWithoutContactsAsNone() throws Exception {
        assertThat(counts.total(connection, Set.of("alice", "bob", "nobody"))).isEqualTo(3);
        assertThat(counts.total(connection, Set.of("nobody"))).isZero();
    }

    @Test
    void aRememberedCountIsNotUsedAfterAWrite() throws Exception {
        assertThat(counts.total(connection, Set.of("alice"))).isEqualTo(2);
        insert("c4", "alice");
        assertThat(counts.total(connection, Set.of("alice"))).as("no write was announced: remembered").isEqualTo(2);

        counts.changing();

        assertThat(counts.total(connection, Set.of("alice"))).isEqualTo(3);
    }

    @Test
    void aRememberedCountIsUsedForTwoSecondsAtMost() throws Exception {
        assertThat(counts.total(connection, Set.of("bob"))).isEqualTo(1);
        insert("c5", "bob");

        clock.advance(Duration.ofMillis(OwnerCounts.MAX_AGE_MILLIS));

        assertThat(counts.total(connection, Set.of("bob"))).isEqualTo(2);
    }

    @Test
    void whenFullOnlyTheLeastRecentlyUsedOwnerIsForgotten() throws Exception {
        OwnerCounts small = new OwnerCounts(clock, 2);
        insert("c6", "carol");
        assertThat(small.total(connection, Set.of("alice"))).isEqualTo(2);
        assertThat(small.total(connection, Set.of("bob"))).isEqualTo(1);
        assertThat(small.total(connection, Set.of("alice"))).isEqualTo(2);

        assertThat(small.total(connection, Set.of("carol"))).isEqualTo(1);

        insert("c7", "alice");
        insert("c8", "bob");
        assertThat(small.total(connection, Set.of("alice"))).as("used recently: remembered (no write announced)")
                .isEqualTo(2);
        assertThat(small.total(connection, Set.of("bob"))).as("least recently used: forgotten, counted again")
                .isEqualTo(2);
    }
}
