package org.bastion.crm.itests.checks.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.bastion.crm.itests.crash.CrashRuntime;
import org.bastion.crm.itests.crash.KarafProcess;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.PostgresDatabase;

/**
 * The new machine of the runbook's "Lost server": a fresh, unpacked distribution pointed at an empty PostgreSQL
 * database, given the keystore, the passphrase, the backup file and the key backup as the runbook says, started in the
 * foreground ({@code bin/karaf}) and restored by typing the restore command at its local console.
 */
final class RehearsalTarget implements AutoCloseable {

    private static final Duration HEALTHY = Duration.ofMinutes(4);
    private static final Duration CONSOLE = Duration.ofMinutes(5);

    private final CrashRuntime runtime;
    private final String passphrase;
    private KarafProcess process;

    private RehearsalTarget(CrashRuntime runtime, String passphrase) {
        this.runtime = runtime;
        this.passphrase = passphrase;
    }

    /** Lost server, steps 1–3: unpacks the distribution, points it at {@code database}, installs the keystore. */
    static RehearsalTarget prepare(String suiteName, PostgresDatabase database, Path keystore, String passphrase) {
        CrashRuntime runtime = CrashRuntime.unpack(suiteName, passphrase);
        String datasource = "org.ops4j.datasource-crm.cfg";
        runtime.folder().put(datasource, "osgi.jdbc.driver.class", "org.postgresql.Driver");
        runtime.folder().put(datasource, "url", database.url());
        runtime.folder().put(datasource, "user", database.user());
        runtime.folder().put(datasource, "password", database.password());
        copy(keystore, runtime.folder().etc().resolve("crm-master.p12"));
        return new RehearsalTarget(runtime, passphrase);
    }

    /** Lost server, step 4: copies the backup file and {@code record-keys.cbk} into {@code data/backups}. */
    Path installBackup(Path backupFile, Path keyBackup) {
        Path backups = runtime.folder().home().resolve("data").resolve("backups");
        copy(backupFile, backups.resolve(backupFile.getFileName()));
        copy(keyBackup, backups.resolve(keyBackup.getFileName()));
        return backups.resolve(backupFile.getFileName());
    }

    /** Lost server, step 5: starts {@code bin/karaf} in the foreground and waits for health UP (crypto included). */
    Duration start() {
        long started = System.nanoTime();
        process = KarafProcess.startWithLocalConsole(runtime.folder(), Map.of("CRM_MASTER_PASSPHRASE", passphrase,
                "CRM_ADMIN_PASSWORD", runtime.adminPassword()), console());
        runtime.note("rehearsal: Karaf JVM pid " + process.jvmPid() + " with its local console");
        Await.until("health UP with " + CrashRuntime.REQUIRED_COMPONENTS + " (see " + runtime.folder().karafLog() + ")",
                HEALTHY, () -> {
                    if (!process.alive()) {
                        throw new AssertionError("the new installation's Karaf ended: see " + console());
                    }
                    return health();
                }, health -> health != null && "UP".equals(health.path("status").asText())
                        && runtime.componentsNotUp(health).isEmpty());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Lost server, step 6: types {@code command} at the local console (once the command exists) and returns what the
     * console printed from then until {@code done} appeared, or fails when {@code failed} appeared first.
     */
    String type(String command, String done, String failed) {
        int before = consoleText().length();
        String name = command.split(" ")[0];
        Await.until("the command " + name + " at the local console", HEALTHY, () -> {
            process.type("help " + name);
            return Await.until("help " + name, Duration.ofSeconds(20), () -> consoleText().substring(before),
                    text -> text.contains("DESCRIPTION") || text.contains("Command not found"));
        }, text -> text.contains("DESCRIPTION"));
        int start = consoleText().length();
        process.type(command);
        return Await.until("the console to print \"" + done + "\" after " + name, CONSOLE,
                () -> consoleText().substring(start), text -> {
                    if (text.contains(failed)) {
                        throw new AssertionError(command + " failed at the console: " + text);
                    }
                    return text.contains(done);
                });
    }

    /** Makes API clients of the new installation. */
    ApiClients clients() {
        return runtime.clients();
    }

    /** The new installation as the crash suites drive it (folder, notes, waiting until it serves). */
    CrashRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
            runtime.note("rehearsal: stopped");
        }
    }

    private JsonNode health() {
        ApiResponse response = runtime.clients().anonymous().get("/health");
        boolean report = response.status() == 200 || response.status() == 503;
        return report && response.mediaType().endsWith("json") ? response.json() : null;
    }

    private Path console() {
        return runtime.folder().home().resolve("rehearsal-console.log");
    }

    private String consoleText() {
        try {
            return Files.exists(console()) ? Files.readString(console(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + console(), e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
