package org.bastion.crm.itests;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bastion.crm.itests.checks.permissions.AuthorizationMatrixChecks;
import org.bastion.crm.itests.checks.permissions.PermissionShellChecks;
import org.bastion.crm.itests.checks.permissions.RoleChecks;
import org.bastion.crm.itests.checks.permissions.SensitiveFieldChecks;
import org.bastion.crm.itests.checks.permissions.TeamChecks;
import org.bastion.crm.itests.checks.permissions.UserRoleChecks;
import org.bastion.crm.itests.checks.permissions.VendorPermissionChecks;
import org.bastion.crm.itests.checks.QuietLogChecks;
import org.bastion.crm.itests.checks.SshHandshakeChecks;
import org.bastion.crm.itests.checks.StrictBodyChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The permission checks of issue 5 (roles, teams, record and field rules, the authorization matrix), run by every
 * CRM suite after the checks of {@link AbstractContactsSuite} (JUnit runs a subclass's methods before its superclass's,
 * each class in its own name order) and before the {@link AbstractLastChecksSuite} ones, which must come last.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractPermissionsSuite extends AbstractLastChecksSuite {

    @Test
    public void permissionsMatrixEveryEndpointAnswersEveryBuiltInRoleAsItsRuleSays() {
        new AuthorizationMatrixChecks(api, clients, bundleContext).everyEndpointAnswersEveryBuiltInRoleAsItsRuleSays();
    }

    @Test
    public void permissionsCatalogueAndBuiltInRolesAreListed() {
        new RoleChecks(api, clients, bundleContext).catalogueAndBuiltInRolesAreListed();
    }

    @Test
    public void permissionsCustomRoleIsCreatedChangedAndDeletedWithEvents() {
        new RoleChecks(api, clients, bundleContext).customRoleIsCreatedChangedAndDeletedWithEvents();
    }

    @Test
    public void permissionsBadRoleInputIsRefusedAndChangesNothing() {
        new RoleChecks(api, clients, bundleContext).badRoleInputIsRefusedAndChangesNothing();
    }

    @Test
    public void permissionsRoleChangeReachesALoggedInUserWithinASecond() {
        new RoleChecks(api, clients, bundleContext).roleChangeReachesALoggedInUserWithinASecond();
    }

    @Test
    public void permissionsUserRoleChangeAppliesToTheOpenSessionAtOnce() {
        new UserRoleChecks(api, clients, bundleContext).roleChangeAppliesToTheOpenSessionAtOnce();
    }

    @Test
    public void permissionsBadUserRoleListsAreRefusedAndChangeNothing() {
        new UserRoleChecks(api, clients, bundleContext).badRoleListsAreRefusedAndChangeNothing();
    }

    /** Disables every active admin but the suite's own (all of them made by earlier checks) to have a last admin. */
    @Test
    public void permissionsAdminRoleIsNeitherTakenByItsHolderNorHandedOutByAUserManager() {
        new UserRoleChecks(api, clients, bundleContext).adminRoleIsNeitherTakenByItsHolderNorHandedOutByAUserManager();
    }

    @Test
    public void permissionsTeamIsCreatedChangedAndDeletedWithEvents() {
        new TeamChecks(api, clients, bundleContext).teamIsCreatedChangedAndDeletedWithEvents();
    }

    @Test
    public void permissionsBadTeamInputIsRefused() {
        new TeamChecks(api, clients, bundleContext).badTeamInputIsRefused();
    }

    @Test
    public void permissionsJoiningATeamShowsTheMatesContactsAndLeavingHidesThem() {
        new TeamChecks(api, clients, bundleContext).joiningATeamShowsTheMatesContactsAndLeavingHidesThem();
    }

    @Test
    public void permissionsSalesSeeSensitiveFieldsOfTheirOwnContactsOnly() {
        new SensitiveFieldChecks(api, clients).salesSeeSensitiveFieldsOfTheirOwnContactsOnly();
    }

    @Test
    public void permissionsWritingBackARedactedContactKeepsItsSensitiveFields() {
        new SensitiveFieldChecks(api, clients).writingBackARedactedContactKeepsItsSensitiveFields();
    }

    @Test
    public void permissionsListTotalsCountOnlyVisibleContacts() {
        new SensitiveFieldChecks(api, clients).listTotalsCountOnlyVisibleContacts();
    }

    @Test
    public void permissionsShellRolesAndUserRoles() {
        new PermissionShellChecks(shell, api, clients).rolesAndUserRolesInTheShell();
    }

    @Test
    public void permissionsShellTeams() {
        new PermissionShellChecks(shell, api, clients).teamsInTheShell();
    }

    @Test
    public void permissionsShellBadInputPrintsOneLine() {
        new PermissionShellChecks(shell, api, clients).badPermissionInputPrintsOneLine();
    }

    @Test
    public void permissionsVendorPermissionLeavesTheCatalogueButStaysInItsRole() {
        new VendorPermissionChecks(api, bundleContext).vendorPermissionLeavesTheCatalogueButStaysInItsRole();
    }

    @Test
    public void quietLogsRefusedRequestsWriteAtMostOneLineEachAndNoStackTrace() {
        new QuietLogChecks(api, clients).refusedRequestsWriteAtMostOneLineEachAndNoStackTrace();
    }

    @Test
    public void strictBodiesOperationsWithoutBodyRefuseOne() {
        new StrictBodyChecks(api, clients, bundleContext).operationsWithoutBodyRefuseOne();
    }

    @Test
    public void strictBodiesRotationBodyIsOptionalAndStrict() {
        new StrictBodyChecks(api, clients, bundleContext).rotationBodyIsOptionalAndStrict();
    }

    @Test
    public void strictBodiesRotationRunningOnAnotherNodeIsAConflict() {
        new StrictBodyChecks(api, clients, bundleContext).rotationRunningOnAnotherNodeIsAConflict();
    }

    @Test
    public void sshKexInitOffersCurve25519FirstAndNoCompressionBeforeAuthentication() {
        new SshHandshakeChecks().kexInitOffersCurve25519FirstAndNoCompressionBeforeAuthentication();
    }

    @Test
    public void sshKexOfferedExchangesAreReallyNegotiated() {
        List<String> negotiated = new SshHandshakeChecks().offeredExchangesAreNegotiated(List.of("curve25519-sha256",
                "mlkem768x25519-sha256", "sntrup761x25519-sha512@openssh.com", "sntrup761x25519-sha512"));
        assertTrue("curve25519-sha256 is offered and negotiated: " + negotiated, negotiated.contains("curve25519-sha256"));
    }
}
