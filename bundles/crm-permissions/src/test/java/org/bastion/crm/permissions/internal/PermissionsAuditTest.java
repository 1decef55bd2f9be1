package org.bastion.crm.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.TeamDraft;
import org.junit.jupiter.api.Test;

class PermissionsAuditTest {

    private final PermissionsFixture f = new PermissionsFixture();

    @Test
    void roleChangesAreRecordedWithThePermissionsGrantedAndRevoked() {
        f.actAsAdmin();
        f.roles.create(new RoleDraft("auditors-x", "Reads", Set.of("contacts:read")));
        f.roles.grant("auditors-x", Set.of("companies:read"));
        f.roles.revoke("auditors-x", Set.of("contacts:read"));
        f.roles.delete("auditors-x");

        assertThat(f.audit.changes()).extracting(AuditEntry::action).containsExactly(AuditActions.ROLE_CREATED,
                AuditActions.ROLE_UPDATED, AuditActions.ROLE_UPDATED, AuditActions.ROLE_DELETED);
        assertThat(f.audit.changes().get(0).target().id()).isEqualTo("auditors-x");
        assertThat(f.audit.changes().get(0).details()).containsEntry("granted", "contacts:read");
        assertThat(f.audit.changes().get(1).details()).containsEntry("granted", "companies:read");
        assertThat(f.audit.changes().get(2).details()).containsEntry("revoked", "contacts:read");
        assertThat(f.audit.changes().get(3).details()).containsEntry("revoked", "companies:read");
    }

    @Test
    void teamChangesAndMembershipsAreRecorded() {
        f.actAsAdmin();
        f.teams.create(new TeamDraft("north", "North"));
        f.teams.update("north", new TeamDraft("north", "Northern region"));
        f.teams.addMember("north", PermissionsFixture.SALES_ID);
        f.teams.removeMember("north", PermissionsFixture.SALES_ID);
        f.teams.delete("north");

        assertThat(f.audit.changes()).extracting(AuditEntry::action).containsExactly(AuditActions.TEAM_CREATED,
                AuditActions.TEAM_UPDATED, AuditActions.TEAM_MEMBER_ADDED, AuditActions.TEAM_MEMBER_REMOVED,
                AuditActions.TEAM_DELETED);
        assertThat(f.audit.only(AuditActions.TEAM_MEMBER_ADDED).details())
                .containsEntry("user", PermissionsFixture.SALES_ID);
    }

    @Test
    void aRoleChangeWhoseWriteFailsLeavesNoEntry() throws Exception {
        f.actAsAdmin();
        try (var connection = f.dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE crm_permission_grant ADD CONSTRAINT no_export"
                    + " CHECK (permission <> 'contacts:export')");
        }

        assertThatThrownBy(() -> f.roles.create(new RoleDraft("exporters", null, Set.of("contacts:export"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(f.audit.all()).isEmpty();
        assertThat(f.roles.find("exporters")).isEmpty();
    }

    @Test
    void whileATrailIsRequiredAndMissingNoRoleOrTeamChanges() {
        f.actAsAdmin();
        f.auditInstalled(false);
        f.auditRequired = true;

        assertThatThrownBy(() -> f.teams.create(new TeamDraft("south", null)))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> f.roles.create(new RoleDraft("readers", null, Set.of("contacts:read"))))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(f.teams.find("south")).isEmpty();
        assertThat(f.roles.find("readers")).isEmpty();
        assertThat(f.roles.list()).as("reads go on").isNotEmpty();
    }
}
