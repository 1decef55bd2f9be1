package org.bastion.crm.contacts.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.contacts.Contact;

/**
 * Where contacts are stored: the seam between the service's rules and JPA, so the rules can be tested in memory.
 * Each method is one transaction; a conflicting concurrent change surfaces as a StaleVersionException.
 */
public interface ContactRepository {

    /** The stored contact, if any. */
    Optional<Contact> find(UUID id);

    /** Stores a new contact (its version is ignored) and returns it as stored, with its first version. */
    default Contact insert(Contact contact) {
        return insert(contact, stored -> {
        });
    }

    /**
     * Stores a new contact and runs {@code inTransaction} with it as stored, in the same transaction (it may throw to
     * roll the insert back, such as when the audit trail cannot record it).
     */
    Contact insert(Contact contact, Consumer<Contact> inTransaction);

    /**
     * Replaces a stored contact with {@code change} applied to its current state, in one transaction; {@code change}
     * may throw to refuse. Returns the contact as stored, or empty when there is no such contact.
     */
    Optional<Contact> update(UUID id, UnaryOperator<Contact> change);

    /**
     * Deletes a contact after {@code precondition} accepted its current state (it throws to refuse), in one
     * transaction. Returns the deleted contact, or empty when there was none.
     */
    Optional<Contact> delete(UUID id, Consumer<Contact> precondition);

    /** One page of the contacts matching the criteria, with the total count. */
    Page<Contact> search(ContactCriteria criteria);

    /** How many contacts there are, of the given owners only unless {@code owners} is null (empty: none). */
    long count(Set<String> owners);

    /** How many contacts belong to the company. */
    long countByCompany(UUID companyId);
}
