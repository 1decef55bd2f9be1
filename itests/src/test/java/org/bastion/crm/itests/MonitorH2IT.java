package org.bastion.crm.itests;

import static org.junit.Assert.assertEquals;

import org.bastion.crm.itests.checks.monitor.AlertChecks;
import org.bastion.crm.itests.checks.monitor.MonitorSwapChecks;
import org.bastion.crm.itests.checks.monitor.ResponseChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Real-time monitoring (crm-monitor) on the default database: each rule raises its alert within the limit on every
 * channel (server-sent events, a webhook with a valid HMAC, e-mail received by an SMTP server run by the test),
 * responses lock and unlock, metrics answer, and the feature swaps out and back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MonitorH2IT extends AbstractCrmSuite {

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }

    @Test
    public void aaBundleIsActive() {
        Bundle bundle = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.bastion.crm-monitor")).findFirst()
                .orElseThrow(() -> new AssertionError("org.bastion.crm-monitor is not installed"));
        assertEquals("org.bastion.crm-monitor is ACTIVE", Bundle.ACTIVE, bundle.getState());
    }

    // --- monitor-core: rules, alerts, REST, shell, responses (add @Test methods here) ---

    @Test
    public void m1FiveFailedLoginsRaiseAnAlertWithinOneSecond() {
        new AlertChecks(api, clients, shell, bundleContext).fiveFailedLoginsRaiseAnAlertWithinOneSecond();
    }

    @Test
    public void m2AlertsAreAcknowledgedAndResolvedOverRestAndShell() {
        new AlertChecks(api, clients, shell, bundleContext).alertsAreAcknowledgedAndResolvedOverRestAndShell();
    }

    @Test
    public void m3LockAccountResponseLocksAsTheSystemAndUndoUnlocks() {
        new ResponseChecks(api, clients, shell, bundleContext).lockAccountResponseLocksAsTheSystemAndUndoUnlocks();
    }

    @Test
    public void m4ABadConfigurationLeavesTheRulesInForce() {
        new ResponseChecks(api, clients, shell, bundleContext).aBadConfigurationLeavesTheRulesInForce();
    }

    @Test
    public void m5UninstallAndReinstallKeepsAlertsAndRules() {
        new MonitorSwapChecks(api, shell, featuresService, bundleContext).uninstallAndReinstallKeepsAlertsAndRules();
    }

    // --- monitor-delivery: SSE, webhooks, e-mail, metrics (add @Test methods here) ---

    /** Driver side: the suite's options plus the GreenMail server the e-mail check sends to. */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(super.config(),
                org.bastion.crm.itests.support.DriverMailServer.options());
    }

    private org.bastion.crm.itests.checks.delivery.DeliveryChecks delivery() {
        return new org.bastion.crm.itests.checks.delivery.DeliveryChecks(bundleContext, api, clients,
                Integer.parseInt(System.getProperty(org.bastion.crm.itests.support.CrmContainer.HTTPS_PORT_PROPERTY)));
    }

    @Test
    public void naAlertReachesTheStreamWithinASecond() throws Exception {
        delivery().alertReachesTheStreamWithinASecond(org.bastion.crm.itests.support.AdminLogin.current().token());
    }

    @Test
    public void nabFailedLoginAlertReachesTheStreamWithinASecond() throws Exception {
        delivery().failedLoginAlertReachesTheStreamWithinASecond(
                org.bastion.crm.itests.support.AdminLogin.current().token());
    }

    @Test
    public void nbQuietStreamGetsHeartbeats() throws Exception {
        delivery().quietStreamGetsHeartbeats(org.bastion.crm.itests.support.AdminLogin.current().token());
    }

    @Test
    public void ncStreamRefusesWithoutAlertsRead() throws Exception {
        delivery().streamRefusesWithoutAlertsRead();
    }

    @Test
    public void ndWebhookReceivesSignedAlertAfterARetry() throws Exception {
        delivery().webhookReceivesSignedAlertAfterARetry();
    }

    @Test
    public void neMailReachesTheSmtpServer() throws Exception {
        delivery().mailReachesTheSmtpServer();
    }

    @Test
    public void nfMetricsAnswerOnlyWithPermissionOrToken() {
        delivery().metricsAnswerOnlyWithPermissionOrToken();
    }
}
