package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * The {@code crm:} shell commands, run in the container: add, list, show, delete, company-list, and bad input.
 */
public final class ShellChecks {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CrmApi api;
    private final KarafShell shell;

    /** Checks with the given API (to cross-check) and shell. */
    public ShellChecks(CrmApi api, KarafShell shell) {
        this.api = api;
        this.shell = shell;
    }

    /** A contact added in the shell is listed, shown, visible over REST, and gone after delete. */
    public void addListShowDelete() {
        String run = TestData.runId();
        String lastName = "Shell" + run;
        String email = "shell." + run + "@example.com";
        String added = shell.execute("crm:contact-add --first Grace --last " + lastName + " --email " + email
                + " --phone \"mobile:+44 20 7946 0000\" --tag shell-" + run);
        Matcher id = UUID.matcher(added);
        assertTrue("contact-add prints the new id: " + added, id.find());
        String contactId = id.group();

        JsonNode overRest = Expect.json(200, api.get("/contacts/" + contactId));
        assertEquals(lastName, overRest.path("lastName").asText());
        assertEquals(email, overRest.path("emails").path(0).path("address").asText());

        String list = shell.execute("crm:contact-list --tag shell-" + run);
        assertTrue("contact-list shows the contact: " + list, list.contains(contactId) && list.contains(lastName));
        assertTrue("contact-list is a table with headers: " + list, list.contains("ID") && list.contains("Name"));

        String byQuery = shell.execute("crm:contact-list -q " + lastName + " --size 5");
        assertTrue("contact-list -q finds it: " + byQuery, byQuery.contains(contactId));

        String shown = shell.execute("crm:contact-show " + contactId);
        assertTrue("contact-show shows name and e-mail: " + shown, shown.contains(lastName) && shown.contains(email));
        assertTrue("contact-show shows the normalised phone: " + shown, shown.contains("+442079460000"));

        String companies = shell.execute("crm:company-list");
        assertFalse("company-list runs: " + companies, companies.toLowerCase(Locale.ROOT).contains("error"));

        String deleted = shell.execute("crm:contact-delete " + contactId);
        assertFalse("contact-delete succeeds: " + deleted, deleted.toLowerCase(Locale.ROOT).contains("error"));
        Expect.problem(404, api.get("/contacts/" + contactId));
        String afterDelete = shell.execute("crm:contact-list --tag shell-" + run);
        assertFalse("deleted contact is no longer listed: " + afterDelete, afterDelete.contains(contactId));
    }

    /** Each bad input prints exactly one line that says what is wrong, and no stack trace. */
    public void badInputPrintsOneLine() {
        assertOneClearLine(shell.execute("crm:contact-show not-a-uuid"), "crm:contact-show not-a-uuid");
        assertOneClearLine(shell.execute("crm:contact-show 00000000-0000-0000-0000-000000000000"),
                "crm:contact-show <unknown id>");
        String badEmail = shell.execute("crm:contact-add --first Bad --last Input --email not-an-email");
        assertOneClearLine(badEmail, "crm:contact-add --email not-an-email");
        assertTrue("the error names the e-mail: " + badEmail, badEmail.toLowerCase(Locale.ROOT).contains("email"));
        assertOneClearLine(shell.execute("crm:contact-list --size 500"), "crm:contact-list --size 500");
        assertOneClearLine(shell.execute("crm:contact-delete 00000000-0000-0000-0000-000000000000"),
                "crm:contact-delete <unknown id>");
    }

    private static void assertOneClearLine(String output, String command) {
        List<String> lines = Arrays.stream(output.split("\\R")).filter(line -> !line.isBlank())
                .collect(Collectors.toList());
        assertEquals(command + " prints one line, printed:\n" + output, 1, lines.size());
        String line = lines.get(0);
        assertTrue(command + " says it is an error: " + line, line.toLowerCase(Locale.ROOT).contains("error")
                || line.toLowerCase(Locale.ROOT).contains("not found") || line.toLowerCase(Locale.ROOT).contains("invalid"));
        assertFalse(command + " shows no exception: " + line, line.contains("Exception") || line.contains("\tat "));
    }
}
