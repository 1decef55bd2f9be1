package org.bastion.crm.monitor.internal.alert;

import org.bastion.crm.api.monitor.Alert;

/**
 * What folding an entry into the alerts did.
 *
 * @param alert the alert as it is now
 * @param kind whether it was raised, repeated, or the entry was already folded (told twice)
 */
public record Folded(Alert alert, Kind kind) {

    /** What happened to the alerts. */
    public enum Kind {
        /** A new alert was raised. */
        RAISED,
        /** The entry folded into an open or acknowledged alert. */
        REPEATED,
        /** The alert already holds this entry: nothing changed. */
        ALREADY_FOLDED
    }
}
