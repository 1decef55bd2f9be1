package org.bastion.crm.monitor.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.bastion.crm.monitor.internal.metrics.OpenAlerts;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class MonitorBackupParticipantTest {

    private final MonitorFixture f = new MonitorFixture();
    private final OpenAlerts openAlerts = new OpenAlerts();
    private final BackupParticipant participant = new MonitorBackupParticipant(f.database, openAlerts, List.of());

    @Test
    void everyMonitorTableIsBackedUpParentsFirst() throws Exception {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant withScripts = new MonitorBackupParticipant(f.database, openAlerts,
                BackupParticipantChecks.scripts(MonitorDatabase.SCRIPT_FOLDER));

        assertThat(withScripts.name()).isEqualTo("monitor");
        assertThat(BackupParticipantChecks.problems(empty, withScripts, Set.of())).isEmpty();
    }

    @Test
    void afterARestoreTheOpenAlertCountsAreThoseOfTheRestoredAlerts() {
        openAlerts.handleEvent(new Event(AlertEvents.TOPIC_PREFIX + "ALERT_RAISED",
                Map.of(AlertEvents.ID, "gone", AlertEvents.RULE, "mass-read", AlertEvents.STATE, "open")));
        insertAlert("a1", "failed-logins", "failed-logins|u1");
        insertAlert("a2", "failed-logins", "failed-logins|u2");
        insertAlert("a3", "new-address", null);
        assertThat(openAlerts.byRule()).containsExactly(Map.entry("mass-read", 1L));

        participant.afterRestore();

        assertThat(openAlerts.byRule()).containsExactly(Map.entry("failed-logins", 2L));
    }

    private void insertAlert(String id, String rule, String openKey) {
        f.database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_monitor_alert (id, rule, severity,"
                    + " subject, summary, first_sequence, last_sequence, entry_count, state, open_key, raised_at,"
                    + " updated_at) VALUES (?, ?, 'HIGH', 's', 'summary', 1, 1, 1, ?, ?, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)")) {
                insert.setString(1, id);
                insert.setString(2, rule);
                insert.setString(3, openKey == null ? "RESOLVED" : "OPEN");
                insert.setString(4, openKey);
                return insert.executeUpdate();
            }
        });
    }
}
