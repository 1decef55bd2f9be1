package org.bastion.crm.backup.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.bastion.crm.api.ConflictException;

/** Where backup files are: the configured directory (relative to the Karaf base) and a catalogue row's file in it. */
final class BackupFiles {

    private BackupFiles() {
    }

    /** {@code configured} as an absolute path; a relative one is under {@code karaf.base}. */
    static Path directory(String configured) {
        Path path = Paths.get(configured == null || configured.isBlank() ? "data/backups" : configured.trim());
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    /** The file of a catalogue row, which must be a plain name inside {@code directory}. */
    static Path fileOf(Path directory, BackupInfo backup) {
        String name = backup.fileName();
        if (name == null || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new ConflictException("backup " + backup.id() + " has no file (state " + backup.state() + ")");
        }
        return directory.resolve(name);
    }
}
