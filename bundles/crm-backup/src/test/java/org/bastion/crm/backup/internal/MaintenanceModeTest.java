package org.bastion.crm.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.bastion.crm.testing.GrantedPermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceModeTest {

    @TempDir
    Path directory;

    @Test
    void everyNodeSeesMaintenanceWithinASecondOfItsChange() {
        BackupFixture f = new BackupFixture(directory);
        MaintenanceMode otherNode = new MaintenanceMode(f.transactions, BackupAccess.of(() -> f.caller,
                new GrantedPermissions(Map.of())), f.audit, f.clock, "node-b");
        assertThat(otherNode.state().active()).isFalse();

        f.maintenance.enter("restoring backup x", "x");
        assertThat(f.maintenance.state().active()).as("the node that set it sees it at once").isTrue();
        f.clock.advance(MaintenanceMode.REFRESH.plus(Duration.ofMillis(1)));
        Maintenance seen = otherNode.state();
        assertThat(seen.active()).isTrue();
        assertThat(seen.reason()).isEqualTo("restoring backup x");
        assertThat(seen.node()).isEqualTo("node-a");

        f.maintenance.clear();
        f.clock.advance(MaintenanceMode.REFRESH.plus(Duration.ofMillis(1)));
        assertThat(otherNode.state().active()).isFalse();
    }

    @Test
    void backupsAreRefusedBeforeTheyStartWhenAnAuditTrailIsRequiredAndMissing() {
        BackupFixture f = new BackupFixture(directory);
        BackupAudit required = new BackupAudit(new AuditRecorder(() -> null, () -> () -> true));
        BackupCoordinator service = new BackupCoordinator(f.engine, f.catalogue, f.lease("node-a"),
                BackupAccess.of(() -> f.caller, new GrantedPermissions(Map.of("admin", Set.of(BackupPermissions.MANAGE,
                        BackupPermissions.RESTORE, BackupPermissions.READ)))), required, f.maintenance, f.clock,
                "node-a", directory);
        assertThatThrownBy(() -> service.create("manual", BackupProgress.NONE))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(f.engine.backups).isZero();
        assertThat(f.catalogue.list()).isEmpty();
    }
}
