package org.bastion.crm.permissions.internal.role;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.permissions.internal.CurrentCaller;
import org.bastion.crm.permissions.internal.PermissionCatalogue;
import org.bastion.crm.permissions.internal.PermissionEventPublisher;
import org.bastion.crm.permissions.internal.PermissionsImpl;
import org.bastion.crm.permissions.internal.role.RoleTable.RoleEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Roles for administrators: built-in roles are read-only, custom ones are created, changed and deleted here (reading
 * needs {@code roles:read}, changing {@code roles:manage}); each change is stored, replaces the role table every check
 * reads, and posts a {@link PermissionEvents} event. Changes are serialised in this instance (one CRM node), so two
 * grants to one role never lose each other.
 */
@Component(service = RoleService.class)
public final class RoleServiceImpl implements RoleService {

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callers;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile UserDirectory directory;

    private final RoleStore store;
    private final PermissionCatalogue catalogue;
    private final PermissionsImpl permissions;
    private final PermissionEventPublisher events;

    @Activate
    public RoleServiceImpl(@Reference RoleStore store, @Reference PermissionCatalogue catalogue,
            @Reference PermissionsImpl permissions, @Reference PermissionEventPublisher events) {
        this.store = store;
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.events = events;
    }

    @Override
    public List<Role> list() {
        caller(StandardPermissions.ROLES_READ);
        return store.table().roles().stream().map(this::toRole).toList();
    }

    @Override
    public Optional<Role> find(String name) {
        caller(StandardPermissions.ROLES_READ);
        return store.table().find(name).map(this::toRole);
    }

    @Override
    public synchronized Role create(RoleDraft draft) {
        Caller actor = caller(StandardPermissions.ROLES_MANAGE);
        if (draft == null) {
            throw new RoleValidator().error("role", "a role is required").toException();
        }
        Set<String> granted = draft.permissions() == null ? Set.of() : draft.permissions();
        new RoleValidator().name(draft.name()).description(draft.description())
                .granted(granted, granted.size(), catalogue).throwIfInvalid();
        if (BuiltInRoles.isBuiltIn(draft.name())) {
            throw new ConflictException("the role name " + draft.name() + " is a built-in role's");
        }
        if (store.table().find(draft.name()).isPresent()) {
            throw new ConflictException("the role name " + draft.name() + " is taken");
        }
        requireHeld(actor, granted);
        store.insert(draft.name(), draft.description(), granted,
                events.change(entry(AuditActions.ROLE_CREATED, draft.name(), granted, Set.of())));
        post(PermissionEvents.ROLE_CREATED, actor, draft.name(), granted, Set.of());
        return current(draft.name());
    }

    @Override
    public synchronized Role update(String name, RoleDraft draft) {
        Caller actor = caller(StandardPermissions.ROLES_MANAGE);
        RoleEntry existing = custom(name);
        if (draft == null) {
            throw new RoleValidator().error("role", "a role is required").toException();
        }
        Set<String> wanted = draft.permissions() == null ? Set.of() : draft.permissions();
        Set<String> added = difference(wanted, existing.permissions());
        new RoleValidator().description(draft.description()).granted(added, wanted.size(), catalogue)
                .throwIfInvalid();
        requireHeld(actor, added);
        store.replace(name, draft.description(), wanted, events.change(entry(AuditActions.ROLE_UPDATED, name, added,
                difference(existing.permissions(), wanted))));
        post(PermissionEvents.ROLE_UPDATED, actor, name, added, difference(existing.permissions(), wanted));
        return current(name);
    }

    @Override
    public synchronized Role grant(String name, Set<String> permissionsToAdd) {
        Caller actor = caller(StandardPermissions.ROLES_MANAGE);
        RoleEntry existing = custom(name);
        Set<String> asked = permissionsToAdd == null ? Set.of() : permissionsToAdd;
        Set<String> added = difference(asked, existing.permissions());
        Set<String> after = new HashSet<>(existing.permissions());
        after.addAll(added);
        RoleValidator validator = new RoleValidator().granted(added, after.size(), catalogue);
        if (asked.isEmpty()) {
            validator.error("permissions", "name at least one permission");
        }
        validator.throwIfInvalid();
        requireHeld(actor, added);
        if (!added.isEmpty()) {
            store.replace(name, existing.description(), after,
                    events.change(entry(AuditActions.ROLE_UPDATED, name, added, Set.of())));
            post(PermissionEvents.ROLE_UPDATED, actor, name, added, Set.of());
        }
        return current(name);
    }

    @Override
    public synchronized Role revoke(String name, Set<String> permissionsToRemove) {
        Caller actor = caller(StandardPermissions.ROLES_MANAGE);
        RoleEntry existing = custom(name);
        Set<String> asked = permissionsToRemove == null ? Set.of() : permissionsToRemove;
        RoleValidator validator = new RoleValidator();
        if (asked.isEmpty()) {
            validator.error("permissions", "name at least one permission");
        }
        for (String permission : new TreeSet<>(asked)) {
            if (!existing.permissions().contains(permission)) {
                validator.error("permissions", "role " + name + " does not grant " + permission);
            }
        }
        validator.throwIfInvalid();
        Set<String> after = difference(existing.permissions(), asked);
        store.replace(name, existing.description(), after,
                events.change(entry(AuditActions.ROLE_UPDATED, name, Set.of(), asked)));
        post(PermissionEvents.ROLE_UPDATED, actor, name, Set.of(), asked);
        return current(name);
    }

    @Override
    public synchronized void delete(String name) {
        Caller actor = caller(StandardPermissions.ROLES_MANAGE);
        RoleEntry existing = custom(name);
        UserDirectory users = directory;
        if (users == null) {
            throw new ServiceUnavailableException("the user directory is not available to tell whether users hold role "
                    + name + "; try again later");
        }
        long holders = users.holders(name);
        if (holders > 0) {
            throw new ConflictException("role " + name + " is held by " + holders + (holders == 1 ? " user" : " users")
                    + "; take it from them first");
        }
        if (!store.delete(name, events.change(entry(AuditActions.ROLE_DELETED, name, Set.of(),
                existing.permissions())))) {
            throw new NotFoundException("role", name);
        }
        post(PermissionEvents.ROLE_DELETED, actor, name, Set.of(), existing.permissions());
    }

    @Override
    public List<PermissionDefinition> catalogue() {
        caller(StandardPermissions.ROLES_READ);
        return catalogue.definitions();
    }

    /** No one grants more than they hold: each permission added to a role must be one the actor holds. */
    private void requireHeld(Caller actor, Set<String> added) {
        List<String> beyond = added.stream().filter(permission -> !permissions.isPermitted(actor, permission))
                .sorted().toList();
        if (!beyond.isEmpty()) {
            throw new AccessDeniedException("you can only grant permissions you hold yourself; you do not hold "
                    + String.join(", ", beyond));
        }
    }

    private Caller caller(String permission) {
        Caller caller = CurrentCaller.of(callers);
        permissions.check(caller, permission);
        return caller;
    }

    private RoleEntry custom(String name) {
        if (BuiltInRoles.isBuiltIn(name)) {
            throw new ConflictException("built-in role " + name + " cannot be changed");
        }
        return store.table().find(name).orElseThrow(() -> new NotFoundException("role", name));
    }

    private Role current(String name) {
        return store.table().find(name).map(this::toRole).orElseThrow(() -> new NotFoundException("role", name));
    }

    private Role toRole(RoleEntry entry) {
        Set<String> undefined = new TreeSet<>();
        for (String permission : entry.permissions()) {
            if (!catalogue.defines(permission)) {
                undefined.add(permission);
            }
        }
        return new Role(entry.name(), entry.description(), entry.permissions(), entry.builtIn(), undefined);
    }

    private void post(String topic, Caller actor, String role, Set<String> granted, Set<String> revoked) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PermissionEvents.ROLE, role);
        properties.put(PermissionEvents.GRANTED, PermissionEventPublisher.sorted(granted));
        properties.put(PermissionEvents.REVOKED, PermissionEventPublisher.sorted(revoked));
        events.post(topic, actor, properties);
    }

    private static AuditEntry entry(String action, String role, Set<String> granted, Set<String> revoked) {
        return AuditEntry.success(action).target("role", role)
                .detail("granted", String.join(",", new TreeSet<>(granted)))
                .detail("revoked", String.join(",", new TreeSet<>(revoked))).build();
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> result = new HashSet<>(from);
        result.removeAll(minus);
        return result;
    }
}
