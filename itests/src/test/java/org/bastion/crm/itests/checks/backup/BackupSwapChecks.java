package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * {@code feature:uninstall crm-backup}, then {@code feature:install crm-backup}: while it is away the backup endpoints
 * are gone and the CRM serves contacts; afterwards the catalogue still lists the backup taken before, which still
 * verifies, and a new backup can be taken.
 */
public final class BackupSwapChecks {

    private static final String FEATURE = "crm-backup";
    private static final String ADMIN = "admin";
    private static final Duration SWAP = Duration.ofSeconds(180);

    private final CrmApi api;
    private final KarafShell shell;
    private final FeaturesService featuresService;

    /** Checks with the admin's client, the shell and the features service. */
    public BackupSwapChecks(CrmApi api, KarafShell shell, FeaturesService featuresService) {
        this.api = api;
        this.shell = shell;
        this.featuresService = featuresService;
    }

    /** A backup, the swap, and the catalogue, a verify and a new backup afterwards. */
    public void swapOutAndBackKeepsTheCatalogueAndBacksUpAgain() throws Exception {
        String before = Expect.status(201, api.post("/backups", null)).json().path("id").asText();
        String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
        try {
            assertFalse("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled,
                    featuresService.isInstalled(featuresService.getFeature(FEATURE)));
            Await.until("GET /backups to be gone while crm-backup is uninstalled", SWAP, () -> api.get("/backups"),
                    answer -> answer.status() == 404);
            Await.until("GET /contacts to answer 200 while crm-backup is uninstalled", SWAP,
                    () -> api.get("/contacts?size=1"), answer -> answer.status() == 200);
        } finally {
            String reinstalled = shell.executeAs(ADMIN, "feature:install " + FEATURE);
            assertTrue("feature:install " + FEATURE + " worked; it printed: " + reinstalled,
                    featuresService.isInstalled(featuresService.getFeature(FEATURE)));
        }
        ApiResponse listed = Await.until("GET /backups to answer 200 after feature:install", SWAP,
                () -> api.get("/backups"), answer -> answer.status() == 200);
        boolean found = false;
        for (JsonNode item : listed.json()) {
            found |= before.equals(item.path("id").asText());
        }
        assertTrue("the backup taken before the swap is still in the catalogue: " + listed.body(), found);
        JsonNode verified = Expect.status(200, api.post("/backups/" + before + "/verify", null)).json();
        assertEquals("the backup taken before the swap still verifies: " + verified, "VERIFIED",
                verified.path("verifyState").asText());
        Expect.status(201, api.post("/backups", null));
    }
}
