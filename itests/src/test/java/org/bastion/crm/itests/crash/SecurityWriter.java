package org.bastion.crm.itests.crash;

import static org.bastion.crm.itests.support.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;

/**
 * One client making security writes in a loop, each recorded in the {@link Ledger} once answered 2xx: the admin
 * creates a user; the user logs in four times; one session logs out, another is revoked from a third, then the third
 * changes the password (which ends the fourth). Stops at the first write left unanswered (the server was killed).
 */
public final class SecurityWriter implements Runnable {

    private final String adminToken;
    private final Ledger ledger;
    private CrmApi api;
    private volatile boolean stopped;

    /** A writer creating users with the admin's token and logging them in, into {@code ledger}. */
    public SecurityWriter(String adminToken, Ledger ledger) {
        this.adminToken = adminToken;
        this.ledger = ledger;
    }

    /** Asks the writer to end after its current write. */
    public void stop() {
        stopped = true;
    }

    /** Makes the writer ready for a round with {@code client} (an anonymous client, new after each start). */
    public void resume(CrmApi client) {
        api = client;
        stopped = false;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                cycle();
            }
        } catch (UncheckedIOException unanswered) {
            // the server went away mid-request: this write may or may not have committed
        }
    }

    private void cycle() {
        UserFacts user = createUser();
        if (user == null) {
            return;
        }
        SessionFacts loggedOut = login(user);
        SessionFacts changer = login(user);
        SessionFacts revoked = login(user);
        SessionFacts endedByChange = login(user);
        if (loggedOut == null || changer == null || revoked == null || endedByChange == null) {
            return;
        }
        end(loggedOut, "logout", () -> api.post("/auth/logout", null, bearer(loggedOut)));
        String revokedId = currentSessionId(revoked);
        if (revokedId == null) {
            return;
        }
        end(revoked, "revocation", () -> api.delete("/auth/sessions/" + revokedId, bearer(changer)));
        changePassword(user, changer, endedByChange);
    }

    private UserFacts createUser() {
        String username = CrmUsers.newUsername("crash");
        String password = CrmUsers.newPassword();
        ApiResponse answer = WriteCall.send(ledger, false, () -> api.post("/users", object("username", username,
                "displayName", "Crash " + username, "email", username + "@crash.example", "password", password,
                "roles", List.of()), "Authorization", "Bearer " + adminToken));
        if (answer.status() != 201) {
            ledger.unexpected("create user: " + answer.describe());
            return null;
        }
        UserFacts user = new UserFacts(username, password, ledger.round(), System.nanoTime());
        ledger.add(user);
        ledger.securityAcknowledged();
        return user;
    }

    private SessionFacts login(UserFacts user) {
        ApiResponse answer = WriteCall.send(ledger, false, () -> api.post("/auth/login",
                object("username", user.username(), "password", user.password())));
        String token = answer.status() == 200 ? answer.json().path("token").asText() : "";
        if (token.isBlank()) {
            ledger.unexpected("login of " + user.username() + ": " + answer.describe());
            return null;
        }
        SessionFacts session = new SessionFacts(token, user.username(), ledger.round(), System.nanoTime());
        ledger.add(session);
        ledger.securityAcknowledged();
        return session;
    }

    private void end(SessionFacts session, String how, Supplier<ApiResponse> request) {
        session.ending(how);
        ApiResponse answer = WriteCall.send(ledger, false, request);
        if (answer.status() == 204) {
            session.ended(ledger.round(), System.nanoTime());
            ledger.securityAcknowledged();
            refusedBeforeAnyKill(session);
        } else {
            session.notEnded();
            ledger.unexpected(how + " of " + session + ": " + answer.describe());
        }
    }

    private String currentSessionId(SessionFacts session) {
        ApiResponse list = WriteCall.send(ledger, false, () -> api.get("/auth/sessions", bearer(session)));
        if (list.status() == 200) {
            for (JsonNode listed : list.json()) {
                if (listed.path("current").asBoolean()) {
                    return listed.path("id").asText();
                }
            }
        }
        ledger.unexpected("session list of " + session + ": " + list.describe());
        return null;
    }

    private void changePassword(UserFacts user, SessionFacts changer, SessionFacts other) {
        String newPassword = CrmUsers.newPassword();
        user.changing(newPassword);
        other.ending("password change");
        ApiResponse answer = WriteCall.send(ledger, false, () -> api.post("/auth/password",
                object("currentPassword", user.password(), "newPassword", newPassword), bearer(changer)));
        if (answer.status() == 204) {
            long now = System.nanoTime();
            user.changed(ledger.round(), now);
            other.ended(ledger.round(), now);
            ledger.securityAcknowledged();
            refusedBeforeAnyKill(other);
        } else {
            user.notChanged();
            other.notEnded();
            ledger.unexpected("password change of " + user + ": " + answer.describe());
        }
    }

    /**
     * An ended session is refused at once, before any kill: otherwise a token working after a restart would be a
     * write that never took effect, not one the crash lost.
     */
    private void refusedBeforeAnyKill(SessionFacts session) {
        ApiResponse me = WriteCall.send(ledger, false, () -> api.get("/auth/me", bearer(session)));
        if (me.status() != 401) {
            ledger.unexpected(session.lastWrite() + " of " + session + " was acknowledged, yet its token still gets "
                    + me.describe() + " before any kill");
        }
    }

    private static String[] bearer(SessionFacts session) {
        return new String[] {"Authorization", "Bearer " + session.token()};
    }

}
