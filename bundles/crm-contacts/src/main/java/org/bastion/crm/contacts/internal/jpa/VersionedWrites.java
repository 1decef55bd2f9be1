package org.bastion.crm.contacts.internal.jpa;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The read-change-write and read-check-delete transactions every versioned entity kind runs the same way; a failure
 * is handed to the repository's translation together with the version the transaction saw.
 *
 * @param <E> the entity type
 * @param <R> the API record type
 */
final class VersionedWrites<E, R> {

    /** Turns a failed write into the API's exception, knowing the record and the version the write saw. */
    @FunctionalInterface
    interface Failure {
        RuntimeException translate(RuntimeException error, UUID id, long seenVersion);
    }

    /** Writes a record's fields into its entity. */
    @FunctionalInterface
    interface Copy<R, E> {
        void into(R record, E entity);
    }

    private final JpaTemplate jpa;
    private final Class<E> type;
    private final BiFunction<EntityManager, E, R> load;
    private final Copy<R, E> copy;
    private final Function<E, R> asWritten;
    private final ToLongFunction<E> versionOf;
    private final Failure failure;

    VersionedWrites(JpaTemplate jpa, Class<E> type, BiFunction<EntityManager, E, R> load, Copy<R, E> copy,
                    Function<E, R> asWritten, ToLongFunction<E> versionOf, Failure failure) {
        this.jpa = jpa;
        this.type = type;
        this.load = load;
        this.copy = copy;
        this.asWritten = asWritten;
        this.versionOf = versionOf;
        this.failure = failure;
    }

    /** Replaces the stored record with {@code change} applied to it, in one transaction; empty when there is none. */
    Optional<R> update(UUID id, UnaryOperator<R> change) {
        long[] seenVersion = {-1};
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                E entity = em.find(type, id.toString());
                if (entity == null) {
                    return Optional.<R>empty();
                }
                seenVersion[0] = versionOf.applyAsLong(entity);
                copy.into(change.apply(load.apply(em, entity)), entity);
                em.flush();
                return Optional.of(asWritten.apply(entity));
            });
        } catch (RuntimeException e) {
            throw failure.translate(e, id, seenVersion[0]);
        }
    }

    /** Deletes the record once {@code precondition} accepted it, in one transaction; empty when there was none. */
    Optional<R> delete(UUID id, Consumer<R> precondition) {
        long[] seenVersion = {-1};
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                E entity = em.find(type, id.toString());
                if (entity == null) {
                    return Optional.<R>empty();
                }
                seenVersion[0] = versionOf.applyAsLong(entity);
                R current = load.apply(em, entity);
                precondition.accept(current);
                em.remove(entity);
                em.flush();
                return Optional.of(current);
            });
        } catch (RuntimeException e) {
            throw failure.translate(e, id, seenVersion[0]);
        }
    }
}
