package com.example.deals;

import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.osgi.annotation.versioning.ProviderType;

// tag::service-interface[]
/**
 * Deals, with the caller's {@code deals:*} record scopes applied to every call: a deal outside the caller's read scope
 * is not found, a change outside the write or delete scope is refused.
 */
@ProviderType
public interface DealService {

    /** The permission domain of deals. */
    String DOMAIN = "deals";

    /**
     * Creates a deal owned by the draft's owner, or by the caller when it names none.
     *
     * @throws org.bastion.crm.api.ValidationException when the draft breaks a rule
     */
    Deal create(DealDraft draft);

    /** The deal with this id, if the caller may read it. */
    Optional<Deal> find(UUID id);

    /**
     * Replaces a deal with the draft, provided it is still at {@code expectedVersion}.
     *
     * @throws org.bastion.crm.api.NotFoundException when there is no such deal within the caller's read scope
     * @throws org.bastion.crm.api.StaleVersionException when it changed since
     */
    Deal update(UUID id, long expectedVersion, DealDraft draft);

    /**
     * Deletes a deal; with a non-negative {@code expectedVersion}, only if it is still that version.
     *
     * @return whether a deal was deleted
     */
    boolean delete(UUID id, long expectedVersion);

    /** One page of the deals matching the query within the caller's read scope. */
    Page<Deal> search(DealQuery query);
}
// end::service-interface[]
