package org.bastion.crm.backup.internal.engine;

/** Told as a backup, verify or restore advances (for the shell's progress line and the REST status). */
@FunctionalInterface
public interface BackupProgress {

    /** Ignores progress. */
    BackupProgress NONE = (step, done, total) -> {
    };

    /**
     * @param step  what runs now, e.g. {@code contacts/crm_contact}
     * @param done  rows (or bytes) done in the whole run so far
     * @param total the whole run's total, or -1 when not known yet
     */
    void advanced(String step, long done, long total);
}
