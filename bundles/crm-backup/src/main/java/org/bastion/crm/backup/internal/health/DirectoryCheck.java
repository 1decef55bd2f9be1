package org.bastion.crm.backup.internal.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether backups can be written to a directory: it exists (or can be created), is a directory and is writable. */
final class DirectoryCheck {

    private DirectoryCheck() {
    }

    /** What keeps backups from being written to {@code directory}, or empty when nothing does. */
    static Optional<String> problem(Path directory) {
        if (!Files.exists(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException | SecurityException e) {
                return Optional.of("the backup directory " + directory + " is missing and cannot be created");
            }
        }
        if (!Files.isDirectory(directory)) {
            return Optional.of("the backup directory " + directory + " is not a directory");
        }
        if (!Files.isWritable(directory)) {
            return Optional.of("the backup directory " + directory + " is not writable");
        }
        return Optional.empty();
    }
}
