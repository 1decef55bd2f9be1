package org.bastion.crm.security.internal.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.RecoveryCodeRepository;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.login.LoginGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads and creates users and turns their rows into {@link User}s: the e-mail address and TOTP secret are encrypted
 * under a record key of kind {@value #RECORD_KIND} per user (the crypto bundle's {@link FieldCipher}; while its keys are
 * locked, anything that decrypts throws {@link org.bastion.crm.api.crypto.KeysLockedException}, a 503), a brute-force
 * lock shows as {@link UserStatus#LOCKED}. Creating a user updates the {@link UserDirectoryImpl}; other changes call
 * {@link #changed}.
 */
@Component(service = UserStore.class)
public final class UserStore {

    /** The record kind of users' keys. */
    public static final String RECORD_KIND = "user";
    /** The field name the e-mail ciphertext is bound to. */
    public static final String EMAIL_FIELD = "email";
    /** The field name the TOTP secret ciphertext is bound to. */
    public static final String TOTP_FIELD = "totpSecret";

    private final SecurityDatabase database;
    private final FieldCipher fieldCipher;
    private final LoginGuard guard;
    private final SecurityPolicy policy;
    private final Clock clock;
    private final UserDirectoryImpl directory;

    @Activate
    public UserStore(@Reference SecurityDatabase database, @Reference FieldCipher fieldCipher,
            @Reference LoginGuard guard, @Reference SecurityPolicy policy, @Reference UserDirectoryImpl directory) {
        this(database, fieldCipher, guard, policy, directory, Clock.systemUTC());
    }

    public UserStore(SecurityDatabase database, FieldCipher fieldCipher, LoginGuard guard, SecurityPolicy policy,
            UserDirectoryImpl directory, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.fieldCipher = fieldCipher;
        this.guard = guard;
        this.policy = policy;
        this.clock = clock;
    }

    /** The database the users live in. */
    public SecurityDatabase database() {
        return database;
    }

    /** The row of user {@code id}. */
    public Optional<UserRow> row(String id) {
        return id == null ? Optional.empty() : database.read(c -> UserRepository.findById(c, id));
    }

    /** The row of user {@code id}, or {@link NotFoundException}. */
    public UserRow require(String id) {
        return row(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** The row of the user with a (normalised, lower-case) username. */
    public Optional<UserRow> rowByUsername(String username) {
        return database.read(c -> UserRepository.findByUsername(c, username));
    }

    /** How many users exist. */
    public long count() {
        return database.read(UserRepository::count);
    }

    /**
     * Creates a user (already validated) with its record key and encrypted e-mail, in one transaction.
     *
     * @throws org.bastion.crm.api.ConflictException when the username is taken
     */
    public UserRow create(String username, String displayName, String email, String passwordHash, Set<String> roles) {
        return create(username, displayName, email, passwordHash, roles, null);
    }

    /**
     * As {@link #create(String, String, String, String, Set)}, giving the new row to {@code inTransaction} (may be
     * null; the audit entry of the creation) in the same transaction.
     */
    public UserRow create(String username, String displayName, String email, String passwordHash, Set<String> roles,
            java.util.function.Consumer<UserRow> inTransaction) {
        String id = UUID.randomUUID().toString();
        UserRow created = database.write(c -> {
            String emailCiphertext = email == null ? null
                    : fieldCipher.createRecordKey(new RecordRef(RECORD_KIND, id)).encrypt(EMAIL_FIELD, email);
            UserRow row = new UserRow(id, username, displayName, emailCiphertext, passwordHash, UserStatus.ACTIVE,
                    null, false, null, clock.instant(), null, 0, roles);
            UserRepository.insert(c, row);
            if (inTransaction != null) {
                inTransaction.accept(row);
            }
            return row;
        });
        directory.refresh(id);
        return created;
    }

    /** Tells the {@link UserDirectoryImpl} that user {@code id}'s status or roles changed; call after the commit. */
    public void changed(String id) {
        directory.refresh(id);
    }

    /**
     * The cipher of the user's record key, creating the key if the user has none yet (the first administrator is
     * created without one, so that it does not depend on the crypto keys being unlocked); call inside a write.
     */
    public RecordCipher cipherFor(String userId) {
        RecordRef record = new RecordRef(RECORD_KIND, userId);
        try {
            return fieldCipher.recordCipher(record);
        } catch (NotFoundException noKeyYet) {
            return fieldCipher.createRecordKey(record);
        }
    }

    /** The cipher of the user's existing record key. */
    public RecordCipher existingCipher(String userId) {
        return fieldCipher.recordCipher(new RecordRef(RECORD_KIND, userId));
    }

    /** The user as the API shows it. */
    public User toUser(UserRow row) {
        String email = row.emailCiphertext() == null ? null : existingCipher(row.id()).decrypt(EMAIL_FIELD,
                row.emailCiphertext());
        int codesLeft = row.totpEnabled() ? database.read(c -> RecoveryCodeRepository.countUnused(c, row.id())) : 0;
        return toUser(row, email, codesLeft);
    }

    /** Many users as the API shows them, decrypting with one key lookup. */
    public List<User> toUsers(List<UserRow> rows) {
        List<String> withEmail = rows.stream().filter(r -> r.emailCiphertext() != null).map(UserRow::id).toList();
        Map<String, RecordCipher> ciphers = withEmail.isEmpty() ? Map.of()
                : fieldCipher.recordCiphers(RECORD_KIND, withEmail);
        List<User> users = new ArrayList<>(rows.size());
        for (UserRow row : rows) {
            RecordCipher cipher = ciphers.get(row.id());
            String email = cipher == null || row.emailCiphertext() == null ? null
                    : cipher.decrypt(EMAIL_FIELD, row.emailCiphertext());
            int codesLeft = row.totpEnabled()
                    ? database.read(c -> RecoveryCodeRepository.countUnused(c, row.id())) : 0;
            users.add(toUser(row, email, codesLeft));
        }
        return users;
    }

    private User toUser(UserRow row, String email, int recoveryCodesLeft) {
        Instant lockedUntil = row.isActive() ? guard.lockedUntil(row.username()) : null;
        UserStatus status = lockedUntil != null ? UserStatus.LOCKED : row.status();
        return new User(row.id(), row.username(), row.displayName(), email, status, lockedUntil, row.roles(),
                row.totpEnabled(), policy.settings().requiresTotp(row.roles()), recoveryCodesLeft, row.createdAt(),
                row.lastLoginAt());
    }
}
