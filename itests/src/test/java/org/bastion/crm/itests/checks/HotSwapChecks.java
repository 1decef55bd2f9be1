package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.HealthWatch;
import org.bastion.crm.itests.support.KarafShell;

/**
 * Hot swap: {@code feature:uninstall crm-contacts} takes the contact endpoints away while health keeps answering;
 * {@code feature:install crm-contacts} brings them back with the data intact, without a restart.
 */
public final class HotSwapChecks {

    private static final String FEATURE = "crm-contacts";
    /** Karaf's command ACLs reserve feature:install and feature:uninstall to this role. */
    private static final String ADMIN = "admin";
    private static final Duration TRANSITION = Duration.ofSeconds(120);

    private final CrmApi api;
    private final KarafShell shell;
    private final FeaturesService featuresService;

    /** Checks with the given API, shell and features service. */
    public HotSwapChecks(CrmApi api, KarafShell shell, FeaturesService featuresService) {
        this.api = api;
        this.shell = shell;
        this.featuresService = featuresService;
    }

    /** Uninstalls and re-installs the contacts feature and follows the endpoints through both transitions. */
    public void uninstallAndReinstallKeepsData() {
        String run = TestData.runId();
        ApiResponse created = Expect.status(201, api.post("/contacts",
                TestData.contact("Swap", "Survivor-" + run, "swap." + run + "@example.com")));
        String path = "/contacts/" + created.json().path("id").asText();
        String healthFailuresWhileAway;
        long rebuildWindow;
        try (HealthWatch health = new HealthWatch(api)) {
            String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
            assertFalse("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled, installed());
            Await.until(path + " to answer 404 or 503 without " + FEATURE, TRANSITION,
                    () -> api.get(path), r -> r.status() == 404 || r.status() == 503);
            Await.until("crm:contact-list to go away", TRANSITION, () -> shell.hasCommand("crm:contact-list"), f -> !f);
            List<String> notOk = health.stop();
            healthFailuresWhileAway = notOk.isEmpty() ? null : health.describe(notOk);
            rebuildWindow = health.rebuildWindowMillis();
        } finally {
            String reinstalled = shell.executeAs(ADMIN, "feature:install " + FEATURE);
            assertTrue("feature:install " + FEATURE + " worked; it printed: " + reinstalled, installed());
        }
        assertTrue("GET /api/v1/health must answer 200 all through the uninstall: " + healthFailuresWhileAway,
                healthFailuresWhileAway == null);
        // the one exception (docs/adr/0004): the whiteboard's rebuild of the application, which must stay brief
        assertTrue("the whiteboard's rebuild answers (404 No service was found.) lasted " + rebuildWindow + " ms",
                rebuildWindow < 1_000);

        ApiResponse back = Await.until(path + " to answer 200 again", TRANSITION, () -> api.get(path),
                r -> r.status() == 200);
        JsonNode contact = back.json();
        assertEquals("the data survived the swap", "Survivor-" + run, contact.path("lastName").asText());
        assertEquals("swap." + run + "@example.com", contact.path("emails").path(0).path("address").asText());
        assertEquals("the version survived the swap", created.etag(), back.etag());
        Await.until("crm:contact-list to come back", TRANSITION,
                () -> shell.execute("crm:contact-list -q Survivor-" + run), output -> output.contains("Survivor-" + run));
        Expect.json(200, api.get("/health"));
        Expect.deleted(api.delete(path));
    }

    private boolean installed() {
        try {
            Feature feature = featuresService.getFeature(FEATURE);
            return feature != null && featuresService.isInstalled(feature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the features service about " + FEATURE, e);
        }
    }
}
