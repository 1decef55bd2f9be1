package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.BundleContext;

/**
 * {@code feature:uninstall crm-audit} right after a burst of queued read entries, then {@code feature:install
 * crm-audit}: every entry of the burst is in the trail afterwards (the queue is written out when the bundle stops), the
 * CRM answered reads while the trail was away, and the whole chain still verifies.
 */
public final class AuditSwapChecks {

    private static final String FEATURE = "crm-audit";
    private static final String ADMIN = "admin";
    private static final int READS = 40;
    private static final Duration SWAP = Duration.ofSeconds(180);

    private final CrmApi api;
    private final KarafShell shell;
    private final FeaturesService featuresService;
    private final BundleContext bundleContext;

    /** Checks with the admin's client, the shell, the features service and the probe's bundle context. */
    public AuditSwapChecks(CrmApi api, KarafShell shell, FeaturesService featuresService, BundleContext bundleContext) {
        this.api = api;
        this.shell = shell;
        this.featuresService = featuresService;
        this.bundleContext = bundleContext;
    }

    /** The burst, the swap, and the count and verification afterwards. */
    public void swapOutAndBackLosesNoEntryAndTheChainVerifies() throws Exception {
        String run = TestData.runId();
        ApiResponse created = Expect.status(201, api.post("/contacts",
                TestData.contact("Audit", "Swap-" + run, "audit.swap." + run + "@example.com")));
        String id = created.json().path("id").asText();
        for (int i = 0; i < READS; i++) {
            Expect.status(200, api.get("/contacts/" + id));
        }
        String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
        try {
            assertTrue("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled,
                    !featuresService.isInstalled(featuresService.getFeature(FEATURE)));
            Await.until("the AuditLog service to leave", SWAP, () -> bundleContext.getServiceReference(AuditLog.class),
                    reference -> reference == null);
            Expect.status(200, api.get("/contacts/" + id));
        } finally {
            String reinstalled = shell.executeAs(ADMIN, "feature:install " + FEATURE);
            assertTrue("feature:install " + FEATURE + " worked; it printed: " + reinstalled,
                    featuresService.isInstalled(featuresService.getFeature(FEATURE)));
        }
        Await.until("the AuditLog service to come back", SWAP, () -> bundleContext.getServiceReference(AuditLog.class),
                reference -> reference != null);
        String reads = "/audit?action=contact.read&targetKind=contact&targetId=" + id + "&size=1";
        JsonNode page = Await.until("the " + READS + " reads before the uninstall in GET " + reads, SWAP,
                () -> api.get(reads), r -> r.status() == 200 && r.json().path("total").asLong() >= READS).json();
        assertEquals("every read before the uninstall is in the trail, none twice (the read while it was away "
                + "went unrecorded)", READS, page.path("total").asLong());
        JsonNode verified = Await.until("GET /audit/verify to answer 200", SWAP, () -> api.get("/audit/verify"),
                r -> r.status() == 200).json();
        assertTrue("the chain verifies after the swap: " + verified, verified.path("ok").asBoolean());
        Expect.deleted(api.delete("/contacts/" + id));
    }
}
