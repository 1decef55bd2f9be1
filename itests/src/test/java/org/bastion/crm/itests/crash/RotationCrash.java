package org.bastion.crm.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KeysApi;

/**
 * A key rotation killed mid-way: starts {@code POST /keys/{purpose}/rotations} (no body), follows its progress, kills
 * the JVM with {@code SIGKILL} once some but not all records moved, starts Karaf again and expects the rotation to
 * resume and complete: the new version ACTIVE and used by every record, the old one RETIRED and used by none.
 */
public final class RotationCrash {

    /** What happened: the rotation's progress when it was killed and how it ended after the restart. */
    public record Outcome(String purpose, int fromVersion, long doneAtKill, long totalAtKill, JsonNode completed,
            Duration restart, List<String> problems) {
    }

    private static final Duration ROTATION_TIMEOUT = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 4;

    private final CrashRuntime runtime;
    private final String adminToken;

    /** A rotation crash on {@code runtime} with the admin's token. */
    public RotationCrash(CrashRuntime runtime, String adminToken) {
        this.runtime = runtime;
        this.adminToken = adminToken;
    }

    /**
     * Starts rotations of {@code purpose} until one is caught running with some records moved (a rotation that
     * completes before it is seen running is simply followed by the next), kills, restarts and follows it to its end.
     */
    public Outcome killMidway(String purpose) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CrmApi api = runtime.clients().withToken(adminToken);
            KeysApi keys = new KeysApi(api);
            int from = KeysApi.activeVersion(keys.overview(), purpose);
            ApiResponse started = keys.startRotation(purpose);
            long acknowledgedAt = System.nanoTime();
            String location = started.location();
            // kill somewhere between 5 % and 60 % of the records moved
            int killAtPercent = 5 + ThreadLocalRandom.current().nextInt(56);
            JsonNode progress;
            while (true) {
                progress = Expect.json(200, api.get(location));
                String state = progress.path("state").asText();
                long done = progress.path("done").asLong();
                if (!"RUNNING".equals(state)) {
                    runtime.note("rotation of " + purpose + " (attempt " + attempt + ") ended " + state + " before it"
                            + " was caught mid-way: " + progress);
                    break;
                }
                long total = progress.path("total").asLong();
                if (done >= Math.max(1, total * killAtPercent / 100) && done < total) {
                    long killedAt = runtime.kill(purpose + " rotation at " + done + " of " + progress.path("total"));
                    return afterKill(purpose, from, location, progress, (killedAt - acknowledgedAt) / 1_000_000);
                }
            }
        }
        throw new AssertionError("no " + purpose + " rotation was caught running in " + ATTEMPTS + " attempts: add "
                + "records or lower rotationBatchSize (" + CrashSuiteRule.ROTATION_BATCH_SIZE + ")");
    }

    private Outcome afterKill(String purpose, int from, String location, JsonNode atKill, long ackToKillMillis) {
        Duration restart = runtime.restart(adminToken);
        CrmApi api = runtime.clients().withToken(adminToken);
        KeysApi keys = new KeysApi(api);
        List<String> problems = new ArrayList<>();
        ApiResponse after = api.get(location);
        if (after.status() == 404) {
            problems.add("LOST: the " + purpose + " key rotation v" + from + " -> v" + (from + 1) + " " + location
                    + ", acknowledged (202) " + ackToKillMillis + " ms before the kill and at " + atKill.path("done")
                    + " of " + atKill.path("total") + " when killed, is unknown after the restart: "
                    + KeysApi.key(keys.overview(), purpose, from + 1));
            return new Outcome(purpose, from, atKill.path("done").asLong(), atKill.path("total").asLong(), after.json(),
                    restart, problems);
        }
        JsonNode completed = keys.awaitCompleted(location, ROTATION_TIMEOUT);
        JsonNode overview = keys.overview();
        int active = KeysApi.activeVersion(overview, purpose);
        if (active != from + 1) {
            problems.add(purpose + " v" + (from + 1) + " is not the active version after the resumed rotation: " + overview);
        }
        JsonNode old = KeysApi.key(overview, purpose, from);
        if (!"RETIRED".equals(old.path("state").asText()) || old.path("recordsUsing").asLong() != 0) {
            problems.add(purpose + " v" + from + " is not RETIRED and unused after the resumed rotation: " + old);
        }
        runtime.note("rotation of " + purpose + " killed at " + atKill.path("done") + " of " + atKill.path("total")
                + ", resumed after a restart of " + restart.toMillis() + " ms: " + completed);
        return new Outcome(purpose, from, atKill.path("done").asLong(), atKill.path("total").asLong(), completed, restart,
                problems);
    }
}
