package org.bastion.crm.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * A backup killed while its file is written: {@code POST /backups} runs, the JVM gets {@code SIGKILL} as soon as the
 * archive's temporary file ({@code <name>.partial}) appears; then no file that looks complete may be there besides the
 * backups taken before (a partial one or nothing), those are byte for byte as they were, and after a restart they
 * verify and the next backup is taken and verifies.
 */
public final class BackupCrash {

    private static final String PARTIAL = ".partial";
    private static final String KEY_BACKUP = "record-keys.cbk";
    private static final int ATTEMPTS = 8;
    private static final Duration NEXT_BACKUP_TIMEOUT = Duration.ofMinutes(3);

    private final CrashRuntime runtime;
    private final String adminToken;
    private final Path directory;

    /** A backup crash on {@code runtime} with the admin's token; backups go to {@code data/backups}. */
    public BackupCrash(CrashRuntime runtime, String adminToken) {
        this.runtime = runtime;
        this.adminToken = adminToken;
        this.directory = runtime.folder().home().resolve("data").resolve("backups");
    }

    /** Takes a backup, then kills the next one mid-write; returns the problems found (empty when none). */
    public List<String> killMidWrite() {
        CrmApi api = runtime.clients().withToken(adminToken);
        Map<String, String> older = new LinkedHashMap<>();
        JsonNode first = Expect.json(201, api.post("/backups", null));
        older.put(first.path("fileName").asText(), sha256(directory.resolve(first.path("fileName").asText())));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CompletableFuture<ApiResponse> answer = CompletableFuture.supplyAsync(() -> api.post("/backups", null));
            Path partial = awaitPartial(answer);
            if (partial == null) {
                ApiResponse taken = answer.join();
                runtime.note("backup crash attempt " + attempt + ": the backup ended before its partial file was seen: "
                        + taken.status());
                if (taken.status() == 201) {
                    String name = taken.json().path("fileName").asText();
                    older.put(name, sha256(directory.resolve(name)));
                }
                continue;
            }
            runtime.kill("backup writing " + partial.getFileName() + " (attempt " + attempt + ")");
            answer.handle((response, failure) -> null).join();
            return afterKill(partial, older);
        }
        throw new AssertionError("no backup was caught writing its file in " + ATTEMPTS + " attempts");
    }

    private List<String> afterKill(Path partial, Map<String, String> older) {
        List<String> problems = new ArrayList<>();
        String killedName = partial.getFileName().toString().replace(PARTIAL, "");
        List<String> files = files();
        boolean renamedBeforeKill = files.contains(killedName);
        for (String name : files) {
            if (!name.endsWith(PARTIAL) && !name.equals(KEY_BACKUP) && !older.containsKey(name)
                    && !name.equals(killedName)) {
                problems.add("a file that looks complete appeared with the killed backup: " + name);
            }
        }
        older.forEach((name, sha) -> {
            if (!Files.isRegularFile(directory.resolve(name))) {
                problems.add("an older backup is gone after the kill: " + name);
            } else if (!sha.equals(sha256(directory.resolve(name)))) {
                problems.add("an older backup changed in the kill: " + name);
            }
        });
        runtime.note("backup killed writing " + partial.getFileName() + "; left in data/backups: " + files
                + (renamedBeforeKill ? " (the file was complete and renamed before the kill landed)" : ""));

        Duration restart = runtime.restart(adminToken);
        CrmApi api = runtime.clients().withToken(adminToken);
        JsonNode list = Expect.json(200, api.get("/backups"));
        for (JsonNode backup : list) {
            String name = backup.path("fileName").asText();
            String state = backup.path("state").asText();
            if (older.containsKey(name)) {
                ApiResponse verified = api.post("/backups/" + backup.path("id").asText() + "/verify", null);
                if (verified.status() != 200 || !"VERIFIED".equals(verified.json().path("verifyState").asText())) {
                    problems.add("an older backup does not verify after the kill: " + name + ": " + verified.describe());
                }
            } else if ("COMPLETED".equals(state) && !(renamedBeforeKill && name.equals(killedName))) {
                problems.add("the catalogue holds a COMPLETED backup that was not taken before the kill: " + backup);
            }
        }
        long started = System.nanoTime();
        ApiResponse next = Await.until("the next backup after the restart to be taken (409 while the dead node's"
                + " lease runs out)", NEXT_BACKUP_TIMEOUT, () -> api.post("/backups", null),
                answer -> answer.status() != 409);
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (next.status() != 201) {
            problems.add("the next backup after the restart failed: " + next.describe());
        } else {
            ApiResponse verified = api.post("/backups/" + next.json().path("id").asText() + "/verify", null);
            if (verified.status() != 200 || !"VERIFIED".equals(verified.json().path("verifyState").asText())) {
                problems.add("the next backup after the restart does not verify: " + verified.describe());
            }
        }
        runtime.note("after the backup kill: restart " + restart.toMillis() + " ms, next backup " + next.status()
                + " after " + waited + " ms of waiting; left: " + files());
        return problems;
    }

    /** Polls the backup directory until a partial archive appears (returned) or the backup answers (null). */
    private Path awaitPartial(CompletableFuture<ApiResponse> answer) {
        while (!answer.isDone()) {
            for (String name : files()) {
                if (name.endsWith(".cbk" + PARTIAL) && !name.startsWith(KEY_BACKUP)) {
                    return directory.resolve(name);
                }
            }
            LockSupport.parkNanos(200_000);
        }
        return null;
    }

    private List<String> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file renamed while listed: the next poll sees it
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
