package org.bastion.crm.audit.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.testing.GrantedPermissions;
import org.junit.jupiter.api.Test;

class AuditQueryServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller AUDITOR = new Caller("u-aud", "Auditor", Set.of("auditor"), true);
    private static final Caller ALICE = new Caller("alice", "Alice", Set.of("sales"), true);

    private final AuditTables tables = new AuditTables();
    private Caller caller = AUDITOR;
    private final CallerContext callers = () -> caller;
    private final AuditQueryService service = service();

    private AuditQueryService service() {
        AuditQueryService created = new AuditQueryService(callers, tables.reader());
        created.permissions = new GrantedPermissions(Map.of("auditor", Set.of("audit:read")));
        return created;
    }

    @Test
    void holdersOfAuditReadSearchTheTrail() {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");

        assertThat(service.search(AuditFilter.ALL, PageRequest.first()).items()).extracting(AuditRecord::action)
                .containsExactly("auth.login.succeeded");
    }

    @Test
    void othersAreRefusedNamingThePermission() {
        caller = ALICE;

        assertThatThrownBy(() -> service.search(AuditFilter.ALL, PageRequest.first()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("audit:read");
        assertThatThrownBy(() -> service.after(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyoneSeesTheirOwnLoginHistoryOnly() {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");
        tables.chained(T0.plusSeconds(1), "alice", "contact.read", "success");
        tables.chained(T0.plusSeconds(2), "bob", "auth.login.failed", "failure");
        tables.chained(T0.plusSeconds(3), "alice", "auth.logout", "success");
        caller = ALICE;

        assertThat(service.ownActivity(PageRequest.first()).items()).extracting(AuditRecord::action)
                .containsExactly("auth.logout", "auth.login.succeeded");
    }

    @Test
    void theAnonymousCallerHasNoActivity() {
        caller = Caller.ANONYMOUS;

        assertThatThrownBy(() -> service.ownActivity(PageRequest.first())).isInstanceOf(AccessDeniedException.class);
    }
}
