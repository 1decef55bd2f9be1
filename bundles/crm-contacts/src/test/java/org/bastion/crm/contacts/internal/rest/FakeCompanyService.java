package org.bastion.crm.contacts.internal.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;

/** An in-memory company service with optimistic locking. */
class FakeCompanyService implements CompanyService {

    final Map<UUID, Company> companies = new LinkedHashMap<>();
    CompanyQuery lastQuery;

    @Override
    public Company create(CompanyDraft d) {
        Company company = of(UUID.randomUUID(), d, 0);
        companies.put(company.id(), company);
        return company;
    }

    @Override
    public Optional<Company> find(UUID id) {
        return Optional.ofNullable(companies.get(id));
    }

    @Override
    public Company update(UUID id, long expectedVersion, CompanyDraft d) {
        Company current = find(id).orElseThrow(() -> new NotFoundException("company", id));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("company", id, expectedVersion, current.version());
        }
        Company updated = of(id, d, current.version() + 1);
        companies.put(id, updated);
        return updated;
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        return companies.remove(id) != null;
    }

    @Override
    public Page<Company> search(CompanyQuery query) {
        lastQuery = query;
        List<Company> all = List.copyOf(companies.values());
        return new Page<>(all, all.size(), query.page().page(), query.page().size());
    }

    private static Company of(UUID id, CompanyDraft d, long version) {
        Instant now = Instant.parse("2024-01-31T12:00:00Z");
        return new Company(id, d.name(), d.domain(), d.address(), d.tags(), d.owner() == null ? "anonymous" : d.owner(),
                now, now, version);
    }
}
