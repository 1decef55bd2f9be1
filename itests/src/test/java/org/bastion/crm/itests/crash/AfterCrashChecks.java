package org.bastion.crm.itests.crash;

import static org.bastion.crm.itests.support.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;

/**
 * Compares the {@link Ledger} with what the restarted CRM holds, and names every difference: an acknowledged contact or
 * company missing or not as acknowledged (with its round and how long before the kill it was acknowledged), a
 * deleted one back, a contact its e-mail no longer finds, a token that should work refused or one that should be
 * refused working, a password that does not hold. Writes whose answer never came are settled to what the server shows.
 */
public final class AfterCrashChecks {

    /** At most this many old passwords are tried per round: each refused try counts against the address throttle. */
    private static final int OLD_PASSWORD_TRIES = 8;

    private final CrmApi api;
    private final String[] admin;
    private final int round;
    private final long killedAtNanos;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /** Checks through an admin's client, after the kill of {@code round} at {@code killedAtNanos}. */
    public AfterCrashChecks(ApiClients clients, String adminToken, int round, long killedAtNanos) {
        this.api = clients.anonymous();
        this.admin = bearer(adminToken);
        this.round = round;
        this.killedAtNanos = killedAtNanos;
    }

    /** Runs every check against {@code ledger}; returns the problems found (empty: nothing acknowledged was lost). */
    public List<String> check(Ledger ledger, int unansweredCreatesSoFar) {
        parallel(ledger.contacts(), facts -> checkRecord(facts, "/contacts/", true));
        parallel(ledger.companies(), facts -> checkRecord(facts, "/companies/", false));
        checkContactCount(ledger, unansweredCreatesSoFar);
        parallel(ledger.sessions(), this::checkSession);
        checkUsers(ledger.users());
        return List.copyOf(problems);
    }

    private void checkRecord(RecordFacts facts, String path, boolean searchable) {
        if (facts.lost()) {
            return;
        }
        ApiResponse read = WriteCall.pastRebuilds(() -> api.get(path + facts.id(), admin));
        if (facts.deleted()) {
            if (read.status() != 404) {
                lost(facts.kind() + " " + facts.id() + " deleted", facts.ackedRound(), facts.ackedAtNanos(),
                        "is back: " + read.describe());
                facts.markLost();
            }
            return;
        }
        if (read.status() == 404 && facts.pending() == RecordFacts.Pending.DELETE) {
            facts.settle(null, round, System.nanoTime());
            return;
        }
        if (read.status() != 200) {
            lost(facts.kind() + " " + facts.id() + " (version " + facts.acked().path("version") + ")",
                    facts.ackedRound(), facts.ackedAtNanos(), "is gone: " + read.describe());
            facts.markLost();
            return;
        }
        JsonNode stored = read.json();
        if (!stored.equals(facts.acked()) && !isPendingUpdate(facts, stored)) {
            lost(facts.kind() + " " + facts.id() + " (version " + facts.acked().path("version") + ")",
                    facts.ackedRound(), facts.ackedAtNanos(), "reads otherwise: acknowledged " + facts.acked()
                            + ", now " + stored);
            facts.markLost();
            return;
        }
        facts.settle(stored, round, System.nanoTime());
        if (searchable && (facts.ackedRound() == round || Math.floorMod(facts.id().hashCode(), 10) == 0)) {
            checkSearch(facts, stored);
        }
    }

    private static boolean isPendingUpdate(RecordFacts facts, JsonNode stored) {
        JsonNode sent = facts.pendingBody();
        return facts.pending() == RecordFacts.Pending.UPDATE && sent != null
                && stored.path("version").asLong() == facts.acked().path("version").asLong() + 1
                && stored.path("title").equals(sent.path("title")) && stored.path("notes").equals(sent.path("notes"));
    }

    private void checkSearch(RecordFacts facts, JsonNode stored) {
        String email = stored.path("emails").path(0).path("address").asText();
        String query = "/contacts?size=10&q=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        ApiResponse found = WriteCall.pastRebuilds(() -> api.get(query, admin));
        boolean listed = false;
        if (found.status() == 200) {
            for (JsonNode item : found.json().path("items")) {
                listed |= facts.id().equals(item.path("id").asText());
            }
        }
        if (!listed) {
            lost("contact " + facts.id() + " searched by its e-mail", facts.ackedRound(), facts.ackedAtNanos(),
                    "is not found: " + found.describe());
        }
    }

    private void checkContactCount(Ledger ledger, int unansweredCreatesSoFar) {
        if (ledger.contacts().stream().anyMatch(RecordFacts::lost)) {
            return;
        }
        long present = ledger.contacts().stream().filter(facts -> !facts.deleted()).count();
        ApiResponse page = WriteCall.pastRebuilds(() -> api.get("/contacts?size=1", admin));
        long total = page.status() == 200 ? page.json().path("total").asLong() : -1;
        if (total < present || total > present + unansweredCreatesSoFar) {
            problems.add("round " + round + ": the contact list counts " + total + " contacts; the ledger holds " + present
                    + " acknowledged and not deleted, and " + unansweredCreatesSoFar + " creates went unanswered so far");
        }
    }

    private void checkSession(SessionFacts session) {
        ApiResponse me = WriteCall.pastRebuilds(() -> api.get("/auth/me", bearer(session.token())));
        boolean works = me.status() == 200;
        if (me.status() != 200 && me.status() != 401) {
            problems.add("round " + round + ": GET /auth/me with the " + session + " answers " + me.describe());
            return;
        }
        switch (session.state()) {
            case ALIVE -> {
                if (!works) {
                    lost("login of " + session, session.round(), session.ackedAtNanos(), "its token is refused");
                    session.ended(round, System.nanoTime());
                }
            }
            case ENDED -> {
                if (works) {
                    lost(session.lastWrite() + " of " + session, session.round(), session.ackedAtNanos(),
                            "its token works again");
                    session.notEnded();
                }
            }
            case EITHER -> {
                if (works) {
                    session.notEnded();
                } else {
                    session.ended(round, System.nanoTime());
                }
            }
        }
    }

    private void checkUsers(List<UserFacts> users) {
        int oldPasswordTries = 0;
        for (UserFacts user : users) {
            boolean recent = user.round() == round || user.pendingPassword() != null;
            if (user.lost() || !recent && Math.floorMod(user.username().hashCode(), 5) != 0) {
                continue;
            }
            if (loginWorks(user.username(), user.password())) {
                user.settle(user.password());
            } else if (user.pendingPassword() != null && loginWorks(user.username(), user.pendingPassword())) {
                user.settle(user.pendingPassword());
            } else {
                lost("password of " + user, user.round(), user.ackedAtNanos(), "does not log in");
                user.markLost();
                continue;
            }
            if (oldPasswordTries < OLD_PASSWORD_TRIES && user.takeOldPasswordCheck()) {
                oldPasswordTries++;
                if (loginWorks(user.username(), user.oldPassword())) {
                    lost("password change of " + user, user.round(), user.ackedAtNanos(),
                            "the old password logs in again");
                }
            }
        }
    }

    private boolean loginWorks(String username, String password) {
        ApiResponse login = WriteCall.pastRebuilds(() -> api.post("/auth/login",
                object("username", username, "password", password)));
        if (login.status() == 200) {
            String token = login.json().path("token").asText();
            WriteCall.pastRebuilds(() -> api.post("/auth/logout", null, bearer(token)));
            return true;
        }
        if (login.status() != 401) {
            problems.add("round " + round + ": login of " + username + " answers " + login.describe());
        }
        return false;
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private void lost(String what, int ackedRound, long ackedAtNanos, String how) {
        String when = ackedRound == round
                ? "acknowledged " + (killedAtNanos - ackedAtNanos) / 1_000_000 + " ms before the kill of round " + round
                : "acknowledged in round " + ackedRound + ", checked after the kill of round " + round;
        problems.add("LOST: " + what + ", " + when + ": " + how);
    }

    private <T> void parallel(List<T> items, java.util.function.Consumer<T> check) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> check.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a check failed to run: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
