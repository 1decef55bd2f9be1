package com.example.deals.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;

import com.example.deals.Deal;
import com.example.deals.DealQuery;

/** A {@link DealStore} in a map, filtering and sorting like the JDBC one, for the service's tests. */
final class InMemoryDealStore implements DealStore {

    private final Map<UUID, Deal> deals = new ConcurrentHashMap<>();

    /** The deal exactly as stored (notes as ciphertext). */
    Deal stored(UUID id) {
        return deals.get(id);
    }

    @Override
    public void insert(Deal deal) {
        deals.put(deal.id(), deal);
    }

    @Override
    public Optional<Deal> find(UUID id) {
        return Optional.ofNullable(deals.get(id));
    }

    @Override
    public boolean update(Deal deal, long expectedVersion) {
        Deal current = deals.get(deal.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        deals.put(deal.id(), deal);
        return true;
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        Deal current = deals.get(id);
        return current != null && (expectedVersion < 0 || current.version() == expectedVersion) && deals.remove(id) != null;
    }

    @Override
    public Page<Deal> search(DealQuery query, Set<String> owners, List<SortKey> order) {
        List<Deal> matching = deals.values().stream()
                .filter(d -> query.stage() == null || d.stage() == query.stage())
                .filter(d -> query.owner() == null || d.owner().equals(query.owner()))
                .filter(d -> query.contactId() == null || query.contactId().equals(d.contactId()))
                .filter(d -> owners == null || owners.contains(d.owner()))
                .sorted(comparator(order)).toList();
        int from = (int) Math.min(query.page().offset(), matching.size());
        int to = Math.min(from + query.page().size(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), query.page().page(), query.page().size());
    }

    private static Comparator<Deal> comparator(List<SortKey> order) {
        Comparator<Deal> result = (a, b) -> 0;
        for (SortKey key : order) {
            Comparator<Deal> one = switch (key.field()) {
                case "title" -> Comparator.comparing(Deal::title);
                case "amount" -> Comparator.comparing(Deal::amount, BigDecimal::compareTo);
                case "createdAt" -> Comparator.comparing(Deal::createdAt);
                case "updatedAt" -> Comparator.comparing(Deal::updatedAt);
                case "stage" -> Comparator.comparing(d -> d.stage().name());
                case "id" -> Comparator.comparing(d -> d.id().toString());
                default -> throw new IllegalArgumentException(key.field());
            };
            result = result.thenComparing(key.ascending() ? one : one.reversed());
        }
        return result;
    }
}
