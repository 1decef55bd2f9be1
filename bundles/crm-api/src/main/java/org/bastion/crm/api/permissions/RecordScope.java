package org.bastion.crm.api.permissions;

import java.util.Locale;

/** How far a scoped permission reaches: no record, the caller's own, the caller's teams', or every record. */
public enum RecordScope {
    /** No record at all. */
    NONE,
    /** Records the caller owns. */
    OWN,
    /** Records owned by the caller or by anyone sharing a team with the caller. */
    TEAM,
    /** Every record. */
    ALL;

    /** The scope as written in a permission ({@code own}, {@code team}, {@code all}); {@code none} for NONE. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
