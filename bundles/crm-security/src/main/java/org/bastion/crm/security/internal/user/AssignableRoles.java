package org.bastion.crm.security.internal.user;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.security.SecurityRoles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Judges the roles an administrator assigns to a user: at least one, at most {@value #MAX_ROLES}, each existing. The
 * roles that exist are the permissions bundle's ({@link RoleService#list()}, built-in and custom) when it is installed
 * and lets the caller read roles; otherwise the built-in ones ({@link SecurityRoles#BUILT_IN}) only.
 */
@Component(service = AssignableRoles.class)
public final class AssignableRoles {

    /** The most roles one user may hold. */
    public static final int MAX_ROLES = 20;
    /** The longest role name a user can hold (the {@code crm_user_role.role} column). */
    public static final int MAX_NAME = 40;
    /** The field the errors name. */
    static final String FIELD = "roles";

    /** Optional: without the permissions bundle only built-in roles can be assigned. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile RoleService roleService;

    /**
     * The roles, sorted, when every rule holds.
     *
     * @throws ValidationException naming every problem (each unknown role by name)
     */
    public SortedSet<String> validate(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ValidationException.of(FIELD, "must name at least one role");
        }
        if (roles.size() > MAX_ROLES) {
            throw ValidationException.of(FIELD, "must name at most " + MAX_ROLES + " roles");
        }
        if (roles.stream().anyMatch(role -> role == null || role.isBlank() || role.length() > MAX_NAME)) {
            throw ValidationException.of(FIELD, "role names must be 1 to " + MAX_NAME + " characters");
        }
        Set<String> existing = existing();
        List<FieldError> errors = new ArrayList<>();
        for (String role : new TreeSet<>(roles)) {
            if (!existing.contains(role)) {
                errors.add(new FieldError(FIELD, "unknown role " + role));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }

    /** The names of the roles that exist, as far as the caller may know. */
    public Set<String> existing() {
        RoleService roles = roleService;
        if (roles == null) {
            return SecurityRoles.BUILT_IN;
        }
        try {
            return roles.list().stream().map(Role::name).collect(Collectors.toSet());
        } catch (AccessDeniedException mayNotReadRoles) {
            return SecurityRoles.BUILT_IN;
        }
    }
}
