package org.bastion.crm.security.internal.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.api.security.UserStatus;

/** An in-memory {@link UserService} with the real one's rules that the commands rely on; records what it was given. */
class FakeUserService implements UserService {

    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

    final Map<String, User> byId = new LinkedHashMap<>();
    final Map<String, String> passwords = new LinkedHashMap<>();
    UserDraft lastDraft;
    PageRequest lastPage;
    final List<String> calls = new ArrayList<>();

    /** Stores a user as the database would hold it. */
    User add(String username, UserStatus status, Set<String> roles, boolean totpEnabled) {
        User user = new User(UUID.nameUUIDFromBytes(username.getBytes()).toString(), username,
                username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1), username + "@example.com",
                status, status == UserStatus.LOCKED ? CREATED.plusSeconds(600) : null, roles, totpEnabled,
                roles.contains(SecurityRoles.ADMIN), totpEnabled ? 10 : 0, CREATED, null);
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public User create(UserDraft draft) {
        lastDraft = draft;
        List<FieldError> errors = new ArrayList<>();
        if (draft.username() == null || draft.username().length() < 3) {
            errors.add(new FieldError("username", "must be 3 to 64 characters"));
        }
        if (draft.email() == null || !draft.email().contains("@")) {
            errors.add(new FieldError("email", "not a valid e-mail address"));
        }
        if (draft.password() == null || draft.password().length() < 12) {
            errors.add(new FieldError("password", "must be at least 12 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (findByUsername(draft.username()).isPresent()) {
            throw new ConflictException("username taken");
        }
        Set<String> roles = draft.roles().isEmpty() ? Set.of(SecurityRoles.DEFAULT_ROLE) : draft.roles();
        String username = draft.username().toLowerCase(Locale.ROOT);
        User user = new User(UUID.randomUUID().toString(), username, draft.displayName(), draft.email(),
                UserStatus.ACTIVE, null, roles, false, roles.contains(SecurityRoles.ADMIN), 0, CREATED, null);
        byId.put(user.id(), user);
        passwords.put(user.id(), draft.password());
        return user;
    }

    @Override
    public Page<User> list(PageRequest request) {
        lastPage = request;
        List<User> sorted = byId.values().stream().sorted(Comparator.comparing(User::username)).toList();
        int from = (int) Math.min(sorted.size(), request.offset());
        int to = Math.min(sorted.size(), from + request.size());
        return new Page<>(sorted.subList(from, to), sorted.size(), request.page(), request.size());
    }

    @Override
    public User get(String id) {
        User user = byId.get(id);
        if (user == null) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return byId.values().stream().filter(user -> user.username().equalsIgnoreCase(username)).findFirst();
    }

    @Override
    public User disable(String id) {
        return change(id, "disable", UserStatus.DISABLED, get(id).totpEnabled());
    }

    @Override
    public User enable(String id) {
        return change(id, "enable", UserStatus.ACTIVE, get(id).totpEnabled());
    }

    @Override
    public User unlock(String id) {
        return change(id, "unlock", UserStatus.ACTIVE, get(id).totpEnabled());
    }

    @Override
    public User resetPassword(String id, String newPassword) {
        if (newPassword.length() < 12) {
            throw ValidationException.of("password", "must be at least 12 characters");
        }
        passwords.put(id, newPassword);
        return change(id, "resetPassword", get(id).status(), get(id).totpEnabled());
    }

    @Override
    public User resetTotp(String id) {
        return change(id, "resetTotp", get(id).status(), false);
    }

    @Override
    public User setRoles(String id, Set<String> roles) {
        if (roles.isEmpty()) {
            throw ValidationException.of("roles", "must name at least one role");
        }
        List<FieldError> unknown = roles.stream().sorted().filter(role -> !SecurityRoles.BUILT_IN.contains(role))
                .map(role -> new FieldError("roles", "unknown role " + role)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        User old = get(id);
        calls.add("setRoles " + old.username() + " " + roles.stream().sorted().toList());
        User user = new User(old.id(), old.username(), old.displayName(), old.email(), old.status(), old.lockedUntil(),
                roles, old.totpEnabled(), roles.contains(SecurityRoles.ADMIN), old.recoveryCodesLeft(),
                old.createdAt(), old.lastLoginAt());
        byId.put(id, user);
        return user;
    }

    private User change(String id, String call, UserStatus status, boolean totpEnabled) {
        User old = get(id);
        calls.add(call + " " + old.username());
        User user = new User(old.id(), old.username(), old.displayName(), old.email(), status, null, old.roles(),
                totpEnabled, old.totpRequired(), totpEnabled ? old.recoveryCodesLeft() : 0, old.createdAt(),
                old.lastLoginAt());
        byId.put(id, user);
        return user;
    }
}
