package org.bastion.crm.contacts.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.companies.Company;

/** Where companies are stored: the seam between the service's rules and JPA; each method is one transaction. */
public interface CompanyRepository {

    /** The stored company, if any. */
    Optional<Company> find(UUID id);

    /** The owner of the company with this id, or empty when there is no such company. */
    Optional<String> ownerOf(UUID id);

    /** The id of the company with this (lower-case) domain, if any. */
    Optional<UUID> findIdByDomain(String domain);

    /** Stores a new company and returns it as stored, with its first version. */
    default Company insert(Company company) {
        return insert(company, stored -> {
        });
    }

    /** Stores a new company and runs {@code inTransaction} with it as stored, in the same transaction. */
    Company insert(Company company, Consumer<Company> inTransaction);

    /** Replaces a stored company with {@code change} applied to its current state; empty when there is none. */
    Optional<Company> update(UUID id, UnaryOperator<Company> change);

    /** Deletes a company once {@code precondition} accepted it (it throws to refuse); empty when there was none. */
    Optional<Company> delete(UUID id, Consumer<Company> precondition);

    /** One page of the companies matching the criteria, with the total count. */
    Page<Company> search(CompanyCriteria criteria);
}
