package org.bastion.crm.backup.internal;

import java.util.Locale;
import java.util.Map;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;
import org.bastion.crm.backup.internal.engine.BackupFailure;

/**
 * A {@link BackupFailure} as the CRM answers it: problem type {@code backup-<reason>} (such as {@code backup-damaged})
 * with the reason's HTTP status, declared by one subclass per status, and the operator's message as detail; the shell
 * prints it as one {@code Error:} line.
 */
public abstract class BackupProblem extends CrmException {

    private static final long serialVersionUID = 1L;

    private final BackupFailure.Reason reason;
    private final String part;

    BackupProblem(BackupFailure.Reason reason, String message, String part) {
        super(message);
        this.reason = reason;
        this.part = part;
    }

    /** The CRM error for {@code failure}, with the same reason, message and part. */
    public static BackupProblem of(BackupFailure failure) {
        String message = failure.getMessage() == null ? failure.reason().name() : failure.getMessage();
        return of(failure.reason(), message, failure.part());
    }

    /** The CRM error for a failure of {@code reason}. */
    public static BackupProblem of(BackupFailure.Reason reason, String message, String part) {
        return switch (reason.status()) {
            case 409 -> new Busy(reason, message, part);
            case 503 -> new Unavailable(reason, message, part);
            case 507 -> new Storage(reason, message, part);
            default -> new Unusable(reason, message, part);
        };
    }

    /** Why. */
    public BackupFailure.Reason reason() {
        return reason;
    }

    /** The damaged or failing part, or null. */
    public String part() {
        return part;
    }

    @Override
    public String code() {
        return "backup-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A file that is no usable backup (not one, newer, unknown key, truncated, damaged, does not load): 422. */
    @ProblemType(status = 422, title = "Backup not usable")
    public static final class Unusable extends BackupProblem {
        private static final long serialVersionUID = 1L;

        Unusable(BackupFailure.Reason reason, String message, String part) {
            super(reason, message, part);
        }
    }

    /** Another backup or restore runs on some node: 409. */
    @ProblemType(status = 409, title = "A backup or restore is running")
    public static final class Busy extends BackupProblem {
        private static final long serialVersionUID = 1L;

        Busy(BackupFailure.Reason reason, String message, String part) {
            super(reason, message, part);
        }
    }

    /** The backup directory cannot be written (missing, not writable, disk full): 507. */
    @ProblemType(status = 507, title = "Backup storage unusable")
    public static final class Storage extends BackupProblem {
        private static final long serialVersionUID = 1L;

        Storage(BackupFailure.Reason reason, String message, String part) {
            super(reason, message, part);
        }
    }

    /** The keys are locked or the database failed; retry later: 503 with Retry-After. */
    @ProblemType(status = 503)
    public static final class Unavailable extends BackupProblem implements ProblemHeaders {
        private static final long serialVersionUID = 1L;

        Unavailable(BackupFailure.Reason reason, String message, String part) {
            super(reason, message, part);
        }

        @Override
        public Map<String, String> problemHeaders() {
            return Map.of("Retry-After", "30");
        }
    }
}
