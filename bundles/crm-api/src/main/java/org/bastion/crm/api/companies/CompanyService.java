package org.bastion.crm.api.companies;

import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores, finds and changes companies; a company that contacts still refer to cannot be deleted.
 */
@ProviderType
public interface CompanyService {

    /** EventAdmin topic prefix of the events this service posts ({@code CREATED}, {@code UPDATED}, {@code DELETED}). */
    String TOPIC_PREFIX = "org/bastion/crm/companies/";

    /**
     * Creates a company.
     *
     * @throws org.bastion.crm.api.ValidationException when the draft breaks a rule
     * @throws org.bastion.crm.api.ConflictException when another company has the same domain
     */
    Company create(CompanyDraft draft);

    /** The company with this id, if there is one. */
    Optional<Company> find(UUID id);

    /**
     * Replaces a company's fields, provided it is still at {@code expectedVersion}.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is no such company
     * @throws org.bastion.crm.api.StaleVersionException when it changed since {@code expectedVersion}
     * @throws org.bastion.crm.api.ConflictException when another company has the same domain
     */
    Company update(UUID id, long expectedVersion, CompanyDraft draft);

    /**
     * Deletes a company; with a non-negative {@code expectedVersion}, only if it is still that version.
     *
     * @return whether a company was deleted
     * @throws org.bastion.crm.api.ConflictException when contacts still belong to it
     */
    boolean delete(UUID id, long expectedVersion);

    /** The companies matching the query, one page of them. */
    Page<Company> search(CompanyQuery query);
}
