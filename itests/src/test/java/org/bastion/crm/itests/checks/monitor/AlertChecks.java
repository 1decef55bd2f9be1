package org.bastion.crm.itests.checks.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.TestUser;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * crm-monitor's rules and alerts in the running CRM: five failed logins raise a {@code failed-logins} alert in
 * {@code GET /alerts} within a second, and alerts are acknowledged and resolved over REST and in the shell.
 */
public final class AlertChecks {

    /** How soon an alert must show after its triggering entry. */
    static final Duration RAISE_LIMIT = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FAILED_LOGINS = "failed-logins";

    private final CrmApi admin;
    private final KarafShell shell;
    private final CrmUsers users;
    private final MonitorAudit audit;
    private final AlertsApi alerts;

    /** Checks with the administrator's client, the container's shell and its services. */
    public AlertChecks(CrmApi admin, ApiClients clients, KarafShell shell, BundleContext bundleContext) {
        this.admin = admin;
        this.shell = shell;
        this.users = new CrmUsers(admin);
        this.audit = new MonitorAudit(bundleContext);
        this.alerts = new AlertsApi(admin);
    }

    /** Records {@code count} failed logins for a fresh account and waits for its alert; the alert. */
    static AlertsApi.Seen failuresRaise(CrmUsers users, MonitorAudit audit, AlertsApi alerts, int count,
            Duration timeout) {
        TestUser user = users.create("monitor");
        String address = MonitorAudit.freshAddress();
        for (int i = 0; i < count; i++) {
            audit.failedLogin(user.id(), user.username(), address);
        }
        long last = System.nanoTime();
        return alerts.await(FAILED_LOGINS, "user:" + user.id(), last, timeout);
    }

    /** Five failures: the alert shows in GET /alerts within a second of the last one, open, high, counting one. */
    public void fiveFailedLoginsRaiseAnAlertWithinOneSecond() {
        failuresRaise(users, audit, alerts, 5, WAIT); // warms the path: first rule evaluations, first alert insert
        AlertsApi.Seen seen = failuresRaise(users, audit, alerts, 5, WAIT);
        System.out.println("[monitor] failed-logins alert visible in GET /alerts " + seen.latency().toMillis()
                + " ms after the fifth failure");
        assertTrue("the alert must show within " + RAISE_LIMIT.toMillis() + " ms of the fifth failure, it took "
                + seen.latency().toMillis() + " ms", seen.latency().compareTo(RAISE_LIMIT) <= 0);
        JsonNode alert = seen.alert();
        assertEquals("open", alert.path("state").asText());
        assertEquals("high", alert.path("severity").asText());
        assertEquals(1, alert.path("count").asLong());
        assertTrue("it names the triggering entry: " + alert, alert.path("lastSequence").asLong() > 0);
        assertTrue("the summary names no username: " + alert,
                alert.path("summary").asText().startsWith("5 failed logins for one account"));
    }

    /** Acknowledge over REST, resolve in the shell, and the other way round; bad filters and states refused. */
    public void alertsAreAcknowledgedAndResolvedOverRestAndShell() {
        String first = failuresRaise(users, audit, alerts, 5, WAIT).id();
        JsonNode acknowledged = Expect.json(200, admin.post("/alerts/" + first + "/acknowledge",
                Map.of("note", "looking into it")));
        assertEquals("acknowledged", acknowledged.path("state").asText());
        String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
        assertEquals(adminId, acknowledged.path("updatedBy").asText());
        String resolved = shell.execute("crm:alert-resolve --note done " + first);
        assertTrue("crm:alert-resolve printed: " + resolved, resolved.contains("is resolved"));
        assertEquals("resolved", Expect.json(200, admin.get("/alerts/" + first)).path("state").asText());
        Expect.problem(409, admin.post("/alerts/" + first + "/acknowledge", null));

        String second = failuresRaise(users, audit, alerts, 5, WAIT).id();
        String ack = shell.execute("crm:alert-ack " + second);
        assertTrue("crm:alert-ack printed: " + ack, ack.contains("is acknowledged"));
        String listed = shell.execute("crm:alert-list --rule failed-logins --state acknowledged --size 200");
        assertTrue("crm:alert-list shows the acknowledged alert: " + listed, listed.contains(second));
        assertEquals("resolved", Expect.json(200, admin.post("/alerts/" + second + "/resolve", null))
                .path("state").asText());

        Expect.problem(400, admin.get("/alerts?state=closed"));
        Expect.problem(400, admin.get("/alerts?owner=me"));
        Expect.problem(400, admin.get("/alerts?size=1000"));
        Expect.problem(404, admin.get("/alerts/not-an-id"));
        String badState = shell.execute("crm:alert-list --state closed");
        assertTrue("one error line naming the option: " + badState,
                badState.contains("state: unknown alert state 'closed'"));
    }
}
