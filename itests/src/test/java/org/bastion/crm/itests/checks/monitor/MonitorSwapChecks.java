package org.bastion.crm.itests.checks.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;

/**
 * Hot swap of monitoring: {@code feature:uninstall crm-monitor} takes {@code /alerts} and the commands away while
 * the CRM goes on; {@code feature:install crm-monitor} brings them back with the alerts kept and the rules working.
 */
public final class MonitorSwapChecks {

    private static final String FEATURE = "crm-monitor";
    private static final String ADMIN = "admin";
    private static final Duration TRANSITION = Duration.ofSeconds(120);

    private final CrmApi admin;
    private final KarafShell shell;
    private final FeaturesService features;
    private final CrmUsers users;
    private final MonitorAudit audit;
    private final AlertsApi alerts;

    /** Checks with the administrator's client, the shell, the features service and the container's services. */
    public MonitorSwapChecks(CrmApi admin, KarafShell shell, FeaturesService features, BundleContext bundleContext) {
        this.admin = admin;
        this.shell = shell;
        this.features = features;
        this.users = new CrmUsers(admin);
        this.audit = new MonitorAudit(bundleContext);
        this.alerts = new AlertsApi(admin);
    }

    /** Uninstalls and re-installs the feature, following the endpoint, the commands, the alerts and the rules. */
    public void uninstallAndReinstallKeepsAlertsAndRules() {
        String kept = AlertChecks.failuresRaise(users, audit, alerts, 5, AlertChecks.WAIT).id();
        try {
            String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
            assertFalse("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled, installed());
            Await.until("/alerts to go away", TRANSITION, () -> admin.get("/alerts/" + kept),
                    r -> r.status() == 404 || r.status() == 503);
            Await.until("crm:alert-list to go away", TRANSITION, () -> shell.hasCommand("crm:alert-list"), f -> !f);
            Expect.json(200, admin.get("/health"));
            Expect.json(200, admin.get("/auth/me"));
        } finally {
            String reinstalled = shell.executeAs(ADMIN, "feature:install " + FEATURE);
            assertTrue("feature:install " + FEATURE + " worked; it printed: " + reinstalled, installed());
        }
        String state = Await.until("the kept alert to answer again", TRANSITION,
                () -> admin.get("/alerts/" + kept), r -> r.status() == 200).json().path("state").asText();
        assertEquals("the alert survived the swap", "open", state);
        Await.until("crm:alert-list to come back", TRANSITION, () -> shell.hasCommand("crm:alert-list"), f -> f);
        AlertChecks.failuresRaise(users, audit, alerts, 5, TRANSITION);
    }

    private boolean installed() {
        try {
            Feature feature = features.getFeature(FEATURE);
            return feature != null && features.isInstalled(feature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the features service about " + FEATURE, e);
        }
    }
}
