package org.bastion.crm.database.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the database upkeep, PID {@value #PID} ({@code etc/org.bastion.crm.database.cfg}, optional). */
@ObjectClassDefinition(id = DatabaseConfiguration.PID, name = "Bastion CRM database upkeep",
        description = "Housekeeping of the embedded H2 file database; ignored on PostgreSQL.")
public @interface DatabaseConfiguration {

    /** The configuration PID. */
    String PID = "org.bastion.crm.database";

    @AttributeDefinition(name = "Housekeeping interval (ms)",
            description = "How often the H2 file is synced to disk (fsync) and its dead space reclaimed. It bounds what a"
                    + " power loss can take on H2. 0 turns the housekeeping off (then H2 keeps its own retention time).")
    long housekeepingIntervalMillis() default 1000;

    @AttributeDefinition(name = "Retention time (ms)",
            description = "How long H2 keeps chunks it no longer needs before writing over them, while the housekeeping"
                    + " runs (H2's own 45 s assumes no sync; the housekeeping syncs every interval). At least 5 times the"
                    + " interval; H2's default is restored when the housekeeping stops.")
    int retentionTimeMillis() default 5000;

    @AttributeDefinition(name = "Target fill rate (%)",
            description = "Chunks are rewritten (their live pages moved) while the live share of the file's chunks is"
                    + " below this percentage.")
    int targetFillRate() default 80;

    @AttributeDefinition(name = "Rewrite limit (MiB)",
            description = "The most live data one housekeeping run moves, so a run stays short.")
    int rewriteLimitMegabytes() default 16;
}
