package org.bastion.crm.itests.checks;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * Sessions as their users see them: listed with the current one flagged, revocable one by one (own sessions only),
 * ended by logout and by a password change (except the session that made it); user administration is for admins.
 */
public final class SessionChecks {

    private final CrmUsers users;
    private final Logins logins;

    /** Checks with an administrator's client (to create users) and clients from {@code clients}. */
    public SessionChecks(CrmApi admin, ApiClients clients) {
        this.users = new CrmUsers(admin);
        this.logins = new Logins(clients);
    }

    /** Each session lists the user's sessions with itself, and only itself, flagged current; no token is shown. */
    public void sessionListFlagsTheCurrentSession() {
        TestUser user = users.create("sessions");
        String firstToken = logins.token(user.username(), user.password());
        String secondToken = logins.token(user.username(), user.password());
        ApiResponse firstList = Expect.status(200, logins.session(firstToken).get("/auth/sessions"));
        ApiResponse secondList = Expect.status(200, logins.session(secondToken).get("/auth/sessions"));
        for (String token : List.of(firstToken, secondToken)) {
            assertFalse("no token in the session list", firstList.body().contains(token) || secondList.body().contains(token));
        }
        String first = currentId(firstList);
        String second = currentId(secondList);
        assertNotEquals("two logins, two sessions", first, second);
        assertEquals("both list the same sessions", ids(firstList), ids(secondList));
        assertTrue("both sessions are listed: " + firstList.describe(), ids(firstList).containsAll(List.of(first, second)));
        for (JsonNode session : firstList.json()) {
            for (String field : List.of("id", "channel", "address", "createdAt", "lastSeenAt", "expiresAt")) {
                assertTrue("a session has " + field + ": " + session, session.hasNonNull(field));
            }
            assertTrue("a session has a userAgent: " + session, session.has("userAgent"));
            assertEquals("logged in over the API: " + session, "rest", session.path("channel").asText());
        }
    }

    /** {@code DELETE /auth/sessions/{id}} of another own session ends it (401 for its token) and keeps the caller's. */
    public void revokingAnOwnSessionEndsIt() {
        TestUser user = users.create("revoke");
        CrmApi keeper = logins.session(logins.token(user.username(), user.password()));
        String revokedToken = logins.token(user.username(), user.password());
        String revokedId = currentId(Expect.status(200, logins.session(revokedToken).get("/auth/sessions")));
        Expect.status(204, keeper.delete("/auth/sessions/" + revokedId));
        assertFalse("the revoked token is refused", logins.accepted(revokedToken));
        Expect.problem(401, logins.session(revokedToken).get("/contacts?size=1"));
        List<String> left = ids(Expect.status(200, keeper.get("/auth/sessions")));
        assertFalse("the revoked session is no longer listed: " + left, left.contains(revokedId));
        Expect.json(200, keeper.get("/auth/me"));
    }

    /** {@code POST /auth/logout} ends the session: its token gets 401 everywhere afterwards. */
    public void logoutEndsTheSession() {
        TestUser user = users.create("logout");
        String token = logins.token(user.username(), user.password());
        Expect.json(200, logins.session(token).get("/contacts?size=1"));
        logins.logout(token);
        Expect.problem(401, logins.session(token).get("/auth/me"));
        Expect.problem(401, logins.session(token).get("/contacts?size=1"));
        Expect.problem(401, logins.session(token).post("/auth/logout", null));
    }

    /**
     * A password change needs the current password; it ends the user's other sessions but not the one that made it,
     * and only the new password logs in afterwards.
     */
    public void passwordChangeEndsTheOtherSessions() {
        TestUser user = users.create("password");
        String changerToken = logins.token(user.username(), user.password());
        String otherToken = logins.token(user.username(), user.password());
        CrmApi changer = logins.session(changerToken);
        String newPassword = CrmUsers.newPassword();
        Expect.problemWithStatusIn(changer.post("/auth/password",
                object("currentPassword", CrmUsers.newPassword(), "newPassword", newPassword)), 400, 401, 403);
        assertTrue("a refused change ends no session", logins.accepted(otherToken));

        Expect.status(204, changer.post("/auth/password",
                object("currentPassword", user.password(), "newPassword", newPassword)));
        assertTrue("the session that changed the password goes on", logins.accepted(changerToken));
        assertFalse("the user's other session has ended", logins.accepted(otherToken));
        Expect.problem(401, logins.passwordStep(user.username(), user.password()));
        logins.logout(logins.token(user.username(), newPassword));
    }

    /** A user cannot see or end another user's session: 404, and that session goes on. */
    public void anotherUsersSessionIsNotFound() {
        TestUser owner = users.create("owner");
        TestUser intruder = users.create("intruder");
        String ownerToken = logins.token(owner.username(), owner.password());
        String ownerSession = currentId(Expect.status(200, logins.session(ownerToken).get("/auth/sessions")));
        CrmApi other = logins.session(logins.token(intruder.username(), intruder.password()));
        Expect.problem(404, other.delete("/auth/sessions/" + ownerSession));
        assertFalse("the other user's session is not listed", ids(Expect.status(200, other.get("/auth/sessions")))
                .contains(ownerSession));
        assertTrue("the owner's session goes on", logins.accepted(ownerToken));
    }

    /** User administration answers 403 to a user without the admin role. */
    public void nonAdminsCannotAdministerUsers() {
        TestUser user = users.create("not-admin", "sales");
        CrmApi session = logins.session(logins.token(user.username(), user.password()));
        Expect.problem(403, session.get("/users"));
        Expect.problem(403, session.get(user.path()));
        Expect.problem(403, session.post("/users", object("username", CrmUsers.newUsername("sneaky"),
                "displayName", "Sneaky", "email", "sneaky@example.com", "password", CrmUsers.newPassword(),
                "roles", List.of("admin"))));
        Expect.problem(403, session.post(user.path() + "/unlock", null));
    }

    private static String currentId(ApiResponse list) {
        List<String> current = new ArrayList<>();
        for (JsonNode session : list.json()) {
            if (session.path("current").asBoolean()) {
                current.add(session.path("id").asText());
            }
        }
        assertEquals("exactly one session is current: " + list.describe(), 1, current.size());
        return current.get(0);
    }

    private static List<String> ids(ApiResponse list) {
        assertTrue("the sessions are a JSON array: " + list.describe(), list.json().isArray());
        List<String> ids = new ArrayList<>();
        list.json().forEach(session -> ids.add(session.path("id").asText()));
        ids.sort(null);
        return ids;
    }
}
