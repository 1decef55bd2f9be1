package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.EventCollector;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;

/**
 * A ciphertext altered in the database: that contact answers a 500 {@code integrity-failure} problem that shows no
 * data, no id and no field name, an {@code org/bastion/crm/crypto/INTEGRITY_FAILURE} event names the contact and the
 * field, and other contacts are unaffected. The original ciphertext is put back afterwards.
 */
public final class IntegrityChecks {

    /** The EventAdmin topic the crypto bundle posts integrity failures on ({@code FieldCipher.INTEGRITY_FAILURE_TOPIC}). */
    static final String INTEGRITY_TOPIC = "org/bastion/crm/crypto/INTEGRITY_FAILURE";

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private final CrmApi api;
    private final BundleContext bundleContext;

    /** Checks against the given API and the container of {@code bundleContext}. */
    public IntegrityChecks(CrmApi api, BundleContext bundleContext) {
        this.api = api;
        this.bundleContext = bundleContext;
    }

    /** Alters one character of one contact's first-name ciphertext and follows the consequences. */
    public void tamperedCiphertextFailsAloneAndIsReported() {
        Markers markers = new Markers();
        Map<String, Object> victimBody = markers.contact();
        String victimFirstName = (String) victimBody.get("firstName");
        String victim = Expect.json(201, api.post("/contacts", victimBody)).path("id").asText();
        ApiResponse bystanderCreated = Expect.status(201, api.post("/contacts", markers.contact()));
        String bystander = bystanderCreated.json().path("id").asText();
        String victimBefore = Expect.status(200, api.get("/contacts/" + victim)).body();

        try (EventCollector events = EventCollector.listen(bundleContext, INTEGRITY_TOPIC);
             CrmDatabase database = CrmDatabase.open(bundleContext)) {
            String original = database.text("SELECT first_name FROM crm_contact WHERE id = ?", victim);
            assertTrue("the victim has a first-name ciphertext: " + original, original != null && original.length() > 8);
            String tampered = alterMiddleCharacter(original);
            assertEquals("one row altered", 1,
                    database.update("UPDATE crm_contact SET first_name = ? WHERE id = ?", tampered, victim));
            try {
                ApiResponse read = api.get("/contacts/" + victim);
                JsonNode problem = Expect.problem(500, read);
                assertTrue("problem type ends with /integrity-failure: " + read.describe(),
                        problem.path("type").asText().endsWith("/integrity-failure"));
                assertTrue("the problem carries an error id: " + read.describe(),
                        problem.path("errorId").asText().matches("[0-9a-fA-F-]{8,}"));
                assertLeaksNothing(read, problem, victim, markers);

                JsonNode other = Expect.json(200, api.get("/contacts/" + bystander));
                assertEquals("another contact still reads", bystanderCreated.json().path("firstName").asText(),
                        other.path("firstName").asText());

                Map<String, Object> event = events.await("an integrity event naming contact " + victim, EVENT_TIMEOUT,
                        properties -> victim.equals(String.valueOf(properties.get("id"))));
                assertEquals("the event names the record kind: " + event, "contact", String.valueOf(event.get("kind")));
                assertEquals("the event names the field: " + event, "firstname",
                        String.valueOf(event.get("field")).replace("_", "").toLowerCase(Locale.ROOT));
                assertFalse("the event carries no plaintext: " + event, event.toString().contains(victimFirstName));
            } finally {
                database.update("UPDATE crm_contact SET first_name = ? WHERE id = ?", original, victim);
            }
        }
        ApiResponse restored = Expect.status(200, api.get("/contacts/" + victim));
        assertEquals("with its original ciphertext back the contact reads as before", victimBefore, restored.body());
    }

    /** The problem shows neither the contact's id (apart from echoing the request path) nor a field name nor data. */
    private static void assertLeaksNothing(ApiResponse read, JsonNode problem, String id, Markers markers) {
        ObjectNode withoutInstance = ((ObjectNode) problem.deepCopy());
        withoutInstance.remove("instance");
        String shown = withoutInstance.toString();
        assertFalse("the problem does not name the contact id outside 'instance': " + read.describe(), shown.contains(id));
        String lower = shown.toLowerCase(Locale.ROOT);
        assertFalse("the problem names no field: " + read.describe(),
                lower.contains("firstname") || lower.contains("first_name"));
        for (String marker : markers.personalMarkers()) {
            assertFalse("the problem shows no personal data: " + read.describe(), read.body().contains(marker));
        }
    }

    /** The ciphertext with its middle character replaced by another URL-safe base64 character. */
    static String alterMiddleCharacter(String ciphertext) {
        int middle = ciphertext.length() / 2;
        char current = ciphertext.charAt(middle);
        char replacement = current == 'A' ? 'B' : 'A';
        String altered = ciphertext.substring(0, middle) + replacement + ciphertext.substring(middle + 1);
        assertNotEquals(ciphertext, altered);
        return altered;
    }
}
