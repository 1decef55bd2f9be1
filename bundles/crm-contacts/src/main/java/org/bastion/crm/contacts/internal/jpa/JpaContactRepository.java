package org.bastion.crm.contacts.internal.jpa;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.contacts.internal.ContactRepository;
import org.bastion.crm.support.jpa.JpqlFilter;
import org.bastion.crm.support.jpa.VersionedWrites;

/**
 * Stores contacts, their personal fields encrypted with a key per contact, through the {@code crm-contacts}
 * persistence unit ({@link ContactWrites}); reads of whole contacts go through {@link ContactRows} and searches
 * through {@link ContactSearch} (plain JDBC, no transaction of their own).
 */
public final class JpaContactRepository implements ContactRepository {

    private final JpaTemplate jpa;
    private final ContactRows rows;
    private final ContactWrites writes;
    private final VersionedWrites<ContactEntity, Contact> versionedWrites;
    private final ContactSearch search;
    private final OwnerCounts ownerCounts = new OwnerCounts(java.time.Clock.systemUTC());

    public JpaContactRepository(JpaTemplate jpa, DataSource dataSource, FieldCipher fieldCipher) {
        this.jpa = jpa;
        this.rows = new ContactRows(dataSource, fieldCipher);
        ContactSearchIndex index = new ContactSearchIndex(jpa, fieldCipher);
        this.writes = new ContactWrites(jpa, fieldCipher, index, rows);
        this.versionedWrites = new VersionedWrites<>(jpa, writes);
        this.search = new ContactSearch(dataSource, rows, index, fieldCipher, ownerCounts);
    }

    @Override
    public Optional<Contact> find(UUID id) {
        return rows.find(id.toString());
    }

    @Override
    public Contact insert(Contact contact, Consumer<Contact> inTransaction) {
        ownerCounts.changing();
        try {
            return writes.insert(contact, inTransaction);
        } finally {
            ownerCounts.changing();
        }
    }

    @Override
    public Optional<Contact> update(UUID id, UnaryOperator<Contact> change) {
        ownerCounts.changing();
        try {
            return versionedWrites.update(id, change);
        } finally {
            ownerCounts.changing();
        }
    }

    @Override
    public Optional<Contact> delete(UUID id, Consumer<Contact> precondition) {
        ownerCounts.changing();
        try {
            return versionedWrites.delete(id, precondition);
        } finally {
            ownerCounts.changing();
        }
    }

    @Override
    public Page<Contact> search(ContactCriteria criteria) {
        return search.search(criteria);
    }

    @Override
    public long count(Set<String> owners) {
        JpqlFilter filter = new JpqlFilter();
        if (owners != null) {
            filter.requireIn("c.owner", owners);
        }
        return jpa.txExpr(TransactionType.Supports, em -> filter.bindTo(
                em.createQuery("SELECT COUNT(c) FROM Contact c" + filter.where(), Long.class)).getSingleResult());
    }

    @Override
    public long countByCompany(UUID companyId) {
        return JpaCompanyRepository.contactCounter(jpa).applyAsLong(companyId);
    }
}
