package org.bastion.crm.backup.internal.shell;

import java.io.PrintStream;

import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.shell.ShellText;

/** How the backup commands print one backup. */
final class BackupText {

    private BackupText() {
    }

    static void print(PrintStream out, BackupInfo backup) {
        out.println("Backup " + backup.id() + ": " + backup.state() + ", trigger " + backup.trigger());
        out.println("  file:     " + ShellText.cell(backup.fileName()));
        out.println("  started:  " + ShellText.timestamp(backup.startedAt()) + ", finished "
                + ShellText.timestamp(backup.finishedAt()));
        out.println("  size:     " + value(backup.sizeBytes()) + " bytes, " + value(backup.rowCount()) + " rows");
        if (backup.verifyState() != null) {
            out.println("  verified: " + backup.verifyState() + " at " + ShellText.timestamp(backup.verifiedAt())
                    + " (" + ShellText.cell(backup.verifyDetail()) + ")");
        }
        if (backup.error() != null) {
            out.println("  error:    " + ShellText.cell(backup.error()));
        }
    }

    static String value(Long number) {
        return number == null ? "-" : number.toString();
    }
}
