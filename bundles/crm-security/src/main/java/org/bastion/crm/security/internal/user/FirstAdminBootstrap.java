package org.bastion.crm.security.internal.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.UserRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the first administrator, {@value #USERNAME} (role admin), when the database holds no user at all: with the
 * password in the environment variable {@value #ENVIRONMENT_VARIABLE} if it passes the password policy (else nothing is
 * created and the log says why), otherwise with a random password written to the configured file (owner-only, never
 * overwritten) and a warning naming the file. The password itself is never logged. No other account is ever created.
 */
@Component
public final class FirstAdminBootstrap {

    /** The first administrator's username. */
    public static final String USERNAME = "admin";
    /** The environment variable holding the first administrator's password. */
    public static final String ENVIRONMENT_VARIABLE = "CRM_ADMIN_PASSWORD";
    /** The length of a generated password. */
    static final int GENERATED_LENGTH = 24;

    private static final System.Logger LOG = System.getLogger(FirstAdminBootstrap.class.getName());
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserStore users;
    private final SecurityPolicy policy;
    private final SecurityEventPublisher events;
    private final UnaryOperator<String> environment;
    private final SecureRandom random;

    @Activate
    public FirstAdminBootstrap(@Reference UserStore users, @Reference SecurityPolicy policy,
            @Reference SecurityEventPublisher events) {
        this(users, policy, events, System::getenv, new SecureRandom());
        createIfNoUser();
    }

    /** A bootstrap reading the environment through {@code environment}; call {@link #createIfNoUser}. */
    public FirstAdminBootstrap(UserStore users, SecurityPolicy policy, SecurityEventPublisher events,
            UnaryOperator<String> environment, SecureRandom random) {
        this.users = users;
        this.policy = policy;
        this.events = events;
        this.environment = environment;
        this.random = random;
    }

    /** Creates the first administrator if there is no user; whether it did. Never throws. */
    public boolean createIfNoUser() {
        try {
            if (users.count() > 0) {
                return false;
            }
            String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
            return fromEnvironment != null && !fromEnvironment.isEmpty()
                    ? createWith(fromEnvironment) : createWithGeneratedPassword();
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not create the first administrator: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            return false;
        }
    }

    private boolean createWith(String password) {
        try {
            policy.passwordPolicy().check(USERNAME, password);
        } catch (ValidationException e) {
            LOG.log(System.Logger.Level.ERROR, "The first administrator was NOT created: the password in "
                    + ENVIRONMENT_VARIABLE + " " + e.errors().get(0).message() + " (minimum length "
                    + policy.passwordPolicy().minimumLength() + "). Set another one and restart, or unset it to get a"
                    + " generated password.");
            return false;
        }
        if (!create(password)) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "Created the first administrator '" + USERNAME + "' with the password from "
                + ENVIRONMENT_VARIABLE + ". Log in, set up two-factor login and change the password.");
        return true;
    }

    private boolean createWithGeneratedPassword() throws IOException {
        Path file = policy.settings().adminPasswordFile().toAbsolutePath();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.log(System.Logger.Level.ERROR, "The first administrator was NOT created: " + file + " exists already"
                    + " and is never overwritten. Delete it (or set " + ENVIRONMENT_VARIABLE + ") and restart.");
            return false;
        }
        String password = generatePassword();
        InitialPasswordFile.write(file, password);
        boolean created = false;
        try {
            created = create(password);
        } finally {
            if (!created) {
                Files.deleteIfExists(file);
            }
        }
        if (created) {
            LOG.log(System.Logger.Level.WARNING, "Created the first administrator '" + USERNAME + "' with a random password"
                    + " written to " + file + " (readable by its owner only). Log in, set up two-factor login, change the"
                    + " password, then delete that file.");
        }
        return created;
    }

    private boolean create(String password) {
        UserRow row;
        try {
            // recorded when a trail is there; never refused (the first start comes before crm-audit's)
            row = users.create(USERNAME, "Administrator", null, policy.hasher().hash(password),
                    Set.of(SecurityRoles.ADMIN), created -> {
                        if (events.audit().active()) {
                            events.audit().change(AuditEntry.success(AuditActions.USER_CREATED)
                                    .target("user", created.id()).actor(AuditActor.SYSTEM)
                                    .detail("roles", SecurityRoles.ADMIN).build());
                        }
                    });
        } catch (ConflictException raced) {
            LOG.log(System.Logger.Level.INFO, "The first administrator was created by another node meanwhile");
            return false;
        }
        events.post(SecurityEvents.USER_CREATED, Map.of(SecurityEvents.USER_ID, row.id(),
                SecurityEvents.USERNAME, USERNAME, SecurityEvents.ACTOR, Caller.SYSTEM.id()));
        return true;
    }

    /** A random password of at least {@value #GENERATED_LENGTH} characters (more if the policy asks for more). */
    String generatePassword() {
        int length = Math.max(GENERATED_LENGTH, policy.passwordPolicy().minimumLength());
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
