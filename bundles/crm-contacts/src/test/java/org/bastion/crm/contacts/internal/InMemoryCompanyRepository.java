package org.bastion.crm.contacts.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.companies.Company;

/** A company repository in a map, with the version behaviour of the JPA one and its filter by owners. */
public final class InMemoryCompanyRepository implements CompanyRepository {

    final Map<UUID, Company> rows = new LinkedHashMap<>();

    @Override
    public Optional<Company> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<String> ownerOf(UUID id) {
        return find(id).map(Company::owner);
    }

    @Override
    public Optional<UUID> findIdByDomain(String domain) {
        return rows.values().stream().filter(c -> domain.equals(c.domain())).map(Company::id).findFirst();
    }

    @Override
    public Company insert(Company c, Consumer<Company> inTransaction) {
        Company stored = withVersion(c, 1);
        inTransaction.accept(stored);
        rows.put(c.id(), stored);
        return stored;
    }

    @Override
    public Optional<Company> update(UUID id, UnaryOperator<Company> change) {
        Company current = rows.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Company stored = withVersion(change.apply(current), current.version() + 1);
        rows.put(id, stored);
        return Optional.of(stored);
    }

    @Override
    public Optional<Company> delete(UUID id, Consumer<Company> precondition) {
        Company current = rows.get(id);
        if (current == null) {
            return Optional.empty();
        }
        precondition.accept(current);
        rows.remove(id);
        return Optional.of(current);
    }

    @Override
    public Page<Company> search(CompanyCriteria criteria) {
        List<Company> matches = rows.values().stream()
                .filter(c -> criteria.tag() == null || c.tags().contains(criteria.tag()))
                .filter(c -> criteria.owner() == null || criteria.owner().equals(c.owner()))
                .filter(c -> criteria.owners() == null || criteria.owners().contains(c.owner()))
                .filter(c -> criteria.words().stream().allMatch(w -> c.name().toLowerCase().contains(w)))
                .sorted(Comparator.comparing((Company c) -> c.name().toLowerCase()).thenComparing(c -> c.id().toString()))
                .toList();
        return new Page<>(matches.stream().skip(criteria.offset()).limit(criteria.size()).toList(), matches.size(),
                criteria.page(), criteria.size());
    }

    private static Company withVersion(Company c, long version) {
        return new Company(c.id(), c.name(), c.domain(), c.address(), c.tags(), c.owner(), c.createdAt(), c.updatedAt(),
                version);
    }
}
