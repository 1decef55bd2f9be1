package org.bastion.crm.permissions.internal.team;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.permissions.internal.CurrentCaller;
import org.bastion.crm.permissions.internal.PermissionEventPublisher;
import org.bastion.crm.permissions.internal.PermissionRules;
import org.bastion.crm.permissions.internal.PermissionsImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Teams for administrators (reading needs {@code teams:read}, changing {@code teams:manage}; a user may always see his
 * own teams): members are CRM users the {@link UserDirectory} knows. Each change is stored, replaces the team table
 * team-scoped checks read, and posts a {@link PermissionEvents} event. Changes are serialised in this instance.
 */
@Component(service = TeamService.class)
public final class TeamServiceImpl implements TeamService {

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callers;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile UserDirectory directory;

    private final TeamStore store;
    private final PermissionsImpl permissions;
    private final PermissionEventPublisher events;

    @Activate
    public TeamServiceImpl(@Reference TeamStore store, @Reference PermissionsImpl permissions,
            @Reference PermissionEventPublisher events) {
        this.store = store;
        this.permissions = permissions;
        this.events = events;
    }

    @Override
    public List<Team> list() {
        caller(StandardPermissions.TEAMS_READ);
        return store.table().teams();
    }

    @Override
    public Optional<Team> find(String name) {
        caller(StandardPermissions.TEAMS_READ);
        return store.table().find(name);
    }

    @Override
    public synchronized Team create(TeamDraft draft) {
        Caller actor = caller(StandardPermissions.TEAMS_MANAGE);
        if (draft == null) {
            throw ValidationException.of("team", "a team is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!PermissionRules.validName(draft.name())) {
            errors.add(new FieldError("name", "a team name is 2 to 40 lower-case letters, digits or '-',"
                    + " starting with a letter"));
        }
        checkDescription(draft.description(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (store.table().find(draft.name()).isPresent()) {
            throw new ConflictException("the team name " + draft.name() + " is taken");
        }
        store.insert(draft.name(), draft.description(), events.change(entry(AuditActions.TEAM_CREATED, draft.name(),
                null)));
        post(PermissionEvents.TEAM_CREATED, actor, draft.name(), null);
        return existing(draft.name());
    }

    @Override
    public synchronized Team update(String name, TeamDraft draft) {
        Caller actor = caller(StandardPermissions.TEAMS_MANAGE);
        existing(name);
        List<FieldError> errors = new ArrayList<>();
        String description = draft == null ? null : draft.description();
        checkDescription(description, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!store.updateDescription(name, description, events.change(entry(AuditActions.TEAM_UPDATED, name,
                null)))) {
            throw new NotFoundException("team", name);
        }
        post(PermissionEvents.TEAM_UPDATED, actor, name, null);
        return existing(name);
    }

    @Override
    public synchronized void delete(String name) {
        Caller actor = caller(StandardPermissions.TEAMS_MANAGE);
        existing(name);
        if (!store.delete(name, events.change(entry(AuditActions.TEAM_DELETED, name, null)))) {
            throw new NotFoundException("team", name);
        }
        post(PermissionEvents.TEAM_DELETED, actor, name, null);
    }

    @Override
    public synchronized Team addMember(String name, String userId) {
        Caller actor = caller(StandardPermissions.TEAMS_MANAGE);
        Team team = existing(name);
        UserDirectory users = directory;
        if (users == null) {
            throw ValidationException.of("userId", "users cannot be checked right now (the user directory is not"
                    + " available); try again later");
        }
        if (userId == null || users.usernameOf(userId).isEmpty()) {
            throw ValidationException.of("userId", "no user has the id " + userId);
        }
        if (team.members().contains(userId)) {
            return team;
        }
        if (team.members().size() >= PermissionRules.MAX_MEMBERS) {
            throw ValidationException.of("userId", "a team has at most " + PermissionRules.MAX_MEMBERS + " members");
        }
        store.addMember(name, userId, events.change(entry(AuditActions.TEAM_MEMBER_ADDED, name, userId)));
        post(PermissionEvents.TEAM_MEMBER_ADDED, actor, name, userId);
        return existing(name);
    }

    @Override
    public synchronized Team removeMember(String name, String userId) {
        Caller actor = caller(StandardPermissions.TEAMS_MANAGE);
        Team team = existing(name);
        if (userId == null || !team.members().contains(userId)) {
            throw ValidationException.of("userId", "user " + userId + " is not a member of team " + name);
        }
        store.removeMember(name, userId, events.change(entry(AuditActions.TEAM_MEMBER_REMOVED, name, userId)));
        post(PermissionEvents.TEAM_MEMBER_REMOVED, actor, name, userId);
        return existing(name);
    }

    @Override
    public List<Team> teamsOf(String userId) {
        Caller caller = CurrentCaller.of(callers);
        boolean himself = caller.authenticated() && caller.id().equals(userId);
        if (!himself) {
            permissions.check(caller, StandardPermissions.TEAMS_READ);
        }
        return store.table().teamsOf(userId);
    }

    @Override
    public Set<String> teamMatesOf(String userId) {
        return store.teamMatesOf(userId);
    }

    private Caller caller(String permission) {
        Caller caller = CurrentCaller.of(callers);
        permissions.check(caller, permission);
        return caller;
    }

    private Team existing(String name) {
        return store.table().find(name).orElseThrow(() -> new NotFoundException("team", name));
    }

    private static void checkDescription(String description, List<FieldError> errors) {
        PermissionRules.descriptionError(description).ifPresent(errors::add);
    }

    private static AuditEntry entry(String action, String team, String userId) {
        return AuditEntry.success(action).target("team", team).detail("user", userId).build();
    }

    private void post(String topic, Caller actor, String team, String userId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PermissionEvents.TEAM, team);
        properties.put(PermissionEvents.USER_ID, userId);
        events.post(topic, actor, properties);
    }
}
