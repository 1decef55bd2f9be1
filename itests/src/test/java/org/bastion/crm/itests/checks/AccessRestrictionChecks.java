package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Locale;

import org.bastion.crm.itests.support.AdminSession;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * crm-security's access restrictions: address refusals over REST and in the shell (listed, lifted, bad input refused),
 * the suite's own address refused and answered 429 until an administrator allows it again in the shell, and an
 * account locked for a period (its login refused, its sessions ended) until unlocked.
 */
public final class AccessRestrictionChecks {

    private static final String PATH = "/security/address-refusals";
    private static final String DOCUMENTATION_ADDRESS = "192.0.2.44";

    private final CrmApi admin;
    private final CrmUsers users;
    private final Logins logins;
    private final KarafShell shell;

    /** Checks with an administrator's client, clients from {@code clients} and the container's shell. */
    public AccessRestrictionChecks(CrmApi admin, ApiClients clients, KarafShell shell) {
        this.admin = admin;
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
        this.shell = shell;
    }

    /** A refusal is listed (REST and shell) until lifted; bad input is a 400 naming the field; only user managers. */
    public void addressRefusalsAreListedLiftedAndCheckTheirInput() {
        ApiResponse created = Expect.status(201, admin.post(PATH, object("address", DOCUMENTATION_ADDRESS,
                "minutes", 5, "reason", "itest refusal")));
        assertEquals("the refusal names its address", DOCUMENTATION_ADDRESS, created.json().path("address").asText());
        assertTrue("GET lists the refusal", listed(DOCUMENTATION_ADDRESS));
        String shown = admin("crm:address-refusals");
        assertTrue("crm:address-refusals lists it with its reason: " + shown,
                shown.contains(DOCUMENTATION_ADDRESS) && shown.contains("itest refusal"));

        Expect.status(204, admin.delete(PATH + "/" + DOCUMENTATION_ADDRESS));
        assertFalse("the lifted refusal is no longer listed", listed(DOCUMENTATION_ADDRESS));
        Expect.problem(404, admin.delete(PATH + "/" + DOCUMENTATION_ADDRESS));

        Expect.fieldError("address", admin.post(PATH, object("address", "not-an-address", "minutes", 5, "reason", "x")));
        Expect.fieldError("minutes", admin.post(PATH, object("address", DOCUMENTATION_ADDRESS, "minutes", -1, "reason", "x")));
        Expect.fieldError("minutes", admin.post(PATH, object("address", DOCUMENTATION_ADDRESS, "minutes", 1_000_000_000,
                "reason", "x")));
        Expect.problem(400, admin.delete(PATH + "/not-an-address"));
        assertFalse("nothing was refused by bad input", listed(DOCUMENTATION_ADDRESS));
        String refused = shell.executeAsUser(AdminSession.USERNAME, "admin",
                "crm:address-refuse --minutes 0 --reason x " + DOCUMENTATION_ADDRESS);
        assertTrue("the shell names the bad field: " + refused, refused.contains("minutes: must be between 1 and"));

        admin("crm:address-refuse --minutes 5 --reason shell-refusal " + DOCUMENTATION_ADDRESS);
        assertTrue("the shell's refusal is listed", listed(DOCUMENTATION_ADDRESS));
        String allowed = admin("crm:address-allow " + DOCUMENTATION_ADDRESS);
        assertTrue("crm:address-allow lifts it: " + allowed, allowed.contains("allowed again"));
        assertFalse("the shell's refusal is lifted", listed(DOCUMENTATION_ADDRESS));

        TestUser plain = users.create("no-refusals");
        CrmApi plainClient = logins.session(logins.token(plain.username(), plain.password()));
        Expect.problem(403, plainClient.get(PATH));
        Expect.problem(403, plainClient.post(PATH, object("address", DOCUMENTATION_ADDRESS, "minutes", 5, "reason", "x")));
    }

    /**
     * The suite's own address refused: an authenticated request and a login from it get 429 with Retry-After (the
     * throttle's answer) until an administrator allows it again in the shell (which the refusal does not reach).
     */
    public void theSuitesOwnAddressIsRefusedUntilAllowed() {
        String own = ownAddress();
        Expect.status(201, admin.post(PATH, object("address", own, "minutes", 1, "reason", "itest own address")));
        try {
            ApiResponse request = admin.get("/auth/me");
            Expect.problem(429, request);
            assertTrue("a refused request says when to retry: " + request.describe(),
                    request.header("Retry-After") != null);
            Expect.problem(429, logins.passwordStep(AdminSession.USERNAME, "whatever-it-is"));
        } finally {
            admin("crm:address-allow " + own);
        }
        Expect.status(200, admin.get("/auth/me"));
    }

    /** An account locked in the shell: its session ends, its login gets 429 even with the right password, until unlocked. */
    public void aLockedAccountLosesItsSessionsAndCannotLogInUntilUnlocked() {
        TestUser user = users.create("restricted");
        String token = logins.token(user.username(), user.password());
        assertTrue("the new session is accepted", logins.accepted(token));

        admin("crm:user-lock --minutes 10 --reason itest-lock " + user.username());

        assertFalse("the locked account's session has ended", logins.accepted(token));
        Expect.problem(429, logins.passwordStep(user.username(), user.password()));
        assertEquals("the account shows as locked", "LOCKED",
                users.get(user).path("status").asText().toUpperCase(Locale.ROOT));

        admin("crm:user-unlock " + user.username());
        assertTrue("after the unlock the user logs in again",
                logins.accepted(logins.token(user.username(), user.password())));
    }

    private String ownAddress() {
        JsonNode sessions = Expect.json(200, admin.get("/auth/sessions"));
        String address = sessions.path(0).path("address").asText();
        assertFalse("the admin's session names its address: " + sessions, address.isBlank());
        return address;
    }

    private boolean listed(String address) {
        for (JsonNode refusal : Expect.json(200, admin.get(PATH))) {
            if (address.equals(refusal.path("address").asText())) {
                return true;
            }
        }
        return false;
    }

    private String admin(String command) {
        String output = shell.executeAsUser(AdminSession.USERNAME, "admin", command);
        String lower = output.toLowerCase(Locale.ROOT);
        assertFalse(command + " succeeds; it printed: " + output, lower.contains("error") || lower.contains("exception")
                || lower.contains("command not found"));
        return output;
    }
}
