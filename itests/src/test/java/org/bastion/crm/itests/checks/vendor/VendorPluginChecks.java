package org.bastion.crm.itests.checks.vendor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.checks.permissions.PermissionsApi;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample vendor plugin's whole visit to a running CRM, no restart: its features repository added and its feature
 * installed, used over REST (CRUD, ETags, merge patch, paging, scopes) and in the shell, uninstalled and its
 * repository removed, while client threads ask the rest of the CRM (health, contacts) all along and every one of
 * their requests must be answered 200.
 */
public final class VendorPluginChecks {

    /** Client threads on /health and /contacts while the plugin comes and goes. */
    public static final int TRAFFIC_CLIENTS = 4;

    private final CrmApi admin;
    private final ApiClients clients;
    private final KarafShell shell;
    private final VendorFeature plugin;
    private final DealCrudChecks crud;

    /** Checks in the container of these services. */
    public VendorPluginChecks(CrmApi admin, ApiClients clients, KarafShell shell, FeaturesService features,
                              BundleContext bundleContext) {
        this.admin = admin;
        this.clients = clients;
        this.shell = shell;
        this.plugin = new VendorFeature(admin, shell, features, bundleContext);
        this.crud = new DealCrudChecks(admin, bundleContext);
    }

    /** Install, use, uninstall; the rest of the CRM answers every request throughout. */
    public void installUseAndUninstallWhileTheRestOfTheCrmAnswers() {
        assertFalse("the plugin is not part of the distribution", plugin.installed());
        Expect.problem(404, admin.get("/deals"));
        String token = AdminLogin.current().token();
        List<String> failed;
        long requests;
        try (SteadyTraffic traffic = new SteadyTraffic(TRAFFIC_CLIENTS, () -> clients.anonymous().useBearer(token))) {
            try {
                plugin.install();
                assertHealthReportsDeals(true);
                crud.dealLifeWithETagsAndMergePatch();
                crud.invalidDealsAreRefusedFieldByField();
                crud.contactReferenceIsCheckedThroughContacts();
                crud.pagesAreSortedAndLinked(Expect.json(200, admin.get("/auth/me")).path("id").asText());
                crud.openApiListsDeals();
                readsKeepUp(token);
                DealScopeChecks scopes = new DealScopeChecks(admin, clients);
                scopes.catalogueListsDealPermissions();
                scopes.ownTeamAndAllScopesReachTheirDeals();
                new DealShellChecks(shell).dealIsAddedListedShownAndDeleted();
            } finally {
                if (plugin.installed()) {
                    plugin.uninstall();
                }
            }
            failed = traffic.stop();
            requests = traffic.requests();
            assertTrue("the traffic really ran: " + requests + " requests", requests > 100);
            assertTrue("every request to the rest of the CRM was answered 200 while the plugin came and went: "
                    + traffic.describe(failed), failed.isEmpty());
        }
        assertHealthReportsDeals(false);
        assertFalse("the catalogue forgets the plugin's permissions",
                new PermissionsApi(admin).catalogue().contains("deals:read"));
        assertEquals("contacts still answer", 200, admin.get("/contacts?size=1").status());
    }

    /** The same fast path: deals read at least half as fast as contacts here (the 0.9 aim: bench/vendor-read.sh). */
    private void readsKeepUp(String token) {
        String run = DealsData.runId();
        String contact = "/contacts/" + Expect.json(201, admin.post("/contacts", DealsData.contact("Speed" + run)))
                .path("id").asText();
        String deal = "/deals/" + Expect.json(201, admin.post("/deals", DealsData.dealWithNotes("Speed " + run, null,
                "notes " + run))).path("id").asText();
        new ReadThroughput(() -> clients.anonymous().useBearer(token)).dealReadsKeepUpWithContactReads(contact, deal);
        Expect.deleted(admin.delete(deal));
        Expect.deleted(admin.delete(contact));
    }

    private void assertHealthReportsDeals(boolean present) {
        JsonNode health = Expect.json(200, admin.get("/health"));
        assertEquals("health lists deals: " + health, present, health.toString().contains("\"deals\""));
    }
}
