package org.bastion.crm.backup.internal.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bastion.crm.backup.internal.schedule.BackupCatalogue;

/**
 * Applies retention to the catalogue: the backups {@link GrandfatherFatherSon} lets go have their files deleted (in
 * the backup directory and, when configured, the off-site directory) and their rows marked DELETED. A file that
 * cannot be deleted keeps its row COMPLETED and is tried again after the next backup; an off-site copy that cannot be
 * deleted is logged and left.
 */
public final class RetentionRun {

    private static final System.Logger LOG = System.getLogger(RetentionRun.class.getName());

    private final BackupCatalogue catalogue;
    private final ZoneId zone;

    public RetentionRun(BackupCatalogue catalogue, ZoneId zone) {
        this.catalogue = catalogue;
        this.zone = zone;
    }

    /**
     * Deletes what {@code policy} does not keep at {@code now}.
     *
     * @param offsite the off-site directory, or null
     * @return the rows deleted
     */
    public List<BackupCatalogue.Row> apply(GrandfatherFatherSon.Policy policy, Path directory, Path offsite,
            Instant now) {
        List<BackupCatalogue.Row> completed = catalogue.completed();
        Map<UUID, BackupCatalogue.Row> byId = completed.stream()
                .collect(Collectors.toMap(BackupCatalogue.Row::id, Function.identity()));
        List<GrandfatherFatherSon.Backup> backups = completed.stream()
                .map(row -> new GrandfatherFatherSon.Backup(row.id(), row.startedAt(), row.trigger())).toList();
        List<BackupCatalogue.Row> deleted = new ArrayList<>();
        for (GrandfatherFatherSon.Backup backup : new GrandfatherFatherSon(policy, zone).toDelete(backups, now)) {
            BackupCatalogue.Row row = byId.get(backup.id());
            try {
                delete(directory, row.fileName());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Backup retention could not delete " + row.fileName() + " ("
                        + e.getClass().getSimpleName() + "); it stays and is tried again after the next backup");
                continue;
            }
            if (offsite != null) {
                try {
                    delete(offsite, row.fileName());
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Backup retention could not delete the off-site copy of "
                            + row.fileName() + " in " + offsite + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            if (catalogue.markDeleted(row.id())) {
                deleted.add(row);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Backup retention (daily " + policy.keepDaily() + ", weekly "
                    + policy.keepWeekly() + ", monthly " + policy.keepMonthly() + ") deleted "
                    + deleted.stream().map(BackupCatalogue.Row::fileName).toList());
        }
        return deleted;
    }

    private static void delete(Path directory, String fileName) throws IOException {
        Path file = directory.resolve(fileName).normalize();
        if (!file.getParent().equals(directory.normalize())) {
            throw new IOException("file name outside the directory");
        }
        Files.deleteIfExists(file);
    }
}
