package org.bastion.crm.itests.checks.backup;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Enrolment;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * What the runbook rehearsal puts into the CRM before its backup, through the API as an administrator would: two
 * companies, contacts (some employed by them, one changed, one deleted), a custom role, two users with TOTP two-factor
 * login (one holding the custom role, one a built-in role), a team with a member; every change recorded in the audit
 * trail.
 *
 * @param run              the run's id, in every name
 * @param companyIds       the companies
 * @param contactIds       the contacts that exist
 * @param deletedContactId a contact deleted before the backup (its key destroyed): must stay absent
 * @param contactEmail     the e-mail address of the first contact (to search by)
 * @param roleName         the custom role
 * @param teamName         the team
 * @param users            the users with their second factors
 */
public record RehearsalData(String run, List<String> companyIds, List<String> contactIds, String deletedContactId,
        String contactEmail, String roleName, String teamName, List<EnrolledUser> users) {

    /**
     * A user created for the rehearsal, enrolled in TOTP.
     *
     * @param user      id, username and password
     * @param enrolment the authenticator app and recovery codes
     */
    public record EnrolledUser(TestUser user, Enrolment enrolment) {
    }

    /** Fills the CRM that {@code admin} (an administrator's client) talks to; {@code clients} make the users' clients. */
    public static RehearsalData fill(CrmApi admin, ApiClients clients) {
        String run = "rh" + UUID.randomUUID().toString().substring(0, 6);
        List<String> companies = new ArrayList<>();
        for (String name : List.of("Alpha", "Beta")) {
            companies.add(created(admin.post("/companies", object("name", name + " " + run, "domain",
                    name.toLowerCase() + "-" + run + ".example", "tags", array("partner")))));
        }
        List<String> contacts = new ArrayList<>();
        String email = "ada." + run + "@example.com";
        contacts.add(created(admin.post("/contacts", contact("Ada", "Lovelace" + run, email, companies.get(0)))));
        contacts.add(created(admin.post("/contacts", contact("Grace", "Hopper" + run, "grace." + run + "@example.com",
                companies.get(0)))));
        contacts.add(created(admin.post("/contacts", contact("Alan", "Turing" + run, "alan." + run + "@example.com",
                companies.get(1)))));
        contacts.add(created(admin.post("/contacts", object("firstName", "Solo", "lastName", "Nocompany" + run,
                "emails", array(object("type", "home", "address", "solo." + run + "@example.com", "primary", true))))));
        String changed = contacts.get(1);
        ApiResponse read = Expect.status(200, admin.get("/contacts/" + changed));
        Expect.status(200, admin.patch("/contacts/" + changed, object("title", "Rear Admiral", "notes", "changed " + run),
                "If-Match", read.etag()));
        String deleted = created(admin.post("/contacts", contact("Gone", "Erased" + run, "gone." + run + "@example.com",
                companies.get(1))));
        Expect.status(204, admin.delete("/contacts/" + deleted));

        String role = "rh-reader-" + run;
        Expect.status(201, admin.post("/roles", object("name", role, "description", "Rehearsal readers " + run,
                "permissions", array("contacts:read:all", "companies:read:all", "teams:read"))));
        CrmUsers users = new CrmUsers(admin);
        List<EnrolledUser> enrolled = new ArrayList<>();
        enrolled.add(enrol(clients, users.create("rh-reader", role)));
        enrolled.add(enrol(clients, users.create("rh-sales", "sales")));

        String team = "rh-team-" + run;
        Expect.status(201, admin.post("/teams", object("name", team, "description", "Rehearsal team " + run)));
        for (EnrolledUser user : enrolled) {
            Expect.status(200, admin.put("/teams/" + team + "/members/" + user.user().id(), null));
        }
        return new RehearsalData(run, List.copyOf(companies), List.copyOf(contacts), deleted, email, role, team,
                List.copyOf(enrolled));
    }

    /** Logs the user in (a password-only session, or the enrolment-only one) and enrols and confirms TOTP. */
    private static EnrolledUser enrol(ApiClients clients, TestUser user) {
        Logins logins = new Logins(clients);
        ApiResponse first = Expect.status(200, logins.passwordStep(user.username(), user.password()));
        String token = first.json().path("token").asText();
        if (token.isBlank()) {
            throw new AssertionError("a new user without TOTP gets a session (or an enrolment-only one): "
                    + first.describe());
        }
        Enrolment enrolment = logins.enrol(token);
        logins.logout(token);
        return new EnrolledUser(user, enrolment);
    }

    private static Map<String, Object> contact(String first, String last, String email, String companyId) {
        return object(
                "firstName", first,
                "lastName", last,
                "title", "Engineer",
                "companyId", companyId,
                "emails", array(object("type", "work", "address", email, "primary", true)),
                "phones", array(object("type", "mobile", "number", "+44 20 7946 0018")),
                "addresses", array(object("type", "work", "street", "1 Analytical Row", "city", "London",
                        "postalCode", "N1 9GU", "country", "GB")),
                "tags", array("customer"),
                "notes", "rehearsal notes",
                "birthday", "1815-12-10");
    }

    private static String created(ApiResponse response) {
        return Expect.json(201, response).path("id").asText();
    }
}
