package org.bastion.crm.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.testing.LocalTransactions;
import org.bastion.crm.security.internal.account.AccountServiceImpl;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.login.AuthenticatorImpl;
import org.bastion.crm.security.internal.login.LoginGuard;
import org.bastion.crm.security.internal.mfa.SecondFactor;
import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.password.Argon2idParameters;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.bastion.crm.security.internal.session.SessionServiceImpl;
import org.bastion.crm.security.internal.totp.Base32;
import org.bastion.crm.security.internal.totp.Totp;
import org.bastion.crm.security.internal.user.AssignableRoles;
import org.bastion.crm.security.internal.user.UserDirectoryImpl;
import org.bastion.crm.security.internal.user.UserServiceImpl;
import org.bastion.crm.security.internal.user.UserStore;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.RecordingAuditLog;
import org.bastion.crm.testing.RecordingEvents;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Every security service wired by hand over a fresh in-memory H2 database migrated by the bundle's own script, a fake
 * FieldCipher, recorded events, a clock moved by hand and a caller set by the test. Hashes use a cheap argon2id cost.
 */
public final class SecurityFixture {

    /** Cheap argon2id parameters so that tests stay fast. */
    public static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    /** A password the policy accepts. */
    public static final String PASSWORD = "correct horse battery staple";
    /** The fixture's common-password list. */
    public static final Set<String> COMMON = Set.of("password1234", "qwertyuiopas");

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final MutableClock clock;
    public final FakeFieldCipher cipher;
    public final RecordingEvents events = new RecordingEvents();
    public final SecurityEventPublisher publisher = new SecurityEventPublisher();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    /** The audit policy the publisher sees; {@code required} is set by the test. */
    public volatile boolean auditRequired;
    public volatile Caller caller = Caller.ANONYMOUS;
    public final CallerContext callerContext = () -> caller;
    public final SecurityDatabase database;
    public final SecurityPolicy policy;
    public final LoginGuard guard;
    public final UserDirectoryImpl directory;
    public final UserAdministrationAccess access;
    public final AssignableRoles assignableRoles = new AssignableRoles();
    public final UserStore users;
    public final SessionRegistry sessions;
    public final SecondFactor secondFactor;
    public final AuthenticatorImpl authenticator;
    public final AccountServiceImpl accounts;
    public final UserServiceImpl userService;
    public final SessionServiceImpl sessionService;
    private final SecuritySettings settings;

    public SecurityFixture() {
        this(SecuritySettings.DEFAULTS);
    }

    public SecurityFixture(SecuritySettings settings) {
        this(settings, "jdbc:h2:mem:security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", new FakeFieldCipher(),
                new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
    }

    private SecurityFixture(SecuritySettings settings, String url, FakeFieldCipher cipher, MutableClock clock) {
        this.settings = settings;
        this.cipher = cipher;
        this.clock = clock;
        dataSource.setURL(url);
        dataSource.setUser("sa");
        try {
            database = new SecurityDatabase(dataSource, new LocalTransactions(dataSource), scripts());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        publisher.eventAdmin = events;
        publisher.auditLog = audit;
        publisher.auditPolicy = () -> auditRequired;
        SecureRandom random = new SecureRandom();
        policy = new SecurityPolicy(settings, new Argon2idHasher(random, CHEAP), COMMON);
        guard = new LoginGuard(settings.throttle(), clock, publisher, database);
        directory = new UserDirectoryImpl(database);
        access = new UserAdministrationAccess(directory);
        users = new UserStore(database, cipher, guard, policy, directory, clock);
        sessions = new SessionRegistry(database, policy, directory, publisher, clock, random);
        secondFactor = new SecondFactor(users, clock);
        authenticator = new AuthenticatorImpl(users, policy, guard, sessions, secondFactor, publisher, clock);
        accounts = new AccountServiceImpl(callerContext, users, policy, guard, sessions, secondFactor, publisher, clock,
                random);
        userService = new UserServiceImpl(callerContext, users, policy, guard, sessions, publisher, access,
                assignableRoles);
        sessionService = new SessionServiceImpl(callerContext, sessions, users, publisher, access);
    }

    /**
     * The same database, keys and clock with every service built anew and nothing in memory: what a restart (or a
     * crash) of the CRM keeps.
     */
    public SecurityFixture restarted() {
        return new SecurityFixture(settings, dataSource.getURL(), cipher, clock);
    }

    /** The bundle's first migration script. */
    public static Migration script() {
        return script("V1__create_tables.sql");
    }

    /** Every migration script of the bundle, in order. */
    public static List<Migration> scripts() {
        return List.of(script(), script("V2__login_locks.sql"), script("V3__address_refusals.sql"));
    }

    private static Migration script(String name) {
        try (InputStream in = SecurityFixture.class.getResourceAsStream("/db/security/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the audit log away (crm-audit uninstalled) or puts it back. */
    public void auditInstalled(boolean installed) {
        publisher.auditLog = installed ? audit : null;
    }

    /** A client at {@code address}. */
    public static ClientInfo client(String address) {
        return new ClientInfo(address, "JUnit", "rest");
    }

    /** An administrator caller who is not in the database (the services trust the caller's roles). */
    public void actAsAdmin() {
        caller = new Caller("test-admin", "Test admin", Set.of(SecurityRoles.ADMIN), true);
    }

    /** Acts as {@code user} with the user's roles. */
    public void actAs(User user) {
        caller = new Caller(user.id(), user.displayName(), user.roles(), true);
    }

    /** Registers {@code permissions} as the Permissions service the security bundle uses (null: none). */
    public void usePermissions(org.bastion.crm.api.permissions.Permissions permissions) {
        access.permissions = permissions;
    }

    /** Creates a user with {@link #PASSWORD} through the user service (as an administrator). */
    public User createUser(String username, String... roles) {
        Caller before = caller;
        actAsAdmin();
        try {
            return userService.create(new UserDraft(username, "User " + username, username + "@example.org", PASSWORD,
                    Set.of(roles)));
        } finally {
            caller = before;
        }
    }

    /** Enrols and confirms TOTP for {@code user}; returns the secret and the recovery codes. */
    public Enrolled enableTotp(User user) {
        Caller before = caller;
        actAs(user);
        try {
            byte[] secret = Base32.decode(accounts.enrolTotp().secret());
            List<String> codes = accounts.confirmTotp(codeNow(secret));
            clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
            return new Enrolled(secret, codes);
        } finally {
            caller = before;
        }
    }

    /** What TOTP enrolment gave. */
    public record Enrolled(byte[] secret, List<String> recoveryCodes) {
    }

    /** The TOTP code of {@code secret} now. */
    public String codeNow(byte[] secret) {
        return Totp.codeAt(secret, Totp.stepAt(clock.instant()));
    }

    /** Logs in and completes the second factor with the current code. */
    public LoginResult loginWithTotp(String username, byte[] secret, ClientInfo client) {
        LoginResult first = authenticator.login(username, PASSWORD, client);
        return authenticator.completeMfa(first.challenge(), codeNow(secret), client);
    }

    /** A single value from the database. */
    public Object query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count from the database. */
    public long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters)).longValue();
    }
}
