package org.bastion.crm.crypto.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.TestDatabase;
import org.junit.jupiter.api.Test;

class RotationRepositoryTest {

    private final DataSource dataSource = TestDatabase.create();

    @Test
    void progressCountsUpAndRaisesTheTotalWhenMoreMovedThanWereCounted() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            RotationRepository.insert(connection, new KeyRotation(id, KeyPurpose.FIELD, 1, 2, KeyRotation.State.RUNNING,
                    5, 0, Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null));

            RotationRepository.addDone(connection, id, 3);
            assertThat(RotationRepository.find(connection, id).orElseThrow())
                    .extracting(KeyRotation::done, KeyRotation::total).containsExactly(3L, 5L);

            RotationRepository.addDone(connection, id, 3);
            assertThat(RotationRepository.find(connection, id).orElseThrow())
                    .extracting(KeyRotation::done, KeyRotation::total).containsExactly(6L, 6L);
        }
    }

    @Test
    void onlyOneRotationOfAPurposeRunsAtATimeWhicheverConnectionStartsIt() throws Exception {
        UUID first = UUID.randomUUID();
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            RotationRepository.insert(one, rotation(first, KeyPurpose.FIELD, KeyRotation.State.RUNNING));

            assertThatThrownBy(() -> RotationRepository.insert(other,
                    rotation(UUID.randomUUID(), KeyPurpose.FIELD, KeyRotation.State.RUNNING)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));
            RotationRepository.insert(other, rotation(UUID.randomUUID(), KeyPurpose.BLIND_INDEX, KeyRotation.State.RUNNING));
            RotationRepository.insert(other, rotation(UUID.randomUUID(), KeyPurpose.FIELD, KeyRotation.State.COMPLETED));

            RotationRepository.setState(one, first, KeyRotation.State.FAILED, Instant.now(), "lost");
            UUID next = UUID.randomUUID();
            RotationRepository.insert(other, rotation(next, KeyPurpose.FIELD, KeyRotation.State.RUNNING));
            assertThatThrownBy(() -> RotationRepository.setState(one, first, KeyRotation.State.RUNNING, null, null))
                    .as("resuming the failed one while another runs").isInstanceOf(SQLException.class);
            RotationRepository.setState(other, next, KeyRotation.State.COMPLETED, Instant.now(), null);
            RotationRepository.setState(one, first, KeyRotation.State.RUNNING, null, null);
            assertThat(RotationRepository.find(one, first).orElseThrow().state()).isEqualTo(KeyRotation.State.RUNNING);
        }
    }

    private static KeyRotation rotation(UUID id, KeyPurpose purpose, KeyRotation.State state) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new KeyRotation(id, purpose, 1, 2, state, 0, 0, now,
                state == KeyRotation.State.RUNNING ? null : now, null);
    }
}
