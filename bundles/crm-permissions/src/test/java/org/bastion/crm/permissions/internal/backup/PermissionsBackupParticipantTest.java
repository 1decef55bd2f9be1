package org.bastion.crm.permissions.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.permissions.internal.PermissionsFixture;
import java.util.Set;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.bastion.crm.permissions.internal.db.PermissionsDatabase;
import org.junit.jupiter.api.Test;

class PermissionsBackupParticipantTest {

    private final PermissionsFixture f = new PermissionsFixture();
    private final BackupParticipant participant = new PermissionsBackupParticipant(f.roleStore, f.teamStore, List.of());

    @Test
    void everyTableIsBackedUpParentsFirst() {
        assertThat(participant.name()).isEqualTo("permissions");
        assertThat(participant.tables()).containsExactly("crm_permission_role", "crm_permission_grant", "crm_team",
                "crm_team_member");
        assertThat(participant.mergedTables()).isEmpty();
    }

    @Test
    void afterARestoreTheRolesAndTeamsInMemoryAreThoseOfTheTables() {
        execute("INSERT INTO crm_permission_role (name, description, created_at, updated_at)"
                + " VALUES ('field-agent', 'restored', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        execute("INSERT INTO crm_team (name, description, created_at) VALUES ('north', 'restored', CURRENT_TIMESTAMP)");
        execute("INSERT INTO crm_team_member (team, user_id) VALUES ('north', 'u-sales')");
        assertThat(f.roleStore.table().find("field-agent")).isEmpty();
        assertThat(f.teamStore.table().find("north")).isEmpty();

        participant.afterRestore();

        assertThat(f.roleStore.table().find("field-agent")).isPresent();
        assertThat(f.teamStore.table().find("north")).isPresent();
        assertThat(f.teamStore.teamMatesOf("u-sales")).contains("u-sales");
        assertThat(f.teamStore.table().teamsOf("u-sales")).extracting(team -> team.name()).containsExactly("north");
    }

    private void execute(String sql) {
        f.database.write(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                return statement.executeUpdate();
            }
        });
    }

    @Test
    void everyTableOfTheMigrationsIsBackedUp() throws Exception {
        org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant withScripts = new PermissionsBackupParticipant(f.roleStore, f.teamStore,
                BackupParticipantChecks.scripts(PermissionsDatabase.SCRIPT_FOLDER));

        assertThat(BackupParticipantChecks.problems(empty, withScripts, Set.of())).isEmpty();
    }
}
