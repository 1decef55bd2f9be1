package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * The platform text rule end to end: broken Unicode, control characters and bidirectional overrides are refused with
 * a 400 naming the field (REST) or one error line (shell), nothing is stored, multi-line notes keep their line breaks,
 * and the shell prints what it was given escaped, never raw.
 */
public final class TextRuleChecks {

    /** JSON string contents (escaped as JSON) the rule refuses in a one-line field: NUL, ESC, CR/LF, U+202E. */
    private static final List<String> UNSAFE_JSON = List.of("a\\u0000b", "a\\u001b[2Jb", "a\\r\\nb", "a\\u202eb",
            "\\ud800x", "a\\u2066b");

    private final CrmApi api;
    private final KarafShell shell;

    /** Checks with the given API and shell. */
    public TextRuleChecks(CrmApi api, KarafShell shell) {
        this.api = api;
        this.shell = shell;
    }

    /** The issue's case: {@code "\ud800x"} in a contact's and a company's name is a 400 naming the field. */
    public void unpairedSurrogatesInNamesAreRefusedAndNothingIsStored() {
        String run = TestData.runId();
        int companiesBefore = Expect.json(200, api.get("/companies")).path("total").asInt();
        assertOnlyField("firstName", api.post("/contacts",
                "{\"firstName\":\"\\ud800x\",\"lastName\":\"Surrogate-" + run + "\"}"));
        assertOnlyField("lastName", api.post("/contacts",
                "{\"firstName\":\"Low-" + run + "\",\"lastName\":\"x\\udc00\"}"));
        assertOnlyField("name", api.post("/companies",
                "{\"name\":\"\\ud800x\",\"domain\":\"surrogate-" + run + ".example\"}"));

        JsonNode contacts = Expect.json(200, api.get("/contacts?q=" + run));
        assertEquals("refused contacts are not stored: " + contacts, 0, contacts.path("total").asInt());
        JsonNode companies = Expect.json(200, api.get("/companies"));
        assertEquals("a refused company is not stored: " + companies, companiesBefore,
                companies.path("total").asInt());
    }

    /** Every other free-text field of a contact refuses an ESC or a bidi override, also on replace. */
    public void controlCharactersAndBidiOverridesAreRefusedInContactFields() {
        String run = TestData.runId();
        for (String field : List.of("title", "notes")) {
            for (String bad : UNSAFE_JSON) {
                if (field.equals("notes") && bad.contains("\\r\\n")) {
                    continue;
                }
                assertOnlyField(field, api.post("/contacts", "{\"firstName\":\"Field-" + run + "\",\"" + field
                        + "\":\"" + bad + "\"}"));
            }
        }
        assertOnlyField("tags[0]", api.post("/contacts",
                "{\"firstName\":\"Tag-" + run + "\",\"tags\":[\"vip\\u001b[5m\"]}"));
        assertOnlyField("addresses[0].city", api.post("/contacts", "{\"firstName\":\"City-" + run
                + "\",\"addresses\":[{\"type\":\"home\",\"city\":\"Ber\\u202elin\",\"country\":\"DE\"}]}"));
        assertOnlyField("emails[0].type", api.post("/contacts", "{\"firstName\":\"Label-" + run
                + "\",\"emails\":[{\"type\":\"wo\\u0007rk\",\"address\":\"label." + run + "@example.com\"}]}"));

        JsonNode created = Expect.json(201, api.post("/contacts", object("firstName", "Kept", "lastName", run)));
        String id = created.path("id").asText();
        String etag = Expect.versionEtag(api.get("/contacts/" + id));
        assertOnlyField("lastName", api.put("/contacts/" + id, "{\"firstName\":\"Kept\",\"lastName\":\"" + run
                + "\\u001b]0;pwned\\u0007\"}", "If-Match", etag));
        assertEquals("a refused replace changes nothing", run,
                Expect.json(200, api.get("/contacts/" + id)).path("lastName").asText());
        Expect.deleted(api.delete("/contacts/" + id, "If-Match", etag));
    }

    /** NUL, ESC, CR/LF and U+202E in a role's or a team's description: 400 naming it; nothing created or changed. */
    public void unsafeRoleAndTeamDescriptionsAreRefused() {
        String run = TestData.runId();
        String role = "text-" + run;
        String team = "text-" + run;
        for (String bad : UNSAFE_JSON) {
            assertOnlyField("description", api.post("/roles", "{\"name\":\"" + role + "\",\"description\":\"" + bad
                    + "\",\"permissions\":[\"contacts:read\"]}"));
            assertOnlyField("description", api.post("/teams", "{\"name\":\"" + team + "\",\"description\":\"" + bad
                    + "\"}"));
        }
        Expect.problem(404, api.get("/roles/" + role));
        Expect.problem(404, api.get("/teams/" + team));

        Expect.json(201, api.post("/teams", object("name", team, "description", "Équipe 東京 😀")));
        assertOnlyField("description", api.put("/teams/" + team, "{\"description\":\"North\\u202eSouth\"}"));
        assertOnlyField("description", api.put("/teams/" + team, "{\"description\":\"line\\nbreak\"}"));
        assertEquals("a refused update changes nothing", "Équipe 東京 😀",
                Expect.json(200, api.get("/teams/" + team)).path("description").asText());
        Expect.status(204, api.delete("/teams/" + team));
    }

    /** A contact's notes keep their line breaks and tabs; names in other scripts and emoji are kept as sent. */
    public void notesKeepLineBreaksAndNamesKeepEveryScript() {
        String run = TestData.runId();
        JsonNode created = Expect.json(201, api.post("/contacts", "{\"firstName\":\"Zoë 😀\",\"lastName\":\"שרה-" + run
                + "\",\"notes\":\"first line\\nsecond line\\r\\n\\tindented\"}"));
        String id = created.path("id").asText();
        JsonNode read = Expect.json(200, api.get("/contacts/" + id));
        assertEquals("first line\nsecond line\r\n\tindented", read.path("notes").asText());
        assertEquals("Zoë 😀", read.path("firstName").asText());
        Expect.deleted(api.delete("/contacts/" + id, "If-Match", Expect.versionEtag(api.get("/contacts/" + id))));
    }

    /** The shell refuses unsafe text on one line naming the field, and prints what it echoes escaped, never raw. */
    public void theShellRefusesOnOneLineAndPrintsEscapes() {
        String run = TestData.runId();
        String team = "text-" + run;
        String teamAdd = shell.execute("crm:team-add --description \"North\u001b[2J\u202eSouth\" " + team);
        assertOneErrorLine(teamAdd, "crm:team-add with an ESC in the description");
        assertTrue("the error names the field and the code point: " + teamAdd,
                teamAdd.contains("description") && teamAdd.contains("U+001B"));
        Expect.problem(404, api.get("/teams/" + team));

        String contactAdd = shell.execute("crm:contact-add --first \"Eve\u202e\" --last " + run);
        assertOneErrorLine(contactAdd, "crm:contact-add with a U+202E in the first name");
        assertTrue("the error names the field: " + contactAdd, contactAdd.contains("firstName"));
        JsonNode stored = Expect.json(200, api.get("/contacts?q=" + run));
        assertEquals("a refused shell contact is not stored: " + stored, 0, stored.path("total").asInt());

        String echoed = shell.execute("crm:contact-show \"x\u001b[31m\u202e\"");
        assertOneErrorLine(echoed, "crm:contact-show with an ESC in the id");
        assertTrue("the shell shows what it got escaped: " + echoed, echoed.contains("x\\u001B[31m\\u202E"));
    }

    private static void assertOnlyField(String field, ApiResponse response) {
        List<String> fields = Expect.fieldError(field, response);
        assertEquals("the 400 names exactly the field: " + response.describe(), List.of(field), fields);
        assertFalse("the problem echoes no NUL, ESC, bidi control or broken Unicode: " + response.describe(),
                response.body().chars().anyMatch(c -> c == 0 || c == 0x1B || c == 0x202E || c == 0x2066
                        || c == 0xFFFD || Character.isSurrogate((char) c)));
    }

    private static void assertOneErrorLine(String output, String what) {
        assertFalse(what + " printed a raw ESC or bidi override: " + output,
                output.chars().anyMatch(c -> c == 0x1B || c == 0x202E || c == 0));
        List<String> lines = Arrays.stream(output.split("\\R")).filter(line -> !line.isBlank())
                .collect(Collectors.toList());
        assertEquals(what + " prints one line:\n" + output, 1, lines.size());
        assertTrue(what + " says it is an error: " + output, lines.get(0).toLowerCase(Locale.ROOT).contains("error"));
        assertFalse(what + " shows no exception: " + output, output.contains("Exception") || output.contains("\tat "));
    }
}
