package org.bastion.crm.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceHealthTest {

    @TempDir
    Path directory;

    @Test
    void upWhileNotInMaintenance() {
        BackupFixture fixture = new BackupFixture(directory);
        ComponentHealth health = new MaintenanceHealth(fixture.maintenance).check();
        assertThat(health.component()).isEqualTo(MaintenanceHealth.NAME);
        assertThat(health.state()).isEqualTo(HealthState.UP);
    }

    @Test
    void degradedWithTheReasonWhileARestoreRunsAndUpAgainAfterIt() {
        BackupFixture fixture = new BackupFixture(directory);
        MaintenanceHealth health = new MaintenanceHealth(fixture.maintenance);
        fixture.maintenance.enter("restoring backup b-1 (started by Admin)", "b-1");
        assertThat(health.check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.check().detail()).contains("maintenance").contains("restoring backup b-1");
        fixture.maintenance.clear();
        assertThat(health.check().state()).isEqualTo(HealthState.UP);
    }

    @Test
    void degradedWithTheFailureWhileAFailedRestoreLeavesMaintenanceOn() {
        BackupFixture fixture = new BackupFixture(directory);
        fixture.maintenance.failed("restore of backup b-2 failed: the database failed", "b-2");
        ComponentHealth health = new MaintenanceHealth(fixture.maintenance).check();
        assertThat(health.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.detail()).contains("restore of backup b-2 failed");
    }
}
