package org.bastion.crm.backup.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.console.Session;
import org.bastion.crm.backup.internal.BackupProblem;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class BackupRestoreCommandTest {

    private final BackupService backups = Mockito.mock(BackupService.class);
    private final Session session = Mockito.mock(Session.class);

    private BackupRestoreCommand command(String target, boolean force) {
        BackupRestoreCommand command = new BackupRestoreCommand();
        command.backups = backups;
        command.session = session;
        command.backup = target;
        command.force = force;
        return command;
    }

    @Test
    void nothingIsRestoredUnlessTheOperatorTypesYes() throws Exception {
        Mockito.when(session.readLine(any(), any())).thenReturn("y");
        ShellOutput output = ShellOutput.run(command(UUID.randomUUID().toString(), false));
        assertThat(output.failed()).isTrue();
        assertThat(output.err()).contains("not confirmed; nothing was restored");
        Mockito.verifyNoInteractions(backups);
    }

    @Test
    void anIdRestoresFromTheCatalogueAfterYes() throws Exception {
        UUID id = UUID.randomUUID();
        Mockito.when(session.readLine(any(), any())).thenReturn("yes");
        Mockito.when(backups.restore(eq(id), any())).thenReturn(new BackupEngine.Restored(null,
                List.of("contacts", "security"), List.of("vendor-deals"), List.of()));
        ShellOutput output = ShellOutput.run(command(id.toString(), false));
        assertThat(output.failed()).isFalse();
        assertThat(output.out()).contains("contacts, security").contains("skipped: vendor-deals");
    }

    @Test
    void aPathWithForceRestoresTheFileWithoutAsking() {
        Mockito.when(backups.restoreFile(any(), any())).thenReturn(new BackupEngine.Restored(null, List.of("contacts"),
                List.of(), List.of()));
        ShellOutput output = ShellOutput.run(command("/backups/crm-backup-1.cbk", true));
        assertThat(output.failed()).isFalse();
        Mockito.verify(backups).restoreFile(eq(Path.of("/backups/crm-backup-1.cbk")), any());
        Mockito.verifyNoInteractions(session);
    }

    @Test
    void aBackupFailureIsOneErrorLine() {
        Mockito.when(backups.restoreFile(any(), any())).thenThrow(BackupProblem.of(
                new BackupFailure(BackupFailure.Reason.TRUNCATED, "the file ends before its final frame")));
        ShellOutput output = ShellOutput.run(command("/backups/cut.cbk", true));
        assertThat(output.failed()).isTrue();
        assertThat(output.err().trim()).isEqualTo("Error: the file ends before its final frame");
    }
}
