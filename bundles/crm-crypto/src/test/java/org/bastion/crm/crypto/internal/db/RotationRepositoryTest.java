package org.bastion.crm.crypto.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
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
}
