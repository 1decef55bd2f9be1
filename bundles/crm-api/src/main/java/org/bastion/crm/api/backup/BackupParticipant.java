package org.bastion.crm.api.backup;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.persistence.Migration;

/**
 * A bundle's part of every backup (whiteboard: register one as an OSGi service): the tables it owns on the
 * {@code crm} datasource, the schema component whose version it is at, and hooks around a restore.
 *
 * <p>crm-backup reads the listed tables of every participant in one read-only snapshot (one transaction, so no
 * half-written change is ever in a backup), writes them in a logical, database-neutral form (one part per table: column
 * names and types, then the rows), and restores them by deleting the current rows and inserting the backup's, in one
 * transaction, parents first. When the backup's schema version is older than the running code, crm-backup recreates the
 * tables at the backup's version with {@link #migrations()}, loads the rows and applies the newer migrations. The same
 * migrations build the scratch in-memory database a verify loads the backup into.
 *
 * <p>A participant needs nothing but this service: {@code name()}, {@code tables()} and {@code migrations()} (usually
 * {@code SchemaMigrator.scriptsOf(bundle, "db/<name>")}).
 */
public interface BackupParticipant {

    /**
     * The participant's stable name in manifests and reports, lower-case letters, digits and dashes
     * ({@code contacts}, {@code vendor-deals}); by default also its {@link #schemaComponent() schema component}.
     */
    String name();

    /** The component name under which its migrations are recorded in {@code crm_schema_version}. */
    default String schemaComponent() {
        return name();
    }

    /**
     * Its tables, parents before children (restore inserts in this order and deletes in the reverse one). Every table
     * must have a primary key; only columns of portable types (VARCHAR, INTEGER, BIGINT, BOOLEAN, DATE, TIMESTAMP,
     * TIMESTAMP WITH TIME ZONE, DECIMAL) are supported.
     */
    List<String> tables();

    /** Its schema scripts, all of them (any order): used to recreate the tables at an older version, and by verify. */
    List<Migration> migrations();

    /**
     * Tables of {@link #tables()} whose rows a restore merges into the current ones instead of replacing them: a row of
     * the backup replaces the current row with the same primary key, and current rows the backup lacks are kept. For
     * rows that are never deleted and that newer data depends on, such as the wrapped data keys of every key version
     * (on a fresh installation, its own first keys give way to the backup's).
     */
    default Set<String> mergedTables() {
        return Set.of();
    }

    /**
     * Called before a restore replaces the tables, while the CRM is in maintenance: stop writing to them (flush queues,
     * pause jobs). Return promptly.
     */
    default void beforeRestore() {
    }

    /**
     * Called after a restore, successful or not, before the CRM leaves maintenance: forget what was cached from the
     * tables (in-memory state, caches) and resume the work {@link #beforeRestore()} paused.
     */
    default void afterRestore() {
    }
}
