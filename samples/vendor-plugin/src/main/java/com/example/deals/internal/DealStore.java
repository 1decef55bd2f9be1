package com.example.deals.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;

import com.example.deals.Deal;
import com.example.deals.DealQuery;

/** Where deals are kept, as stored (notes as ciphertext); it checks no permission. */
public interface DealStore {

    /** Stores a new deal. */
    void insert(Deal deal);

    /** The stored deal with this id. */
    Optional<Deal> find(UUID id);

    /** Replaces the stored deal if it is still at {@code expectedVersion}; false otherwise. */
    boolean update(Deal deal, long expectedVersion);

    /** Removes a deal (only at {@code expectedVersion} when it is not negative); false when nothing was removed. */
    boolean delete(UUID id, long expectedVersion);

    /**
     * One page of the deals matching the query's filters, owned by one of {@code owners} (every owner when null),
     * in {@code order} (resolved sort keys ending with id).
     */
    Page<Deal> search(DealQuery query, Set<String> owners, List<SortKey> order);
}
