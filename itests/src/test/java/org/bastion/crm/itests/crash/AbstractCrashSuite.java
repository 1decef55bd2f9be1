package org.bastion.crm.itests.crash;

import static org.bastion.crm.itests.support.Json.array;
import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The crash suite: the built distribution runs as an OS process of its own, several clients write to it, its JVM is
 * killed with {@code kill -9} at a random moment, it starts again on the same data, and every write it acknowledged
 * must be there as acknowledged (see {@link CrashRound}); then a key rotation is killed mid-way and must resume.
 * Subclasses choose the database and the number of rounds. Failures list every loss with its round and the
 * milliseconds between its acknowledgement and the kill; the runtime (with {@code data/log/karaf.log} and
 * {@code crash-rounds.log}) is kept under {@code target/exam/<suite>/} when the suite fails.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractCrashSuite {

    private static final int ROTATION_SEED = 150;

    /** The suite's CRM process (a {@code @ClassRule} of the subclass). */
    protected abstract CrashSuiteRule suite();

    /** How many kill-and-restart rounds to run. */
    protected abstract int rounds();

    /** Rounds of concurrent writes, each ended by {@code kill -9}: nothing acknowledged is lost, state stays consistent. */
    @Test
    public void acknowledgedWritesSurviveKill9() {
        CrashRuntime runtime = suite().runtime();
        long started = System.nanoTime();
        runtime.note("first start (unpacked distribution to healthy): " + suite().firstStart().toMillis() + " ms");
        CrashRound rounds = new CrashRound(suite(), "c" + UUID.randomUUID().toString().substring(0, 6));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rounds(); i++) {
            problems.addAll(rounds.run());
        }
        runtime.note(rounds() + " crash rounds in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        assertEquals("writes acknowledged before a kill -9 must survive it (" + runtime.folder() + "/crash-rounds.log): "
                + String.join("\n", problems), List.of(), problems);
    }

    /**
     * A backup killed while its file is written leaves no file that looks complete (a partial one or nothing), the
     * older backups untouched and verifiable, and the next backup after the restart is taken and verifies.
     */
    @Test
    public void backupKilledMidWriteLeavesNoCompleteLookingFile() {
        CrashRuntime runtime = suite().runtime();
        long started = System.nanoTime();
        List<String> problems = new BackupCrash(runtime, suite().admin().token()).killMidWrite();
        runtime.note("backup crash in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: "
                + (problems.isEmpty() ? "nothing wrong" : problems.size() + " problems"));
        problems.forEach(problem -> runtime.note("  " + problem));
        assertEquals("a backup killed mid-write must leave no complete-looking file and harm no older backup: "
                + String.join("\n", problems), List.of(), problems);
    }

    /**
     * A field-key rotation killed mid-way resumes after the restart and completes; every contact still reads as
     * acknowledged and is found by its e-mail, sessions and passwords hold.
     */
    @Test
    public void keyRotationKilledMidwayResumes() {
        CrashRuntime runtime = suite().runtime();
        long started = System.nanoTime();
        seed(runtime.clients().withToken(suite().admin().token()));
        RotationCrash.Outcome outcome = new RotationCrash(runtime, suite().admin().token()).killMidway("field");
        int round = suite().nextRound();
        List<String> problems = new ArrayList<>(outcome.problems());
        problems.addAll(new AfterCrashChecks(runtime.clients(), suite().admin().token(), round, System.nanoTime())
                .check(suite().ledger(), suite().addUnansweredCreates(0)));
        runtime.note("rotation crash in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: "
                + (problems.isEmpty() ? "nothing lost" : problems.size() + " problems"));
        problems.forEach(problem -> runtime.note("  " + problem));
        assertEquals("a key rotation killed mid-way must resume with every contact intact: " + String.join("\n", problems),
                List.of(), problems);
    }

    /** Creates contacts until the ledger holds enough for a rotation of many batches. */
    private void seed(CrmApi api) {
        Ledger ledger = suite().ledger();
        String prefix = "s" + UUID.randomUUID().toString().substring(0, 6);
        int number = 0;
        while (ledger.contacts().stream().filter(facts -> !facts.deleted()).count() < ROTATION_SEED) {
            String name = prefix + "n" + ++number;
            ApiResponse created = api.post("/contacts", object("firstName", "Seed", "lastName", name,
                    "emails", array(object("type", "work", "address", name + "@crash.example", "primary", true))));
            assertEquals("seeding a contact: " + created.describe(), 201, created.status());
            ledger.add(new RecordFacts("contact", created.json(), ledger.round(), System.nanoTime()));
        }
    }
}
