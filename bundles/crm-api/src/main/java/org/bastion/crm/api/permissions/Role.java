package org.bastion.crm.api.permissions;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A role: a named set of permissions. Built-in roles are defined in code and cannot be changed or deleted; custom
 * roles are the administrators'.
 *
 * @param name the role's name, its identifier (lower case letters, digits and '-')
 * @param description what the role is for
 * @param permissions the permissions granted, sorted
 * @param builtIn whether the role is one of the built-in ones
 * @param undefined those of {@code permissions} that no installed bundle defines (kept, in effect once it is back)
 */
public record Role(String name, String description, Set<String> permissions, boolean builtIn, Set<String> undefined) {

    public Role {
        permissions = Collections.unmodifiableSortedSet(new TreeSet<>(permissions == null ? Set.of() : permissions));
        undefined = Collections.unmodifiableSortedSet(new TreeSet<>(undefined == null ? Set.of() : undefined));
    }
}
