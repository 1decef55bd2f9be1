package org.bastion.crm.backup.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.backup.internal.BackupAccess;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupPermissions;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.bastion.crm.testing.GrantedPermissions;
import org.bastion.crm.testing.RestMocks;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class BackupsResourceTest {

    private final BackupService service = Mockito.mock(BackupService.class);
    private Caller caller = new Caller("u-admin", "Admin", Set.of("admin"), true);
    private final BackupsResource resource = new BackupsResource(service, BackupAccess.of(() -> caller,
            new GrantedPermissions(Map.of("admin", Set.of(BackupPermissions.READ, BackupPermissions.MANAGE,
                    BackupPermissions.RESTORE), "operator", Set.of(BackupPermissions.READ, BackupPermissions.MANAGE)))));

    @Test
    void aRestoreNeedsTheBackupsIdTypedAgain() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> resource.restore(id.toString(), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.restore(id.toString(), new RestoreRequest(null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("confirm"));
        assertThatThrownBy(() -> resource.restore(id.toString(), new RestoreRequest(UUID.randomUUID().toString())))
                .isInstanceOf(ValidationException.class);
        Mockito.verifyNoInteractions(service);

        Mockito.when(service.restore(id, BackupProgress.NONE)).thenReturn(new BackupEngine.Restored(null,
                java.util.List.of("contacts"), java.util.List.of(), java.util.List.of()));
        assertThat(resource.restore(id.toString(), new RestoreRequest(id.toString())).restored())
                .containsExactly("contacts");
    }

    @Test
    void theOperationsPermissionIsCheckedBeforeThePathOrBody() {
        caller = new Caller("u-op", "Operator", Set.of("operator"), true);
        assertThatThrownBy(() -> resource.restore("not-an-id", null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("backups:restore");
        caller = new Caller("u-sales", "Sales", Set.of("sales"), true);
        assertThatThrownBy(() -> resource.get("not-an-id")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.delete("not-an-id")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.verify("not-an-id")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.create(RestMocks.uri("https://crm.example/api/v1/backups")))
                .isInstanceOf(AccessDeniedException.class);
        Mockito.verifyNoInteractions(service);
    }

    @Test
    void aPathThatIsNoCanonicalUuidNamesNoBackup() {
        assertThatThrownBy(() -> resource.get("12")).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining("12");
        assertThatThrownBy(() -> resource.get(UUID.randomUUID().toString().toUpperCase()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void takingABackupAnswers201WithItsLocation() {
        UUID id = UUID.randomUUID();
        Mockito.when(service.create("manual", BackupProgress.NONE)).thenReturn(new BackupInfo(id, "f.cbk", "manual",
                "COMPLETED", null, null, 1L, 1L, null, null, null, null, null, null));
        Response answer = resource.create(RestMocks.uri("https://crm.example/api/v1/backups"));
        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(answer.getLocation().toString()).endsWith("/backups/" + id);
    }

    @Test
    void duringMaintenanceOnlyHealthReadingBackupsAndRestoringPass() {
        assertThat(passes("GET", "/api/v1/health")).isTrue();
        assertThat(passes("HEAD", "/api/v1/health")).isTrue();
        assertThat(passes("GET", "/api/v1/backups")).isTrue();
        assertThat(passes("GET", "/api/v1/backups/" + UUID.randomUUID())).isTrue();
        assertThat(passes("POST", "/api/v1/backups/" + UUID.randomUUID() + "/restore")).isTrue();

        assertThat(passes("POST", "/api/v1/backups")).isFalse();
        assertThat(passes("DELETE", "/api/v1/backups/" + UUID.randomUUID())).isFalse();
        assertThat(passes("POST", "/api/v1/backups/" + UUID.randomUUID() + "/verify")).isFalse();
        assertThat(passes("GET", "/api/v1/contacts")).isFalse();
        assertThat(passes("POST", "/api/v1/auth/login")).isFalse();
        assertThat(passes("GET", "/api/v1/backups/../contacts")).isFalse();
        assertThat(passes("GET", "/api/v1/backups/%2e%2e/contacts")).isFalse();
        assertThat(passes("GET", "/api/v1/backups;x=1")).isFalse();
        assertThat(passes("GET", "/api/v1/health/")).isFalse();
    }

    @Test
    void theMaintenanceRefusalIsA503WithRetryAfter() {
        MaintenanceException refusal = new MaintenanceException("The CRM is in maintenance");
        assertThat(refusal.code()).isEqualTo("maintenance");
        assertThat(refusal.getClass().getSuperclass().getAnnotation(org.bastion.crm.api.rest.ProblemType.class)
                .status()).isEqualTo(503);
        assertThat(refusal.problemHeaders()).containsEntry("Retry-After", "30");
    }

    private static boolean passes(String method, String rawPath) {
        return MaintenanceFilter.passes(method, URI.create("https://crm.example" + rawPath));
    }

}
