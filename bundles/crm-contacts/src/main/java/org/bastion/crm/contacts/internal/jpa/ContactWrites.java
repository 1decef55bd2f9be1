package org.bastion.crm.contacts.internal.jpa;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.contacts.internal.ContactIndexTerms;
import org.bastion.crm.support.jpa.PersistenceFailures;
import org.bastion.crm.support.jpa.VersionedWrites;

/**
 * The write transactions of contacts: a new contact gets its own record key in the transaction that inserts it, an
 * update re-seals every field with the same key and fresh nonces, a delete destroys the key with the row
 * (crypto-shredding); the blind-index tokens are rewritten after the row in the same transaction.
 */
final class ContactWrites implements VersionedWrites.Kind<ContactEntity, Contact> {

    private static final String KIND = "contact";
    private static final String MISSING_COMPANY = "the contact refers to a company that no longer exists";

    private final JpaTemplate jpa;
    private final FieldCipher fieldCipher;
    private final ContactSearchIndex index;
    private final ContactRows rows;

    ContactWrites(JpaTemplate jpa, FieldCipher fieldCipher, ContactSearchIndex index, ContactRows rows) {
        this.jpa = jpa;
        this.fieldCipher = fieldCipher;
        this.index = index;
        this.rows = rows;
    }

    /** Stores a new contact with a new record key, runs {@code inTransaction} with it and returns it as stored. */
    Contact insert(Contact contact, Consumer<Contact> inTransaction) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                String id = contact.id().toString();
                RecordCipher cipher = fieldCipher.createRecordKey(ContactCodec.ref(id));
                ContactEntity entity = new ContactEntity(id, EntityMapping.toUtc(contact.createdAt()));
                ContactCodec.seal(contact, entity, cipher);
                em.persist(entity);
                em.flush();
                index.write(em, id, ContactIndexTerms.of(contact), false);
                Contact stored = withVersion(contact, entity.getVersion());
                inTransaction.accept(stored);
                return stored;
            });
        } catch (RuntimeException e) {
            throw PersistenceFailures.translate(e, MISSING_COMPANY);
        }
    }

    @Override
    public Class<ContactEntity> entityType() {
        return ContactEntity.class;
    }

    @Override
    public long version(ContactEntity entity) {
        return entity.getVersion();
    }

    @Override
    public Contact load(EntityManager em, ContactEntity entity) {
        return ContactCodec.open(ContactRow.of(entity),
                ChildRows.ofContacts(em, List.of(entity.getId())).get(entity.getId()), cipherOf(entity));
    }

    @Override
    public void write(EntityManager em, Contact contact, ContactEntity entity) {
        ContactCodec.seal(contact, entity, cipherOf(entity));
    }

    @Override
    public Contact written(EntityManager em, Contact contact, ContactEntity entity) {
        index.write(em, entity.getId(), ContactIndexTerms.of(contact), true);
        return withVersion(contact, entity.getVersion());
    }

    @Override
    public void removed(EntityManager em, Contact contact) {
        fieldCipher.destroyRecordKey(ContactCodec.ref(contact.id().toString()));
    }

    @Override
    public RuntimeException translate(RuntimeException e, UUID id, long seenVersion) {
        if (PersistenceFailures.isOptimisticLockFailure(e)) {
            return new StaleVersionException(KIND, id, seenVersion, rows.version(id.toString()).orElse(-1L));
        }
        return PersistenceFailures.translate(e, MISSING_COMPANY);
    }

    /** The contact's cipher; a contact whose key is gone (crypto-shredded) is not found, like on the read path. */
    private RecordCipher cipherOf(ContactEntity entity) {
        try {
            return fieldCipher.recordCipher(ContactCodec.ref(entity.getId()));
        } catch (NotFoundException noKey) {
            throw new NotFoundException(KIND, entity.getId());
        }
    }

    private static Contact withVersion(Contact c, long version) {
        return new Contact(c.id(), c.firstName(), c.lastName(), c.title(), c.companyId(), c.emails(), c.phones(),
                c.addresses(), c.tags(), c.owner(), c.notes(), c.birthday(), c.createdAt(), c.updatedAt(), version);
    }
}
