package org.bastion.crm.audit.internal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

class ConfigurationChangesTest {

    private static final String PID = "org.bastion.crm.security";

    private final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
    private final Configuration configuration = mock(Configuration.class);
    private final FakeAuditLog log = new FakeAuditLog();
    private final Hashtable<String, Object> properties = new Hashtable<>();
    private ConfigurationChanges changes;

    @BeforeEach
    void startWithOneConfiguration() throws Exception {
        properties.put("service.pid", PID);
        properties.put("smtpPassword", "hunter2-secret");
        properties.put("lockoutMinutes", 15);
        properties.put("origins", new String[] {"a", "b"});
        when(configuration.getPid()).thenReturn(PID);
        when(configuration.getProperties()).thenAnswer(call -> new Hashtable<>(properties));
        when(admin.listConfigurations(anyString())).thenReturn(new Configuration[] {configuration});
        changes = new ConfigurationChanges(admin);
        changes.auditLog = log;
    }

    @Test
    void anUpdateRecordsTheNamesOfTheKeysAddedChangedAndRemovedAndNoValue() {
        properties.put("smtpPassword", "correct-horse-battery");
        properties.remove("lockoutMinutes");
        properties.put("newKey", "new-value-9");

        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, PID));

        AuditEntry entry = only();
        assertThat(entry.action()).isEqualTo("config.changed");
        assertThat(entry.target()).isEqualTo(new AuditTarget("configuration", PID));
        assertThat(entry.details()).isEqualTo(Map.of("added", "newKey", "changed", "smtpPassword",
                "removed", "lockoutMinutes"));
        assertThat(entry.toString()).doesNotContain("hunter2", "correct-horse", "new-value-9", "15");
        assertThat(entry.actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void anArrayValueChangedInOneElementIsAChange() {
        properties.put("origins", new String[] {"a", "c"});

        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, PID));

        assertThat(only().details()).containsEntry("changed", "origins");
    }

    @Test
    void anUpdateThatChangesNoValueIsNotRecorded() {
        properties.put("felix.fileinstall.filename", "file:/etc/" + PID + ".cfg");

        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, PID));

        assertThat(log.written).isEmpty();
    }

    @Test
    void configurationsOfOtherPidsAreNotRecorded() {
        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.ops4j.datasource-crm"));
        changes.configurationEvent(event(ConfigurationEvent.CM_DELETED, "org.apache.karaf.shell"));

        assertThat(log.written).isEmpty();
    }

    @Test
    void aDeletionNamesTheKeysTheConfigurationHad() {
        changes.configurationEvent(event(ConfigurationEvent.CM_DELETED, PID));

        assertThat(only().action()).isEqualTo("config.deleted");
        assertThat(only().details()).containsEntry("removed", "lockoutMinutes,origins,smtpPassword");
    }

    @Test
    void aShellUsersChangeLeavesTheActorToTheLogsCurrentCaller() {
        changes.callerContext = () -> new Caller("u-1", "admin", Set.of("admin"), true);
        properties.put("lockoutMinutes", 30);

        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, PID));

        assertThat(only().actor()).isNull();
    }

    @Test
    void aFailingLogDoesNotFailTheConfigurationUpdate() {
        changes.auditLog = new FakeAuditLog() {
            @Override
            public void record(AuditEntry entry) {
                throw new org.bastion.crm.api.ServiceUnavailableException("down");
            }
        };
        properties.put("lockoutMinutes", 30);

        changes.configurationEvent(event(ConfigurationEvent.CM_UPDATED, PID));
    }

    private AuditEntry only() {
        assertThat(log.written).hasSize(1);
        return log.written.get(0);
    }

    @SuppressWarnings("unchecked")
    private static ConfigurationEvent event(int type, String pid) {
        return new ConfigurationEvent(mock(ServiceReference.class), type, null, pid);
    }
}
