package org.bastion.crm.backup.internal.engine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an archive holds, as written at its end (the archive's first frame repeats everything known before the data is
 * read: id, time, product version, database and participants with schema versions).
 *
 * @param formatVersion  the archive format's version (1)
 * @param id             the backup's id
 * @param createdAt      when its snapshot was taken
 * @param productVersion the CRM version that wrote it (the crm-backup bundle version)
 * @param database       the database it was read from ({@code h2}, {@code postgresql})
 * @param trigger        why it was taken: {@code manual}, {@code scheduled}, {@code pre-restore}
 * @param participants   every participant, in the order they were written
 */
public record BackupManifest(int formatVersion, UUID id, Instant createdAt, String productVersion, String database,
        String trigger, List<Participant> participants) {

    /** One participant's part of the backup. */
    public record Participant(String name, String schemaComponent, int schemaVersion, List<Table> tables) {
    }

    /**
     * One table's part.
     *
     * @param table  the table name
     * @param part   the part's name in the archive ({@code <participant>/<table>})
     * @param rows   how many rows it holds
     * @param bytes  its plaintext size
     * @param sha256 the SHA-256 of its plaintext, lower-case hex
     */
    public record Table(String table, String part, long rows, long bytes, String sha256) {
    }

    /** Every row of every table. */
    public long rowCount() {
        return participants.stream().flatMap(p -> p.tables().stream()).mapToLong(Table::rows).sum();
    }
}
