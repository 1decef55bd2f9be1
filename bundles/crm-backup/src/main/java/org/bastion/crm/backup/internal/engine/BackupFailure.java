package org.bastion.crm.backup.internal.engine;

/**
 * Why a backup file cannot be used or written, in words an operator can act on; never a stack trace or key material.
 * The REST layer answers {@link Reason#status()} with problem type {@code backup-<reason>}.
 */
public class BackupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure, each with the HTTP status it maps to. */
    public enum Reason {
        /** Not a backup archive of this product (wrong magic or format). */
        NOT_A_BACKUP(422),
        /** Written by a newer product version or schema than this one runs. */
        NEWER_VERSION(422),
        /** Sealed under a key this installation's keystore lacks. */
        UNKNOWN_KEY(422),
        /** Cut short: the final frame is missing. */
        TRUNCATED(422),
        /** A frame fails authentication or a part's checksum differs: names the part. */
        DAMAGED(422),
        /** The backup loads nowhere: a row breaks the schema (names the part). */
        DOES_NOT_LOAD(422),
        /** The encryption keys are locked. */
        KEYS_LOCKED(503),
        /** Another backup or restore runs. */
        BUSY(409),
        /** The target directory is missing, not a directory or not writable, or the disk is full. */
        STORAGE(507),
        /** The database failed. */
        DATABASE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /** The HTTP status of a request that failed for this reason. */
        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String part;

    public BackupFailure(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public BackupFailure(Reason reason, String message, String part, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.part = part;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The damaged or failing part ({@code contacts/crm_contact}), or null. */
    public String part() {
        return part;
    }
}
