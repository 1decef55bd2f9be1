package org.bastion.crm.contacts.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;

/** An in-memory company service that remembers the last query it saw. */
class FakeCompanyService implements CompanyService {

    final Map<UUID, Company> stored = new LinkedHashMap<>();
    CompanyQuery lastQuery;

    @Override
    public Company create(CompanyDraft draft) {
        Company company = new Company(UUID.randomUUID(), draft.name(), draft.domain(), draft.address(), draft.tags(),
                draft.owner() == null ? "alice" : draft.owner(), FakeContactService.NOW, FakeContactService.NOW, 0);
        stored.put(company.id(), company);
        return company;
    }

    @Override
    public Optional<Company> find(UUID id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Company update(UUID id, long expectedVersion, CompanyDraft draft) {
        throw new UnsupportedOperationException("not used by the shell");
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        return stored.remove(id) != null;
    }

    @Override
    public Page<Company> search(CompanyQuery query) {
        lastQuery = query;
        List<Company> matches = stored.values().stream()
                .filter(c -> query.tag() == null || c.tags().contains(query.tag()))
                .filter(c -> query.owner() == null || query.owner().equals(c.owner()))
                .filter(c -> query.text() == null || c.name().toLowerCase().contains(query.text().toLowerCase()))
                .toList();
        int from = (int) Math.min(matches.size(), query.page().offset());
        int to = Math.min(matches.size(), from + query.page().size());
        return new Page<>(matches.subList(from, to), matches.size(), query.page().page(), query.page().size());
    }
}
