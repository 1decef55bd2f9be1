package org.bastion.crm.rest.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.testing.RecordingAuditLog;
import org.junit.jupiter.api.Test;

class RestAuditTest {

    private static final ClientInfo FROM = new ClientInfo("192.0.2.8", "JUnit", "rest");
    private static final Caller ALICE = new Caller("u-alice", "Alice", Set.of(), true);

    private final RecordingAuditLog log = new RecordingAuditLog();
    private final RestAudit audit = new RestAudit();

    RestAuditTest() {
        audit.auditLog = log;
    }

    @Test
    void aForbiddenRequestIsQueuedAsADenialWithStatusMethodPathAndReason() {
        audit.denied(403, "DELETE", "/api/v1/users/u-bob", "access-denied", ALICE, FROM);

        AuditEntry entry = log.only(AuditActions.ACCESS_DENIED);
        assertThat(log.queued()).containsExactly(entry);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(entry.actor().userId()).isEqualTo("u-alice");
        assertThat(entry.actor().address()).isEqualTo("192.0.2.8");
        assertThat(entry.details()).containsEntry("status", "403").containsEntry("method", "DELETE")
                .containsEntry("path", "/api/v1/users/u-bob").containsEntry("reason", "access-denied");
    }

    @Test
    void anOutOfScope404NamesTheRecordButAPlainOneIsNotRecorded() {
        audit.outOfScope(NotFoundException.outOfScope("contact", "c-1"), "GET", "/api/v1/contacts/c-1", ALICE, FROM);
        audit.outOfScope(new NotFoundException("contact", "c-2"), "GET", "/api/v1/contacts/c-2", ALICE, FROM);

        AuditEntry entry = log.only(AuditActions.ACCESS_DENIED);
        assertThat(entry.target().kind()).isEqualTo("contact");
        assertThat(entry.target().id()).isEqualTo("c-1");
        assertThat(entry.details()).containsEntry("status", "404").containsEntry("reason", "out-of-scope");
    }

    @Test
    void withoutATrailNothingIsRecordedAndNothingFails() {
        audit.auditLog = null;

        audit.denied(401, "GET", "/api/v1/contacts", "authentication-required", null, null);

        assertThat(log.all()).isEmpty();
    }
}
