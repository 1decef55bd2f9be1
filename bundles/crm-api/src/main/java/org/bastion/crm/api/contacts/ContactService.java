package org.bastion.crm.api.contacts;

import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores, finds and changes contacts; validates every input and raises the errors of {@code org.bastion.crm.api}.
 */
@ProviderType
public interface ContactService {

    /** EventAdmin topic prefix of the events this service posts ({@code CREATED}, {@code UPDATED}, {@code DELETED}). */
    String TOPIC_PREFIX = "org/bastion/crm/contacts/";

    /**
     * Creates a contact owned by the draft's owner, or by the caller when the draft names none.
     *
     * @throws org.bastion.crm.api.ValidationException when the draft breaks a rule
     * @throws org.bastion.crm.api.NotFoundException when the draft names a company that does not exist
     */
    Contact create(ContactDraft draft);

    /** The contact with this id, if there is one. */
    Optional<Contact> find(UUID id);

    /**
     * Replaces a contact's fields with the draft's, provided the stored version is still {@code expectedVersion}.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is no such contact
     * @throws org.bastion.crm.api.StaleVersionException when the contact changed since {@code expectedVersion}
     * @throws org.bastion.crm.api.ValidationException when the draft breaks a rule
     */
    Contact update(UUID id, long expectedVersion, ContactDraft draft);

    /**
     * Deletes a contact; with a non-negative {@code expectedVersion}, only if it is still that version.
     *
     * @return whether a contact was deleted
     * @throws org.bastion.crm.api.StaleVersionException when the contact changed since {@code expectedVersion}
     */
    boolean delete(UUID id, long expectedVersion);

    /** The contacts matching the query, one page of them. */
    Page<Contact> search(ContactQuery query);

    /** How many contacts there are in all. */
    long count();
}
