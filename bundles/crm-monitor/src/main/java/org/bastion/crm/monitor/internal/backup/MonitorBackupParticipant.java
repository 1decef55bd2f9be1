package org.bastion.crm.monitor.internal.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.bastion.crm.monitor.internal.metrics.OpenAlerts;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The monitoring bundle's part of every backup: the rule windows' marks, the values rules have seen, the alerts and
 * their automatic responses (all its tables). The marks are shared by every node, but they are data rather than node
 * coordination here: each is keyed by the audit entry it counted, so they must go back with the audit trail they
 * belong to (a mark left from after the backup would swallow the restored trail's next entry of that number).
 *
 * <p>After a restore the open-alert counts of the metrics are read from the restored alerts; everything else the
 * monitor decides on is read from the tables at each audit entry.
 */
@Component(service = BackupParticipant.class)
public final class MonitorBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_monitor_mark", "crm_monitor_seen", "crm_monitor_alert",
            "crm_monitor_response");

    private final MonitorDatabase database;
    private final OpenAlerts openAlerts;
    private final List<Migration> migrations;

    @Activate
    public MonitorBackupParticipant(BundleContext context, @Reference MonitorDatabase database,
            @Reference OpenAlerts openAlerts) {
        this(database, openAlerts, SchemaMigrator.scriptsOf(context.getBundle(), MonitorDatabase.SCRIPT_FOLDER));
    }

    /** A participant over these components, with these scripts. */
    public MonitorBackupParticipant(MonitorDatabase database, OpenAlerts openAlerts, List<Migration> migrations) {
        this.database = database;
        this.openAlerts = openAlerts;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return MonitorDatabase.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }

    @Override
    public void afterRestore() {
        openAlerts.replaceAll(database.read(connection -> {
            Map<String, String> open = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, rule FROM crm_monitor_alert WHERE open_key IS NOT NULL");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    open.put(result.getString(1), result.getString(2));
                }
            }
            return open;
        }));
    }
}
