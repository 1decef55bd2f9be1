package org.bastion.crm.support.jpa;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The read-change-write and read-check-delete transactions every versioned entity kind runs the same way; a failure
 * is handed to the kind's translation together with the version the transaction saw.
 *
 * @param <E> the entity type
 * @param <R> the API record type
 */
public final class VersionedWrites<E, R> {

    /** What the transactions need to know of one kind of record; every method runs inside the transaction. */
    @ConsumerType
    public interface Kind<E, R> {

        /** The entity class. */
        Class<E> entityType();

        /** The entity's optimistic-locking version. */
        long version(E entity);

        /** The record a managed entity holds. */
        R load(EntityManager em, E entity);

        /** Writes every field of the record but id, creation time and version into the managed entity. */
        void write(EntityManager em, R record, E entity);

        /** Writes what lives beside the entity once its change is flushed, and returns the record as stored. */
        R written(EntityManager em, R record, E entity);

        /** Removes what lives beside the entity once its removal is flushed; nothing by default. */
        default void removed(EntityManager em, R record) {
            // rows in tables of the entity's own cascade go with it
        }

        /** Turns a failed write into the API's exception, knowing the record and the version the write saw. */
        RuntimeException translate(RuntimeException error, UUID id, long seenVersion);
    }

    private final JpaTemplate jpa;
    private final Kind<E, R> kind;

    /** The writes of {@code kind}, each run by {@code jpa} (a {@link RefusalCarryingTemplate} in the container). */
    public VersionedWrites(JpaTemplate jpa, Kind<E, R> kind) {
        this.jpa = jpa;
        this.kind = kind;
    }

    /** Replaces the stored record with {@code change} applied to it, in one transaction; empty when there is none. */
    public Optional<R> update(UUID id, UnaryOperator<R> change) {
        long[] seenVersion = {-1};
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                E entity = em.find(kind.entityType(), id.toString());
                if (entity == null) {
                    return Optional.<R>empty();
                }
                seenVersion[0] = kind.version(entity);
                R changed = change.apply(kind.load(em, entity));
                kind.write(em, changed, entity);
                em.flush();
                return Optional.of(kind.written(em, changed, entity));
            });
        } catch (RuntimeException e) {
            throw kind.translate(e, id, seenVersion[0]);
        }
    }

    /** Deletes the record once {@code precondition} accepted it, in one transaction; empty when there was none. */
    public Optional<R> delete(UUID id, Consumer<R> precondition) {
        long[] seenVersion = {-1};
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                E entity = em.find(kind.entityType(), id.toString());
                if (entity == null) {
                    return Optional.<R>empty();
                }
                seenVersion[0] = kind.version(entity);
                R current = kind.load(em, entity);
                precondition.accept(current);
                em.remove(entity);
                em.flush();
                kind.removed(em, current);
                return Optional.of(current);
            });
        } catch (RuntimeException e) {
            throw kind.translate(e, id, seenVersion[0]);
        }
    }
}
