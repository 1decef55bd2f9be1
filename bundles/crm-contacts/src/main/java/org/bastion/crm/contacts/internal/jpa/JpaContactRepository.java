package org.bastion.crm.contacts.internal.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.contacts.internal.ContactRepository;
import org.bastion.crm.contacts.internal.SearchWord;

/**
 * Stores contacts through the {@code crm-contacts} persistence unit; reads of whole contacts go through
 * {@link ContactRows} (plain JDBC, no transaction of their own), searches pick the page's ids with JPQL first.
 */
public final class JpaContactRepository implements ContactRepository {

    private static final String KIND = "contact";
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("firstName", "c.firstName", "lastName",
            "c.lastName", "createdAt", "c.createdAt", "updatedAt", "c.updatedAt", "id", "c.id");

    private final JpaTemplate jpa;
    private final VersionedWrites<ContactEntity, Contact> writes;
    private final ContactRows rows;

    public JpaContactRepository(JpaTemplate jpa, DataSource dataSource) {
        this.jpa = jpa;
        this.writes = new VersionedWrites<>(jpa, ContactEntity.class, JpaContactRepository::load, EntityMapping::copy,
                EntityMapping::toContactAsWritten, ContactEntity::getVersion, this::staleOrTranslated);
        this.rows = new ContactRows(dataSource);
    }

    @Override
    public Optional<Contact> find(UUID id) {
        return rows.find(id.toString());
    }

    @Override
    public Contact insert(Contact contact) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                ContactEntity entity = new ContactEntity(contact.id().toString(), EntityMapping.toUtc(contact.createdAt()));
                EntityMapping.copy(contact, entity);
                em.persist(entity);
                em.flush();
                return EntityMapping.toContactAsWritten(entity);
            });
        } catch (RuntimeException e) {
            throw PersistenceFailures.translate(e, "the contact refers to a company that no longer exists");
        }
    }

    @Override
    public Optional<Contact> update(UUID id, UnaryOperator<Contact> change) {
        return writes.update(id, change);
    }

    @Override
    public Optional<Contact> delete(UUID id, Consumer<Contact> precondition) {
        return writes.delete(id, precondition);
    }

    @Override
    public Page<Contact> search(ContactCriteria criteria) {
        JpqlFilter filter = filterFor(criteria);
        return jpa.txExpr(TransactionType.Supports, em -> {
            long total = filter.bindTo(em.createQuery("SELECT COUNT(c) FROM Contact c" + filter.where(), Long.class))
                    .getSingleResult();
            if (total <= criteria.offset() || criteria.offset() > Integer.MAX_VALUE) {
                return new Page<Contact>(List.of(), total, criteria.page(), criteria.size());
            }
            List<String> ids = pageIds(em, filter, criteria, total);
            List<Contact> items = rows.inOrder(ids);
            return new Page<>(items, total, criteria.page(), criteria.size());
        });
    }

    /**
     * The ids of the page, picked with the ordered index without reading the rows it skips. A page in the back half
     * of the list is read by walking the order backwards from the end: the index then skips at most half the list.
     * Orders are total (id last, see SortRules), so the reversed walk yields exactly the same page.
     */
    private static List<String> pageIds(EntityManager em, JpqlFilter filter, ContactCriteria criteria, long total) {
        long offset = criteria.offset();
        long end = Math.min(total, offset + criteria.size());
        boolean fromEnd = offset > total - end;
        List<SortKey> order = fromEnd ? reversed(criteria.order()) : criteria.order();
        TypedQuery<String> query = filter.bindTo(em.createQuery("SELECT c.id FROM Contact c" + filter.where()
                + JpqlFilter.orderBy(order, SORT_ATTRIBUTES), String.class));
        List<String> ids = new ArrayList<>(query.setFirstResult((int) (fromEnd ? total - end : offset))
                .setMaxResults((int) (end - offset)).getResultList());
        if (fromEnd) {
            Collections.reverse(ids);
        }
        return ids;
    }

    private static List<SortKey> reversed(List<SortKey> order) {
        return order.stream().map(key -> new SortKey(key.field(), !key.ascending())).toList();
    }

    @Override
    public long count() {
        return jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT COUNT(c) FROM Contact c", Long.class).getSingleResult());
    }

    @Override
    public long countByCompany(UUID companyId) {
        return jpa.txExpr(TransactionType.Supports, em -> countByCompany(em, companyId));
    }

    static long countByCompany(EntityManager em, UUID companyId) {
        return em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.companyId = :companyId", Long.class)
                .setParameter("companyId", companyId.toString()).getSingleResult();
    }

    private static JpqlFilter filterFor(ContactCriteria criteria) {
        JpqlFilter filter = new JpqlFilter();
        if (criteria.tag() != null) {
            filter.require("c.id IN (SELECT t.id FROM Contact t JOIN t.tags tag WHERE tag = " + filter.bind(criteria.tag()) + ")");
        }
        if (criteria.companyId() != null) {
            filter.require("c.companyId = " + filter.bind(criteria.companyId().toString()));
        }
        if (criteria.owner() != null) {
            filter.require("c.owner = " + filter.bind(criteria.owner()));
        }
        for (SearchWord word : criteria.words()) {
            String like = filter.bind(JpqlFilter.contains(word.lower())) + JpqlFilter.LIKE_ESCAPE;
            String clause = "LOWER(c.firstName) LIKE " + like + " OR LOWER(c.lastName) LIKE " + like
                    + " OR c.id IN (SELECT m.id FROM Contact m JOIN m.emails e WHERE e.addressLower LIKE " + like + ")";
            if (word.phoneDigits() != null) {
                String digits = filter.bind(JpqlFilter.contains(word.phoneDigits())) + JpqlFilter.LIKE_ESCAPE;
                clause += " OR c.id IN (SELECT n.id FROM Contact n JOIN n.phones p WHERE p.number LIKE " + digits + ")";
            }
            filter.require("(" + clause + ")");
        }
        return filter;
    }

    private static Contact load(EntityManager em, ContactEntity entity) {
        return EntityMapping.toContact(entity, ChildRows.ofContacts(em, List.of(entity.getId())).get(entity.getId()));
    }

    private RuntimeException staleOrTranslated(RuntimeException e, UUID id, long seenVersion) {
        if (PersistenceFailures.isOptimisticLockFailure(e)) {
            long current = find(id).map(Contact::version).orElse(-1L);
            return new StaleVersionException(KIND, id, seenVersion, current);
        }
        return PersistenceFailures.translate(e, "the contact refers to a company that no longer exists");
    }
}
