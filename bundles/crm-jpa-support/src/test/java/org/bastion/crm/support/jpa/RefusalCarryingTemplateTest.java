package org.bastion.crm.support.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefusalCarryingTemplateTest {

    private RecordingTemplate container;
    private int rollbackMarks;
    private RefusalCarryingTemplate template;

    @BeforeEach
    void setUp() {
        container = new RecordingTemplate();
        template = new RefusalCarryingTemplate(container, () -> rollbackMarks++);
    }

    @Test
    void refusalLeavesTheContainersTemplateAsAReturnAndIsThrownAfterIt() {
        NotFoundException refusal = new NotFoundException("contact", UUID.randomUUID());

        assertThatThrownBy(() -> template.txExpr(TransactionType.Required, em -> {
            throw refusal;
        })).isSameAs(refusal);

        assertThat(container.crossed).as("nothing crossed the container's template (which would log it)").isEmpty();
        assertThat(rollbackMarks).as("the refused transaction is rolled back").isEqualTo(1);
    }

    @Test
    void everyKindOfDomainRefusalIsCarriedOut() {
        for (RuntimeException refusal : List.of(new ConflictException("company has contacts"),
                new AccessDeniedException("no"))) {
            assertThatThrownBy(() -> template.tx(TransactionType.Required, em -> {
                throw refusal;
            })).isSameAs(refusal);
        }
        assertThat(container.crossed).isEmpty();
        assertThat(rollbackMarks).isEqualTo(2);
    }

    @Test
    void databaseRefusalsAreCarriedOutUntranslatedForTheRepositoryToTranslate() {
        PersistenceException duplicate = new PersistenceException("duplicate",
                new SQLException("unique violation", "23505"));
        OptimisticLockException stale = new OptimisticLockException("changed meanwhile");
        for (RuntimeException refusal : List.of(duplicate, stale)) {
            assertThatThrownBy(() -> template.txExpr(em -> {
                throw refusal;
            })).isSameAs(refusal);
        }
        assertThat(container.crossed).isEmpty();
        assertThat(rollbackMarks).isEqualTo(2);
    }

    @Test
    void realFailureCrossesTheContainersTemplateSoItIsLogged() {
        IllegalStateException failure = new IllegalStateException("disk full");
        PersistenceException otherSqlState = new PersistenceException("broken",
                new SQLException("connection lost", "08006"));
        IntegrityException tampered = new IntegrityException("notes of contact x failed its check");
        KeysLockedException locked = new KeysLockedException("locked");

        for (RuntimeException error : List.of(failure, otherSqlState, tampered, locked)) {
            assertThatThrownBy(() -> template.txExpr(TransactionType.Required, em -> {
                throw error;
            })).isSameAs(error);
        }

        assertThat(container.crossed).containsExactly(failure, otherSqlState, tampered, locked);
        assertThat(rollbackMarks).as("the container's template rolls failures back itself").isZero();
    }

    @Test
    void successfulWorkReturnsItsResultWithoutRollback() {
        String found = template.txExpr(TransactionType.Supports, em -> "found");
        assertThat(found).isEqualTo("found");
        assertThat(container.crossed).isEmpty();
        assertThat(rollbackMarks).isZero();
    }

    /** Runs the work like Aries' template (no entity manager here) and records what crossed it. */
    private static final class RecordingTemplate extends TypedJpaTemplate {

        final List<RuntimeException> crossed = new ArrayList<>();

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            try {
                return code.apply(null);
            } catch (RuntimeException e) {
                crossed.add(e);
                throw e;
            }
        }
    }
}
