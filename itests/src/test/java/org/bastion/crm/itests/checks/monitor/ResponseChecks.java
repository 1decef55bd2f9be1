package org.bastion.crm.itests.checks.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.ManagedConfiguration;
import org.bastion.crm.itests.support.TestUser;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Automatic responses and live configuration: with {@code failed-logins.responses = lock-account,end-sessions} an
 * alert locks the account (asked of the highest-ranked {@code AccessRestrictions}, as the system caller) and ends its
 * sessions (crm-security's real SessionService), an administrator's undo lifts the lock; a wrong configuration is
 * refused with one log line and the rules in force keep working.
 */
public final class ResponseChecks {

    static final String PID = "org.bastion.crm.monitor";

    private final CrmApi admin;
    private final ApiClients clients;
    private final KarafShell shell;
    private final BundleContext bundleContext;
    private final CrmUsers users;
    private final MonitorAudit audit;
    private final AlertsApi alerts;

    /** Checks with the administrator's client, other clients, the shell and the container's services. */
    public ResponseChecks(CrmApi admin, ApiClients clients, KarafShell shell, BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.shell = shell;
        this.bundleContext = bundleContext;
        this.users = new CrmUsers(admin);
        this.audit = new MonitorAudit(bundleContext);
        this.alerts = new AlertsApi(admin);
    }

    /** Configures responses, raises an alert for a logged-in user, sees both applied, undoes the lock over REST. */
    public void lockAccountResponseLocksAsTheSystemAndUndoUnlocks() {
        ServiceReference<CallerContext> callers = bundleContext.getServiceReference(CallerContext.class);
        RecordingRestrictions restrictions = new RecordingRestrictions(bundleContext.getService(callers));
        Dictionary<String, Object> ranking = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE));
        ServiceRegistration<AccessRestrictions> registration =
                bundleContext.registerService(AccessRestrictions.class, restrictions, ranking);
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try {
            applied(configuration, Map.of("failed-logins.responses", "lock-account,end-sessions",
                    "failed-logins.responseMinutes", "20"));
            TestUser user = users.create("respond");
            String token = new Logins(clients).token(user.username(), user.password());
            CrmApi session = clients.withToken(token);
            Expect.json(200, session.get("/auth/me"));

            String address = MonitorAudit.freshAddress();
            for (int i = 0; i < 5; i++) {
                audit.failedLogin(user.id(), user.username(), address);
            }
            String id = alerts.await(AlertChecks.FAILED_LOGINS, "user:" + user.id(), System.nanoTime(),
                    AlertChecks.WAIT).id();
            RecordingRestrictions.Lock lock = Await.until("the lock of " + user, AlertChecks.WAIT,
                    () -> restrictions.locks.get(user.id()), found -> found != null);
            assertTrue("the lock is asked for as the system caller, not " + lock.callerId(), lock.system());
            assertEquals(Duration.ofMinutes(20), lock.period());
            Await.until("the user's session to be ended", AlertChecks.WAIT, () -> session.get("/auth/me"),
                    response -> response.status() == 401);

            JsonNode shown = Expect.json(200, admin.get("/alerts/" + id));
            List<String> kinds = shown.path("responses").findValuesAsText("kind");
            assertTrue("the alert lists both responses: " + shown, kinds.containsAll(List.of("lock-account",
                    "end-sessions")));

            JsonNode undone = Expect.json(200, admin.post("/alerts/" + id + "/responses/undo", null));
            assertEquals("the lock is undone (ended sessions cannot come back): " + undone,
                    List.of("lock-account"), undone.path("items").findValuesAsText("kind"));
            String adminId = Expect.json(200, admin.get("/auth/me")).path("id").asText();
            JsonNode after = Expect.json(200, admin.get("/alerts/" + id));
            for (JsonNode response : after.path("responses")) {
                if (response.path("kind").asText().equals("lock-account")) {
                    assertEquals("undone by the admin: " + after, adminId, response.path("undoneBy").asText());
                }
            }
            Expect.json(200, clients.withToken(new Logins(clients).token(user.username(), user.password()))
                    .get("/auth/me"));
            assertEquals("a second undo has nothing left", 0,
                    Expect.json(200, admin.post("/alerts/" + id + "/responses/undo", null)).path("items").size());
            String shellUndo = shell.execute("crm:alert-undo " + id);
            assertTrue("crm:alert-undo printed: " + shellUndo, shellUndo.contains("Nothing to undo"));
        } finally {
            registration.unregister();
            bundleContext.ungetService(callers);
            configuration.restore(before);
        }
    }

    /** A threshold of 3 applied live; then 0 and an unknown rule: refused with one line, 3 failures still alert. */
    public void aBadConfigurationLeavesTheRulesInForce() {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try {
            applied(configuration, Map.of("failed-logins.threshold", "3"));
            int refusedBefore = MonitorLog.lines(MonitorLog.REFUSED).size();
            configuration.update(Map.of("failed-logins.threshold", "0", "brute-force.threshold", "2"));
            List<String> refused = Await.until("the refusal in karaf.log", AlertChecks.WAIT,
                    () -> MonitorLog.lines(MonitorLog.REFUSED), lines -> lines.size() > refusedBefore);
            assertEquals("one line per refused configuration: " + refused, refusedBefore + 1, refused.size());
            String line = refused.get(refused.size() - 1);
            assertTrue("the line says why: " + line, line.contains("failed-logins.threshold must be a whole number "
                    + "above 0") && line.contains("unknown rule 'brute-force'"));
            AlertChecks.failuresRaise(users, audit, alerts, 3, AlertChecks.WAIT);
        } finally {
            configuration.restore(before);
        }
    }

    private static void applied(ManagedConfiguration configuration, Map<String, Object> changes) {
        int before = MonitorLog.lines(MonitorLog.APPLIED).size();
        configuration.update(changes);
        Await.until("the monitoring configuration to be applied", AlertChecks.WAIT,
                () -> MonitorLog.lines(MonitorLog.APPLIED).size(), count -> count > before);
    }
}
