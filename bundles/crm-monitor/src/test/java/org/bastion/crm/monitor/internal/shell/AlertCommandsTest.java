package org.bastion.crm.monitor.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.bastion.crm.shell.CrmAction;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {

    private final MonitorFixture f = new MonitorFixture();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String run(CrmAction command) throws Exception {
        command.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
        command.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Alert raise() {
        return f.raiser.raise("failed-logins", new AlertTrigger("user:u-1", AlertSeverity.HIGH, "5 failed logins"),
                f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE, AuditActor.SYSTEM, null, Map.of())).alert();
    }

    @Test
    void alertListShowsTheAlertsOfAState() throws Exception {
        Alert alert = raise();
        AlertListCommand list = new AlertListCommand();
        list.alerts = f.service;
        list.state = "open";
        String printed = run(list);
        assertThat(printed).contains(alert.id().toString()).contains("failed-logins").contains("5 failed logins")
                .contains("1 alert(s)");
    }

    @Test
    void alertListRefusesAnUnknownState() {
        AlertListCommand list = new AlertListCommand();
        list.alerts = f.service;
        list.state = "closed";
        assertThatThrownBy(() -> run(list)).hasMessageStartingWith("state: unknown alert state");
    }

    @Test
    void alertAckAndResolveChangeTheState() throws Exception {
        Alert alert = raise();
        AlertAckCommand ack = new AlertAckCommand();
        ack.alerts = f.service;
        ack.id = alert.id().toString();
        assertThat(run(ack)).contains("is acknowledged");
        AlertResolveCommand resolve = new AlertResolveCommand();
        resolve.alerts = f.service;
        resolve.id = alert.id().toString();
        resolve.note = "done";
        assertThat(run(resolve)).contains("is resolved");
        assertThat(f.service.get(alert.id()).state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void aBadIdIsOneErrorLine() {
        AlertAckCommand ack = new AlertAckCommand();
        ack.alerts = f.service;
        ack.id = "nope";
        assertThatThrownBy(() -> run(ack)).hasMessageStartingWith("id: must be an alert id");
    }

    @Test
    void alertUndoLiftsTheLock() throws Exception {
        f.settings.apply(Map.of("failed-logins.responses", "refuse-address"));
        f.raiser.raise("failed-logins", new AlertTrigger("address:203.0.113.5", AlertSeverity.HIGH, "s"),
                f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE, AuditActor.SYSTEM, null, Map.of()));
        Alert alert = f.service.list(org.bastion.crm.api.monitor.AlertQuery.ALL,
                org.bastion.crm.api.PageRequest.first()).items().get(0);
        AlertUndoCommand undo = new AlertUndoCommand();
        undo.alerts = f.service;
        undo.id = alert.id().toString();
        assertThat(run(undo)).contains("Undid refuse-address of 203.0.113.5");
        assertThat(f.restrictions.refusedAddresses).isEmpty();
    }
}
