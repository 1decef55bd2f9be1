package org.bastion.crm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import java.util.Set;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.junit.jupiter.api.Test;

class SecurityBackupParticipantTest {

    private final SecurityFixture f = new SecurityFixture();
    private final BackupParticipant participant = new SecurityBackupParticipant(f.directory, f.sessions, List.of());

    @Test
    void theUsersRolesAndRecoveryCodesAreBackedUpParentsFirstAndNoSession() {
        assertThat(participant.name()).isEqualTo("security");
        assertThat(participant.tables()).containsExactly("crm_user", "crm_user_role", "crm_recovery_code");
        assertThat(participant.tables()).doesNotContain("crm_session", "crm_login_lock", "crm_address_refusal");
        assertThat(participant.mergedTables()).isEmpty();
    }

    @Test
    void afterARestoreACachedSessionWhoseRowIsGoneNoLongerResolves() {
        String userId = f.createUser("alice").id();
        UserRow alice = f.database.read(c -> UserRepository.findById(c, userId)).orElseThrow();
        String token = f.sessions.open(alice, SecurityFixture.client("192.0.2.1"), false).token();
        assertThat(f.sessions.authenticate(token)).isPresent();
        execute("DELETE FROM crm_session");
        assertThat(f.sessions.authenticate(token)).as("served from the cache until told").isPresent();

        participant.afterRestore();

        assertThat(f.sessions.authenticate(token)).isEmpty();
        assertThat(f.sessions.cachedSessions()).isZero();
    }

    @Test
    void afterARestoreTheDirectoryKnowsTheRestoredUsersAndRolesOnly() {
        String aliceId = f.createUser("alice", "sales").id();
        String bobId = f.createUser("bob").id();
        execute("DELETE FROM crm_user WHERE id = '" + bobId + "'");
        execute("DELETE FROM crm_user_role WHERE user_id = '" + aliceId + "'");
        assertThat(f.directory.idOf("bob")).isPresent();

        participant.afterRestore();

        assertThat(f.directory.idOf("bob")).isEmpty();
        assertThat(f.directory.usernameOf(bobId)).isEmpty();
        assertThat(f.directory.idOf("alice")).contains(aliceId);
        assertThat(f.directory.currentRoles(aliceId)).contains(java.util.Set.of());
    }

    private void execute(String sql) {
        f.database.write(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                return statement.executeUpdate();
            }
        });
    }

    @Test
    void everyTableOfTheMigrationsIsBackedUpOrKnowinglyLeftOut() throws Exception {
        org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant withScripts = new SecurityBackupParticipant(f.directory, f.sessions,
                BackupParticipantChecks.scripts(SecurityDatabase.SCRIPT_FOLDER));

        assertThat(BackupParticipantChecks.problems(empty, withScripts,
                Set.of("crm_session", "crm_login_lock", "crm_address_refusal"))).isEmpty();
    }
}
