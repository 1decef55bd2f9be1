package org.bastion.crm.support.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.StaleVersionException;
import org.junit.jupiter.api.Test;

class VersionedWritesTest {

    /** A managed entity of the test kind. */
    static final class DealEntity {
        long version;
        String title;

        DealEntity(long version, String title) {
            this.version = version;
            this.title = title;
        }
    }

    /** The API record of the test kind. */
    record Deal(UUID id, String title) {
    }

    private final UUID id = UUID.randomUUID();
    private final EntityManager em = mock(EntityManager.class);
    private final TypedJpaTemplate jpa = new TypedJpaTemplate() {
        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            return code.apply(em);
        }
    };
    private final VersionedWrites<DealEntity, Deal> writes = new VersionedWrites<>(jpa, new VersionedWrites.Kind<>() {
        @Override
        public Class<DealEntity> entityType() {
            return DealEntity.class;
        }

        @Override
        public long version(DealEntity entity) {
            return entity.version;
        }

        @Override
        public Deal load(EntityManager manager, DealEntity entity) {
            return new Deal(id, entity.title);
        }

        @Override
        public void write(EntityManager manager, Deal record, DealEntity entity) {
            entity.title = record.title();
        }

        @Override
        public Deal written(EntityManager manager, Deal record, DealEntity entity) {
            return record;
        }

        @Override
        public RuntimeException translate(RuntimeException error, UUID failedId, long seenVersion) {
            return new StaleVersionException("deal", failedId, -1, seenVersion);
        }
    });

    @Test
    void updateWritesTheChangedRecordIntoTheManagedEntityAndFlushes() {
        DealEntity entity = new DealEntity(4, "small");
        when(em.find(DealEntity.class, id.toString())).thenReturn(entity);

        assertThat(writes.update(id, deal -> new Deal(id, "big"))).contains(new Deal(id, "big"));

        assertThat(entity.title).isEqualTo("big");
        verify(em).flush();
    }

    @Test
    void updateOfNoRecordIsEmpty() {
        assertThat(writes.update(id, deal -> deal)).isEmpty();
        verify(em, never()).flush();
    }

    @Test
    void aFailureIsTranslatedKnowingTheVersionTheTransactionSaw() {
        when(em.find(DealEntity.class, id.toString())).thenReturn(new DealEntity(7, "small"));
        assertThatThrownBy(() -> writes.update(id, deal -> {
            throw new IllegalStateException("lost");
        })).isInstanceOfSatisfying(StaleVersionException.class,
                e -> assertThat(e.getMessage()).contains("is at version 7"));
    }

    @Test
    void deleteRemovesOnlyWhatThePreconditionAccepts() {
        DealEntity entity = new DealEntity(1, "won");
        when(em.find(DealEntity.class, id.toString())).thenReturn(entity);

        assertThatThrownBy(() -> writes.delete(id, deal -> {
            throw new ConflictException("still referenced");
        })).isInstanceOf(StaleVersionException.class);
        verify(em, never()).remove(entity);

        assertThat(writes.delete(id, deal -> { })).contains(new Deal(id, "won"));
        verify(em).remove(entity);
    }
}
