package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.SteadyLoad;
import org.bastion.crm.itests.support.SteadyLoad.Probe;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;

/**
 * The whiteboard's rebuild window is closed (docs/adr/0014): while {@code crm-contacts} is uninstalled and installed
 * again, cycle after cycle, four clients asking health (anonymous) and the roles (authenticated) without a pause get
 * 200 every time; the contact endpoints answer a 404 or 503 problem while away and 200 when back.
 *
 * <p>The same cycles are first run with crm-rest's rebuild-window filter switched off through SCR, to measure what
 * it closes; those figures are printed, not asserted (the window is a race).
 */
public final class RebuildWindowChecks {

    private static final String FEATURE = "crm-contacts";
    /** Karaf's command ACLs reserve feature:install and feature:uninstall to this role. */
    private static final String ADMIN = "admin";
    private static final Duration TRANSITION = Duration.ofSeconds(120);
    private static final int CLIENTS = 4;
    private static final int CYCLES = 3;
    private static final int BASELINE_CYCLES = 3;
    private static final String REST_BUNDLE = "org.bastion.crm-rest";
    private static final String FILTER_COMPONENT = "org.bastion.crm.rest.internal.window.RebuildWindowFilter";
    private static final String FILTER_NAME = "bastion-crm-rebuild-window";

    private final ApiClients clients;
    private final String adminToken;
    private final KarafShell shell;
    private final FeaturesService featuresService;
    private final BundleContext bundleContext;

    /** Checks with clients of the API, the admin's token, the shell, the features service and the probe's context. */
    public RebuildWindowChecks(ApiClients clients, String adminToken, KarafShell shell, FeaturesService featuresService,
                               BundleContext bundleContext) {
        this.clients = clients;
        this.adminToken = adminToken;
        this.shell = shell;
        this.featuresService = featuresService;
        this.bundleContext = bundleContext;
    }

    /** Measures the window without the filter, then proves that with it no request to another capability fails. */
    public void otherCapabilitiesAnswerEveryRequestWhileAFeatureComesAndGoes() {
        Expect.status(200, clients.withToken(adminToken).get("/roles"));
        String baseline;
        switchFilter(false);
        try {
            baseline = swapUnderLoad(BASELINE_CYCLES).summary();
        } finally {
            switchFilter(true);
        }
        Result closed = swapUnderLoad(CYCLES);
        System.out.println("RebuildWindowChecks: without the filter: " + baseline);
        System.out.println("RebuildWindowChecks: with the filter: " + closed.summary());
        assertEquals("requests to health and roles that did not answer 200 while " + FEATURE + " was uninstalled and "
                + "installed " + CYCLES + " times: " + closed.summary() + " (without the filter: " + baseline + ")",
                0, closed.others().failed());
        assertEquals("contact requests that answered neither 200 nor a 404 or 503 problem: " + closed.summary(),
                0, closed.contacts().failed());
    }

    /** What the clients met during some cycles. */
    private record Result(int cycles, SteadyLoad others, SteadyLoad contacts) {
        String summary() {
            return cycles + " cycles, " + others.failed() + " of " + others.requests() + " health/roles requests failed "
                    + others.failuresByKind() + "; contacts: " + contacts.failed() + " of " + contacts.requests()
                    + " unclean " + contacts.failuresByKind();
        }
    }

    private Result swapUnderLoad(int cycles) {
        CrmApi anonymous = clients.anonymous();
        CrmApi admin = clients.withToken(adminToken);
        CrmApi contactsClient = clients.withToken(adminToken);
        List<Probe> others = List.of(new Probe("GET /health", () -> anonymous.get("/health")),
                new Probe("GET /roles", () -> admin.get("/roles")));
        List<Probe> contacts = List.of(new Probe("GET /contacts", () -> contactsClient.get("/contacts?size=1"),
                RebuildWindowChecks::servedOrCleanlyAway));
        try (SteadyLoad otherLoad = new SteadyLoad(CLIENTS, others);
             SteadyLoad contactLoad = new SteadyLoad(1, contacts)) {
            for (int cycle = 0; cycle < cycles; cycle++) {
                phase(otherLoad, contactLoad, "uninstalling: ");
                String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
                phase(otherLoad, contactLoad, "uninstalled: ");
                assertFalse("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled, installed());
                Await.until("/contacts to answer a 404 or 503 problem without " + FEATURE, TRANSITION,
                        () -> contactsClient.get("/contacts?size=1"), RebuildWindowChecks::cleanlyAway);
                phase(otherLoad, contactLoad, "installing: ");
                String reinstalled = shell.executeAs(ADMIN, "feature:install " + FEATURE);
                phase(otherLoad, contactLoad, "installed: ");
                assertTrue("feature:install " + FEATURE + " worked; it printed: " + reinstalled, installed());
                Await.until("/contacts to answer 200 again", TRANSITION, () -> contactsClient.get("/contacts?size=1"),
                        r -> r.status() == 200);
            }
            Await.until("the crm:contact-list command to be back", TRANSITION,
                    () -> shell.hasCommand("crm:contact-list"), present -> present);
            return new Result(cycles, otherLoad, contactLoad);
        }
    }

    private static void phase(SteadyLoad others, SteadyLoad contacts, String name) {
        others.phase(name);
        contacts.phase(name);
    }

    private static boolean cleanlyAway(ApiResponse answer) {
        return (answer.status() == 404 || answer.status() == 503) && ApiResponse.PROBLEM_JSON.equals(answer.mediaType());
    }

    private static boolean servedOrCleanlyAway(ApiResponse answer) {
        return answer.status() == 200 || cleanlyAway(answer);
    }

    private boolean installed() {
        try {
            Feature feature = featuresService.getFeature(FEATURE);
            return feature != null && featuresService.isInstalled(feature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the features service about " + FEATURE, e);
        }
    }

    /** Enables or disables the filter's component and waits until the HTTP whiteboard serves it, or no longer does. */
    private void switchFilter(boolean on) {
        ServiceReference<ServiceComponentRuntime> reference = bundleContext.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = bundleContext.getService(reference);
        try {
            ComponentDescriptionDTO filter = null;
            for (Bundle bundle : bundleContext.getBundles()) {
                if (REST_BUNDLE.equals(bundle.getSymbolicName())) {
                    filter = scr.getComponentDescriptionDTO(bundle, FILTER_COMPONENT);
                }
            }
            assertTrue("crm-rest declares " + FILTER_COMPONENT, filter != null);
            try {
                (on ? scr.enableComponent(filter) : scr.disableComponent(filter)).getValue();
            } catch (Exception e) {
                throw new IllegalStateException("cannot switch " + FILTER_COMPONENT, e);
            }
            Await.until(FILTER_NAME + (on ? " to be" : " to be no longer") + " in the application's servlet context",
                    TRANSITION, this::filterServed, served -> served == on);
            Await.until("GET /api/v1/health to answer 200", TRANSITION, () -> clients.anonymous().get("/health"),
                    r -> r.status() == 200);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private boolean filterServed() {
        ServiceReference<HttpServiceRuntime> reference = bundleContext.getServiceReference(HttpServiceRuntime.class);
        HttpServiceRuntime runtime = bundleContext.getService(reference);
        try {
            for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
                for (FilterDTO filter : context.filterDTOs) {
                    if (FILTER_NAME.equals(filter.name)) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
