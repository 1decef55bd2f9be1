package org.bastion.crm.support.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.persistence.EntityExistsException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.junit.jupiter.api.Test;

class PersistenceFailuresTest {

    @Test
    void ourOwnErrorComesOutUnwrapped() {
        NotFoundException ours = new NotFoundException("deal", "x");
        assertThat(PersistenceFailures.translate(new PersistenceException("wrapped", ours), "taken")).isSameAs(ours);
    }

    @Test
    void anIntegrityViolationAtAnyDepthIsAConflictWithTheGivenMessage() {
        PersistenceException duplicate = new PersistenceException("flush failed",
                new RuntimeException(new SQLException("unique", "23505")));
        assertThat(PersistenceFailures.isIntegrityViolationAtAnyDepth(duplicate)).isTrue();
        assertThat(PersistenceFailures.translate(duplicate, "another deal has this code"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another deal has this code");
        assertThat(PersistenceFailures.translate(new EntityExistsException("exists"), "taken"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void otherDatabaseFailuresStayFailures() {
        PersistenceException lost = new PersistenceException(new SQLException("connection lost", "08006"));
        assertThat(PersistenceFailures.isIntegrityViolationAtAnyDepth(lost)).isFalse();
        assertThat(PersistenceFailures.translate(lost, "taken")).isSameAs(lost);
    }

    @Test
    void recognisesALostOptimisticLockWrappedOrNot() {
        assertThat(PersistenceFailures.isOptimisticLockFailure(new OptimisticLockException("stale"))).isTrue();
        assertThat(PersistenceFailures.isOptimisticLockFailure(
                new PersistenceException(new OptimisticLockException("stale")))).isTrue();
        assertThat(PersistenceFailures.isOptimisticLockFailure(new PersistenceException("other"))).isFalse();
    }
}
