package org.bastion.crm.contacts.internal.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.contacts.internal.CompanyCriteria;
import org.bastion.crm.contacts.internal.CompanyRepository;
import org.bastion.crm.support.jpa.JpqlFilter;
import org.bastion.crm.support.jpa.PersistenceFailures;
import org.bastion.crm.support.jpa.VersionedWrites;

/** Stores companies through the {@code crm-contacts} persistence unit; reads run without a transaction of their own. */
public final class JpaCompanyRepository implements CompanyRepository {

    private static final String KIND = "company";
    private static final String CONFLICT = "another company has the same domain, or contacts still belong to the company";
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("name", "c.nameLower", "domain", "c.domain",
            "createdAt", "c.createdAt", "updatedAt", "c.updatedAt", "id", "c.id");

    private final JpaTemplate jpa;
    private final VersionedWrites<CompanyEntity, Company> writes;

    public JpaCompanyRepository(JpaTemplate jpa) {
        this.jpa = jpa;
        this.writes = new VersionedWrites<>(jpa, new CompanyKind());
    }

    /** How many contacts belong to a company, counted through the persistence unit of {@code jpa}. */
    public static ToLongFunction<UUID> contactCounter(JpaTemplate jpa) {
        return companyId -> jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(c) FROM Contact c WHERE c.companyId = :companyId", Long.class)
                .setParameter("companyId", companyId.toString()).getSingleResult());
    }

    @Override
    public Optional<Company> find(UUID id) {
        return jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(CompanyEntity.class, id.toString())).map(e -> load(em, e)));
    }

    @Override
    public Optional<String> ownerOf(UUID id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT c.owner FROM Company c WHERE c.id = :id", String.class)
                .setParameter("id", id.toString()).setMaxResults(1).getResultList().stream().findFirst());
    }

    @Override
    public Optional<UUID> findIdByDomain(String domain) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT c.id FROM Company c WHERE c.domain = :domain", String.class)
                .setParameter("domain", domain).setMaxResults(1).getResultList().stream().findFirst().map(UUID::fromString));
    }

    @Override
    public Company insert(Company company, Consumer<Company> inTransaction) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                CompanyEntity entity = new CompanyEntity(company.id().toString(), EntityMapping.toUtc(company.createdAt()));
                EntityMapping.copy(company, entity);
                em.persist(entity);
                em.flush();
                Company stored = EntityMapping.toCompanyAsWritten(entity);
                inTransaction.accept(stored);
                return stored;
            });
        } catch (RuntimeException e) {
            throw PersistenceFailures.translate(e, CONFLICT);
        }
    }

    @Override
    public Optional<Company> update(UUID id, UnaryOperator<Company> change) {
        return writes.update(id, change);
    }

    @Override
    public Optional<Company> delete(UUID id, Consumer<Company> precondition) {
        return writes.delete(id, precondition);
    }

    @Override
    public Page<Company> search(CompanyCriteria criteria) {
        JpqlFilter filter = new JpqlFilter();
        if (criteria.tag() != null) {
            filter.require("c.id IN (SELECT t.id FROM Company t JOIN t.tags tag WHERE tag = " + filter.bind(criteria.tag()) + ")");
        }
        if (criteria.owner() != null) {
            filter.require("c.owner = " + filter.bind(criteria.owner()));
        }
        if (criteria.owners() != null) {
            filter.requireIn("c.owner", criteria.owners());
        }
        for (String word : criteria.words()) {
            String like = filter.bind(JpqlFilter.contains(word)) + JpqlFilter.LIKE_ESCAPE;
            filter.require("(c.nameLower LIKE " + like + " OR c.domain LIKE " + like + ")");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            long total = filter.bindTo(em.createQuery("SELECT COUNT(c) FROM Company c" + filter.where(), Long.class))
                    .getSingleResult();
            if (total <= criteria.offset() || criteria.offset() > Integer.MAX_VALUE) {
                return new Page<Company>(List.of(), total, criteria.page(), criteria.size());
            }
            TypedQuery<CompanyEntity> query = filter.bindTo(em.createQuery("SELECT c FROM Company c" + filter.where()
                    + JpqlFilter.orderBy(criteria.order(), SORT_ATTRIBUTES), CompanyEntity.class));
            List<CompanyEntity> entities = query.setFirstResult((int) criteria.offset()).setMaxResults(criteria.size())
                    .getResultList();
            Map<String, java.util.Set<String>> tags =
                    ChildRows.tagsOfCompanies(em, entities.stream().map(CompanyEntity::getId).toList());
            List<Company> items = entities.stream().map(e -> EntityMapping.toCompany(e, tags.get(e.getId()))).toList();
            return new Page<>(items, total, criteria.page(), criteria.size());
        });
    }

    private static Company load(EntityManager em, CompanyEntity entity) {
        return EntityMapping.toCompany(entity, ChildRows.tagsOfCompanies(em, List.of(entity.getId())).get(entity.getId()));
    }

    /** Companies for {@link VersionedWrites}: plaintext columns and a tag table. */
    private final class CompanyKind implements VersionedWrites.Kind<CompanyEntity, Company> {

        @Override
        public Class<CompanyEntity> entityType() {
            return CompanyEntity.class;
        }

        @Override
        public long version(CompanyEntity entity) {
            return entity.getVersion();
        }

        @Override
        public Company load(EntityManager em, CompanyEntity entity) {
            return JpaCompanyRepository.load(em, entity);
        }

        @Override
        public void write(EntityManager em, Company company, CompanyEntity entity) {
            EntityMapping.copy(company, entity);
        }

        @Override
        public Company written(EntityManager em, Company company, CompanyEntity entity) {
            return EntityMapping.toCompanyAsWritten(entity);
        }

        @Override
        public RuntimeException translate(RuntimeException e, UUID id, long seenVersion) {
            if (PersistenceFailures.isOptimisticLockFailure(e)) {
                long current = find(id).map(Company::version).orElse(-1L);
                return new StaleVersionException(KIND, id, seenVersion, current);
            }
            return PersistenceFailures.translate(e, CONFLICT);
        }
    }
}
