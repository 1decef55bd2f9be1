package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.itests.support.Await;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Every table of the running CRM's database belongs to exactly one registered {@link BackupParticipant}, or is one of
 * the few tables kept out of data backups on purpose ({@link #LEFT_OUT}, each with its reason); every participant's
 * tables exist and its schema component is recorded in {@code crm_schema_version}.
 */
public final class ParticipantTableChecks {

    /** The tables no participant backs up, and why. */
    public static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("crm_schema_version", "the schema versions: a restore records the backup's own"),
            Map.entry("crm_record_key", "per-record keys: in the separate key backup, so erasure reaches old backups"),
            Map.entry("crm_key_rotation", "rotation bookkeeping of the current key states; one rotation per purpose across nodes"),
            Map.entry("crm_session", "sessions: a restore never revives a session ended since the backup"),
            Map.entry("crm_login_lock", "lockouts in force: protection against an attack under way, checked by every node"),
            Map.entry("crm_address_refusal", "refused addresses in force: as the lockouts"),
            Map.entry("crm_audit_job_schedule", "node coordination: which node runs the audit retention next"),
            Map.entry("crm_backup", "the backup catalogue itself"),
            Map.entry("crm_backup_maintenance", "maintenance mode: node coordination of the restore itself"),
            Map.entry("crm_backup_job", "node coordination: which node runs a scheduled backup"));

    /** The participants of the CRM's own bundles, which every distribution registers. */
    public static final Set<String> CRM_PARTICIPANTS = Set.of("contacts", "security", "permissions", "crypto", "audit",
            "monitor");

    private static final String CRM_DATASOURCE = "(osgi.jndi.service.name=crm)";

    private final BundleContext bundleContext;

    /** Checks inside the container of the given bundle context. */
    public ParticipantTableChecks(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    /** Every table is backed up by exactly one participant or left out on purpose; nothing listed is missing. */
    public void everyTableBelongsToExactlyOneParticipantOrIsLeftOut() {
        Map<String, BackupParticipant> participants = Await.until("the CRM bundles' backup participants",
                Duration.ofSeconds(120), this::participants, found -> found.keySet().containsAll(CRM_PARTICIPANTS));
        Map<String, List<String>> owners = new TreeMap<>();
        participants.forEach((name, participant) -> participant.tables().forEach(table ->
                owners.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(name)));
        Set<String> existing = query("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'");

        List<String> problems = new ArrayList<>();
        for (String table : existing) {
            List<String> by = owners.getOrDefault(table, List.of());
            if (by.size() > 1) {
                problems.add(table + " is backed up by " + by);
            } else if (by.isEmpty() && !LEFT_OUT.containsKey(table)) {
                problems.add(table + " is backed up by no participant and not left out on purpose");
            } else if (!by.isEmpty() && LEFT_OUT.containsKey(table)) {
                problems.add(table + " is left out (" + LEFT_OUT.get(table) + ") but backed up by " + by);
            }
        }
        owners.forEach((table, by) -> {
            if (!existing.contains(table)) {
                problems.add(by + " list table " + table + ", which does not exist");
            }
        });
        assertEquals("tables and backup participants (tables: " + existing + ")", List.of(), problems);
    }

    /** Each participant's schema component has migrations recorded in {@code crm_schema_version}. */
    public void everyParticipantsSchemaComponentIsRecorded() {
        Map<String, BackupParticipant> participants = Await.until("the CRM bundles' backup participants",
                Duration.ofSeconds(120), this::participants, found -> found.keySet().containsAll(CRM_PARTICIPANTS));
        Set<String> recorded = query("SELECT DISTINCT component FROM crm_schema_version");
        Set<String> missing = new TreeSet<>();
        participants.values().forEach(participant -> {
            if (!recorded.contains(participant.schemaComponent().toLowerCase(Locale.ROOT))) {
                missing.add(participant.name() + " (component " + participant.schemaComponent() + ")");
            }
        });
        assertEquals("participants whose schema component is not in crm_schema_version " + recorded, Set.of(), missing);
    }

    private Map<String, BackupParticipant> participants() {
        Map<String, BackupParticipant> found = new TreeMap<>();
        try {
            Collection<ServiceReference<BackupParticipant>> references =
                    bundleContext.getServiceReferences(BackupParticipant.class, null);
            for (ServiceReference<BackupParticipant> reference : references) {
                BackupParticipant participant = bundleContext.getService(reference);
                if (participant != null) {
                    found.put(participant.name(), participant);
                    bundleContext.ungetService(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private Set<String> query(String sql) {
        ServiceReference<DataSource> reference = Await.until("the crm DataSource service", Duration.ofSeconds(60),
                this::crmDataSource, found -> found != null);
        DataSource dataSource = bundleContext.getService(reference);
        Set<String> values = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the database through the crm datasource: " + sql, e);
        } finally {
            bundleContext.ungetService(reference);
        }
        return values;
    }

    private ServiceReference<DataSource> crmDataSource() {
        try {
            Collection<ServiceReference<DataSource>> references =
                    bundleContext.getServiceReferences(DataSource.class, CRM_DATASOURCE);
            return references.isEmpty() ? null : references.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
