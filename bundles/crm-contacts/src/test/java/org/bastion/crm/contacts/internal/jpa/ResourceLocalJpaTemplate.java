package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.support.jpa.TypedJpaTemplate;

/**
 * A JpaTemplate over a RESOURCE_LOCAL factory, for tests outside OSGi: one entity manager per call, a transaction
 * unless the type is Supports, rollback on any exception, which (as in Aries' template) passes through unwrapped.
 */
final class ResourceLocalJpaTemplate extends TypedJpaTemplate {

    private final EntityManagerFactory factory;

    ResourceLocalJpaTemplate(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = type == TransactionType.Supports ? null : em.getTransaction();
        try {
            if (tx != null) {
                tx.begin();
            }
            R result = code.apply(em);
            if (tx != null) {
                tx.commit();
            }
            return result;
        } catch (RuntimeException e) {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
