package org.bastion.crm.contacts.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;

/**
 * A contact repository in a map, with the version behaviour of the JPA one (1 on insert, +1 per update) and its
 * matching of search words (whole terms of {@link ContactIndexTerms}), filtering by the criteria's owners like the
 * queries do.
 */
public final class InMemoryContactRepository implements ContactRepository {

    final Map<UUID, Contact> rows = new LinkedHashMap<>();
    ContactCriteria lastCriteria;

    @Override
    public Optional<Contact> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Contact insert(Contact c, Consumer<Contact> inTransaction) {
        Contact stored = withVersion(c, 1);
        inTransaction.accept(stored);
        rows.put(c.id(), stored);
        return stored;
    }

    @Override
    public Optional<Contact> update(UUID id, UnaryOperator<Contact> change) {
        Contact current = rows.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Contact stored = withVersion(change.apply(current), current.version() + 1);
        rows.put(id, stored);
        return Optional.of(stored);
    }

    @Override
    public Optional<Contact> delete(UUID id, Consumer<Contact> precondition) {
        Contact current = rows.get(id);
        if (current == null) {
            return Optional.empty();
        }
        precondition.accept(current);
        rows.remove(id);
        return Optional.of(current);
    }

    @Override
    public Page<Contact> search(ContactCriteria criteria) {
        lastCriteria = criteria;
        List<Contact> matches = rows.values().stream()
                .filter(c -> criteria.tag() == null || c.tags().contains(criteria.tag()))
                .filter(c -> criteria.companyId() == null || criteria.companyId().equals(c.companyId()))
                .filter(c -> criteria.owner() == null || criteria.owner().equals(c.owner()))
                .filter(c -> criteria.owners() == null || criteria.owners().contains(c.owner()))
                .filter(c -> criteria.words().stream().allMatch(w -> matches(c, w)))
                .sorted(comparator(criteria.order())).toList();
        List<Contact> page = matches.stream().skip(criteria.offset()).limit(criteria.size()).toList();
        return new Page<>(page, matches.size(), criteria.page(), criteria.size());
    }

    @Override
    public long count(Set<String> owners) {
        return rows.values().stream().filter(c -> owners == null || owners.contains(c.owner())).count();
    }

    @Override
    public long countByCompany(UUID companyId) {
        return rows.values().stream().filter(c -> companyId.equals(c.companyId())).count();
    }

    /** Matches like the blind index: every term of the word among the contact's terms of the word's domain. */
    private static boolean matches(Contact c, SearchWord word) {
        return ContactIndexTerms.of(c).get(word.domain()).containsAll(word.terms());
    }

    private static Comparator<Contact> comparator(List<SortKey> order) {
        Comparator<Contact> result = (a, b) -> 0;
        for (SortKey key : order) {
            Comparator<Contact> one = Comparator.comparing(c -> value(c, key.field()));
            result = result.thenComparing(key.ascending() ? one : one.reversed());
        }
        return result;
    }

    private static String value(Contact c, String field) {
        return switch (field) {
            case "firstName" -> Objects.toString(c.firstName(), "");
            case "lastName" -> Objects.toString(c.lastName(), "");
            case "createdAt" -> c.createdAt().toString();
            case "updatedAt" -> c.updatedAt().toString();
            default -> c.id().toString();
        };
    }

    private static Contact withVersion(Contact c, long version) {
        return new Contact(c.id(), c.firstName(), c.lastName(), c.title(), c.companyId(), c.emails(), c.phones(),
                c.addresses(), c.tags(), c.owner(), c.notes(), c.birthday(), c.createdAt(), c.updatedAt(), version);
    }
}
