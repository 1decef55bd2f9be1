package org.bastion.crm.itests.checks.permissions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bastion.crm.itests.checks.permissions.BuiltInRoles.Relation;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * The people and records of the authorization matrix, set up by the admin: one enrolled user per built-in role, a
 * sales "mate", all of them in one team, an outsider (sales) in no team; a contact and a company owned by each.
 * Destructive calls get fresh records from {@link #freshContact} and {@link #freshCompany}.
 */
public final class MatrixFixture {

    private final CrmApi admin;
    private final ApiClients clients;
    private final PermissionsApi adminPermissions;
    private final String team;
    private final Map<String, EnrolledUser> byRole = new LinkedHashMap<>();
    private final EnrolledUser mate;
    private final EnrolledUser outsider;
    private final Map<String, String> contactByOwner = new LinkedHashMap<>();
    private final Map<String, String> companyByOwner = new LinkedHashMap<>();

    private MatrixFixture(CrmApi admin, ApiClients clients) {
        this.admin = admin;
        this.clients = clients;
        this.adminPermissions = new PermissionsApi(admin);
        for (String role : BuiltInRoles.NAMES) {
            byRole.put(role, EnrolledUser.create(admin, clients, "m-" + role, role));
        }
        this.mate = EnrolledUser.create(admin, clients, "m-mate", "sales");
        this.outsider = EnrolledUser.create(admin, clients, "m-outsider", "sales");
        this.team = PermissionsApi.newName("matrix");
        adminPermissions.createTeam(team);
        for (EnrolledUser member : byRole.values()) {
            adminPermissions.join(team, member.id());
        }
        adminPermissions.join(team, mate.id());
        for (EnrolledUser owner : owners()) {
            contactByOwner.put(owner.id(), freshContactOf(owner.id()));
            companyByOwner.put(owner.id(), adminPermissions.createCompany(owner.id()));
        }
    }

    /** Sets everything up through the admin's client {@code admin}. */
    public static MatrixFixture setUp(CrmApi admin, ApiClients clients) {
        return new MatrixFixture(admin, clients);
    }

    private Iterable<EnrolledUser> owners() {
        List<EnrolledUser> owners = new ArrayList<>(byRole.values());
        owners.add(mate);
        owners.add(outsider);
        return owners;
    }

    /** The admin's client. */
    public CrmApi admin() {
        return admin;
    }

    /** Makes clients of other sessions. */
    public ApiClients clients() {
        return clients;
    }

    /** The user holding the built-in role. */
    public EnrolledUser user(String role) {
        return byRole.get(role);
    }

    /** A client of the role user's session. */
    public CrmApi client(String role) {
        return byRole.get(role).api();
    }

    /** The outsider: a sales user in no team. */
    public EnrolledUser outsider() {
        return outsider;
    }

    /** The team every role user and the mate belong to. */
    public String team() {
        return team;
    }

    /** The owner id a call of {@code role} targets for {@code relation}: the role user, the mate, the outsider. */
    public String ownerId(String role, Relation relation) {
        return switch (relation) {
            case OWN -> byRole.get(role).id();
            case TEAM -> mate.id();
            case FOREIGN -> outsider.id();
        };
    }

    /** The shared (never changed) contact of the owner {@code role} targets for {@code relation}. */
    public String contact(String role, Relation relation) {
        return contactByOwner.get(ownerId(role, relation));
    }

    /** The shared (never changed) company of the owner {@code role} targets for {@code relation}. */
    public String company(String role, Relation relation) {
        return companyByOwner.get(ownerId(role, relation));
    }

    /** A new contact, created by the admin, of the owner {@code role} targets for {@code relation}. */
    public String freshContact(String role, Relation relation) {
        return freshContactOf(ownerId(role, relation));
    }

    /** A new company, created by the admin, of the owner {@code role} targets for {@code relation}. */
    public String freshCompany(String role, Relation relation) {
        return adminPermissions.createCompany(ownerId(role, relation));
    }

    /** The current ETag of a record, read by the admin. */
    public String etag(String path) {
        return Expect.status(200, admin.get(path)).etag();
    }

    private String freshContactOf(String owner) {
        return adminPermissions.createContact(owner, "Matrix" + PermissionTestData.runId(), null);
    }
}
