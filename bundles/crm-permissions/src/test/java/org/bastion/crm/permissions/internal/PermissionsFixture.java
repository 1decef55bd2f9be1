package org.bastion.crm.permissions.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.testing.LocalTransactions;
import org.bastion.crm.permissions.internal.catalogue.CatalogueTracker;
import org.bastion.crm.permissions.internal.catalogue.RolesAndTeamsPermissionSet;
import org.bastion.crm.permissions.internal.db.PermissionsDatabase;
import org.bastion.crm.permissions.internal.role.RoleServiceImpl;
import org.bastion.crm.permissions.internal.role.RoleServiceWiring;
import org.bastion.crm.permissions.internal.role.RoleStore;
import org.bastion.crm.permissions.internal.team.TeamServiceImpl;
import org.bastion.crm.permissions.internal.team.TeamServiceWiring;
import org.bastion.crm.permissions.internal.team.TeamStore;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.RecordingAuditLog;
import org.bastion.crm.testing.RecordingEvents;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Every permissions service wired by hand over a fresh in-memory H2 database migrated by the bundle's own script, a
 * fake user directory, recorded events, a catalogue fed with this bundle's set and a contacts-like set, and a caller
 * set by the test.
 */
public final class PermissionsFixture {

    /** Users of the fake directory. */
    public static final String ADMIN_ID = "u-admin";
    public static final String MANAGER_ID = "u-manager";
    public static final String SALES_ID = "u-sales";
    public static final String OTHER_ID = "u-other";

    /** A contacts-like set: scoped record actions and an unscoped export. */
    public static final List<PermissionDefinition> CONTACTS = List.of(
            new PermissionDefinition("contacts:read", "Read contacts.", true),
            new PermissionDefinition("contacts:write", "Change contacts.", true),
            new PermissionDefinition("contacts:delete", "Delete contacts.", true),
            new PermissionDefinition("contacts:read-sensitive", "Read sensitive fields.", true),
            new PermissionDefinition("contacts:write-sensitive", "Write sensitive fields.", true),
            new PermissionDefinition("contacts:export", "Export contacts.", false),
            new PermissionDefinition("companies:read", "Read companies.", true),
            new PermissionDefinition("companies:write", "Change companies.", true));

    private static final AtomicLong SERVICE_IDS = new AtomicLong();

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final FakeUserDirectory users = new FakeUserDirectory();
    public final RecordingEvents events = new RecordingEvents();
    public final PermissionEventPublisher publisher = new PermissionEventPublisher();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    /** The audit policy's {@code required}, set by the test. */
    public volatile boolean auditRequired;
    public volatile Caller caller = Caller.ANONYMOUS;
    public final PermissionsDatabase database;
    public final RoleStore roleStore;
    public final TeamStore teamStore;
    public final CatalogueTracker catalogue = new CatalogueTracker();
    public final PermissionsImpl permissions;
    public final RoleServiceImpl roles;
    public final TeamServiceImpl teams;

    public PermissionsFixture() {
        dataSource.setURL("jdbc:h2:mem:permissions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try {
            database = new PermissionsDatabase(dataSource, new LocalTransactions(dataSource), List.of(script()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        publisher.eventAdmin = events;
        publisher.auditLog = audit;
        publisher.auditPolicy = () -> auditRequired;
        roleStore = new RoleStore(database, clock);
        teamStore = new TeamStore(database, clock);
        register(new RolesAndTeamsPermissionSet(), "org.bastion.crm-permissions");
        register(() -> CONTACTS, "org.bastion.crm-contacts");
        permissions = new PermissionsImpl(roleStore, teamStore);
        permissions.directory = users;
        roles = new RoleServiceImpl(roleStore, catalogue, permissions, publisher);
        RoleServiceWiring.bind(roles, () -> caller, users);
        teams = new TeamServiceImpl(teamStore, permissions, publisher);
        TeamServiceWiring.bind(teams, () -> caller, users);
        users.put(ADMIN_ID, "ada", "admin");
        users.put(MANAGER_ID, "max", "sales-manager");
        users.put(SALES_ID, "sam", "sales");
        users.put(OTHER_ID, "olga", "sales");
    }

    /** Takes the audit log away (crm-audit uninstalled) or puts it back. */
    public void auditInstalled(boolean installed) {
        publisher.auditLog = installed ? audit : null;
    }

    /** The bundle's migration script. */
    public static Migration script() {
        try (InputStream in = PermissionsFixture.class.getResourceAsStream("/db/permissions/V1__create_tables.sql")) {
            return Migration.fromScript("V1__create_tables.sql", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a permission set with the catalogue as bundle {@code symbolicName}; returns its reference. */
    public ServiceReference<PermissionSet> register(PermissionSet set, String symbolicName) {
        ServiceReference<PermissionSet> reference = reference(symbolicName);
        catalogue.addPermissionSet(set, reference);
        return reference;
    }

    /** A service reference of a bundle with this symbolic name and a fresh service id. */
    @SuppressWarnings("unchecked")
    public static ServiceReference<PermissionSet> reference(String symbolicName) {
        ServiceReference<PermissionSet> reference = mock(ServiceReference.class);
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn(symbolicName);
        when(reference.getBundle()).thenReturn(bundle);
        when(reference.getProperty(Constants.SERVICE_ID)).thenReturn(SERVICE_IDS.incrementAndGet());
        return reference;
    }

    /** A CRM user caller (the roles it carries are ignored: the directory's count). */
    public static Caller user(String id, String... carriedRoles) {
        return new Caller(id, id, Set.of(carriedRoles), true);
    }

    /** Acts as the directory's administrator. */
    public void actAsAdmin() {
        caller = user(ADMIN_ID);
    }

    /** Acts as {@code id}. */
    public void actAs(String id) {
        caller = user(id);
    }

    /** A single value from the database (numbers as Long). */
    public Object query(String sql) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql);
             java.sql.ResultSet result = statement.executeQuery()) {
            Object value = result.next() ? result.getObject(1) : null;
            return value instanceof Number number ? (Object) number.longValue() : value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
