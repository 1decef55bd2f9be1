package org.bastion.crm.permissions.internal.rest;

import java.util.List;

/**
 * A whole list on the wire, {@code {"items":[...]}} (roles, teams and permissions are few: no paging).
 *
 * @param items the items, in the order the resource documents
 * @param <T> the item's body
 */
public record ItemsBody<T>(List<T> items) {

    public ItemsBody {
        items = List.copyOf(items);
    }
}
