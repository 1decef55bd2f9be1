package org.bastion.crm.itests.checks.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;

/**
 * Damaged backup files are named, never restored: a truncated file, one with a byte flipped in the middle (the answer
 * names the damaged part), a file that is no backup at all, one from a newer format version and one sealed under
 * another keystore ({@link LoadArchiveBytes}), each put in place of a good backup's file and verified
 * and restored through REST (a 422 problem of type {@code backup-<reason>}; verify may instead answer a result that
 * says DAMAGED, and names the part when a byte was flipped) and restored through the shell by path (a message, no
 * stack trace); the contacts stay as they were and the CRM keeps serving.
 */
final class DamagedFileChecks {

    /** Long enough for a restore that refused the file to leave maintenance mode, if it entered it at all. */
    private static final Duration SERVING_AGAIN = Duration.ofSeconds(30);

    private final CrmApi api;
    private final KarafShell shell;
    private final LoadMarkers markers;
    private final LoadBackupsApi backups;

    DamagedFileChecks(CrmApi api, LoadBackupsApi backups, KarafShell shell, LoadMarkers markers) {
        this.api = api;
        this.shell = shell;
        this.markers = markers;
        this.backups = backups;
    }

    /** One kind of damage: its name, the reason the server must give, and what it does to a good file. */
    private record Damage(String name, String reason, byte[] bytes, boolean namesPart, List<String> shellWords) {
    }

    /** Damages a good backup's file in each way, checks the answers, then puts the good file back. */
    void damagedFilesAreNamed() {
        String companyId = Expect.json(201, api.post("/companies", markers.company())).path("id").asText();
        for (int i = 0; i < 3; i++) {
            Expect.status(201, api.post("/contacts", markers.contact(companyId, markers.notes())));
        }
        JsonNode good = backups.backup();
        String id = good.path("id").asText();
        JsonNode intact = Expect.json(200, backups.verify(id));
        assertEquals("the intact backup verifies before it is damaged: " + intact, "VERIFIED",
                intact.path("verifyState").asText());
        Path file = LoadBackupsApi.fileOf(good);
        byte[] original = read(file);
        List<String> parts = LoadBackupsApi.partNames(good);
        long contactsBefore = contactTotal();
        List<Damage> damages = List.of(
                new Damage("truncated to half its size", "truncated", Arrays.copyOf(original, original.length / 2),
                        false, List.of("truncat", "cut short")),
                new Damage("with one byte flipped in the middle", "damaged", flipped(original, original.length / 2),
                        true, List.of("damaged")),
                new Damage("that is not a backup", "not-a-backup", notABackup(original.length), false,
                        List.of("not a backup", "not a bastion crm backup")),
                new Damage("from a newer version", "newer-version", LoadArchiveBytes.newerFormat(original), false,
                        List.of("newer")),
                new Damage("sealed under another keystore", "unknown-key",
                        LoadArchiveBytes.sealedUnderAnotherKeystore(original), false, List.of("keystore", "key")));
        try {
            for (Damage damage : damages) {
                write(file, damage.bytes());
                verifyNamesIt(id, damage, parts);
                restoreRefusesIt(id, damage);
                shellRestoreRefusesIt(file, damage);
                assertEquals("contacts after the refused restores of a file " + damage.name(), contactsBefore,
                        contactTotal());
            }
        } finally {
            write(file, original);
        }
        Expect.status(200, backups.verify(id));
    }

    private void verifyNamesIt(String id, Damage damage, List<String> parts) {
        ApiResponse answer = backups.verify(id);
        String said;
        if (answer.status() == 200) {
            JsonNode info = answer.json();
            assertEquals("verify of a file " + damage.name() + " records DAMAGED: " + answer.describe(), "DAMAGED",
                    info.path("verifyState").asText());
            said = info.path("verifyDetail").asText();
        } else {
            JsonNode problem = Expect.problem(422, answer);
            assertTrue("the problem type of verifying a file " + damage.name() + " is backup-" + damage.reason() + ": "
                    + answer.describe(), problem.path("type").asText().endsWith("backup-" + damage.reason()));
            said = problem.toString();
        }
        if (damage.namesPart()) {
            namesAPart("verify of a file " + damage.name(), said, parts);
        }
    }

    private void restoreRefusesIt(String id, Damage damage) {
        ApiResponse answer = backups.startRestore(id);
        JsonNode problem = Expect.problem(422, answer);
        assertTrue("the problem type of restoring a file " + damage.name() + " is backup-" + damage.reason() + ": "
                + answer.describe(), problem.path("type").asText().endsWith("backup-" + damage.reason()));
        servingAgain("the REST restore of a file " + damage.name());
    }

    private void shellRestoreRefusesIt(Path file, Damage damage) {
        Path copy = file.resolveSibling("damaged-" + damage.reason() + ".crmbak");
        write(copy, damage.bytes());
        try {
            String output = shell.execute("crm:backup-restore --force " + copy);
            assertFalse("crm:backup-restore of a file " + damage.name() + " shows no stack trace: " + output,
                    output.contains("\tat ") || output.contains("Exception"));
            String said = output.toLowerCase(Locale.ROOT);
            assertTrue("crm:backup-restore of a file " + damage.name() + " says why (" + damage.shellWords() + "): "
                    + output, damage.shellWords().stream().anyMatch(said::contains));
            servingAgain("crm:backup-restore of a file " + damage.name());
        } finally {
            delete(copy);
        }
    }

    private void servingAgain(String after) {
        try {
            Await.until("the CRM to serve GET /contacts after " + after, SERVING_AGAIN, () -> api.get("/contacts?size=1"),
                    answer -> answer.status() == 200);
        } catch (AssertionError stillInMaintenance) {
            shell.execute("crm:backup-maintenance-end");
            throw new AssertionError("a refused restore changed nothing, yet " + after + " left the CRM unserved "
                    + "(ended by crm:backup-maintenance-end for the checks that follow)", stillInMaintenance);
        }
    }

    private static void namesAPart(String what, String said, List<String> parts) {
        assertTrue(what + " names the damaged part (one of " + parts + "): " + said,
                parts.stream().anyMatch(said::contains));
    }

    private long contactTotal() {
        return Expect.json(200, api.get("/contacts?size=1")).path("total").asLong();
    }

    private static byte[] flipped(byte[] original, int position) {
        byte[] copy = original.clone();
        copy[position] ^= 0x5a;
        return copy;
    }

    private static byte[] notABackup(int length) {
        List<String> lines = new ArrayList<>();
        while (lines.size() * 40 < Math.max(length, 4096)) {
            lines.add("id,first_name,last_name,notes,company_id");
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
