package org.bastion.crm.itests.checks.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bastion.crm.itests.crash.AdminOfProcess;
import org.bastion.crm.itests.crash.CrashRuntime;
import org.bastion.crm.itests.support.PostgresDatabase;

/**
 * The new machine of the runbook's "Lost server": a fresh, unpacked distribution pointed at an empty PostgreSQL
 * database, given the keystore, the passphrase, the backup file and the key backup as the runbook says, started as an
 * operator starts it ({@code bin/karaf server}), and restored from its console ({@code bin/client}).
 */
final class RehearsalTarget implements AutoCloseable {

    private static final Duration CONSOLE_TIMEOUT = Duration.ofMinutes(5);

    private final CrashRuntime runtime;
    private AdminOfProcess temporaryAdmin;

    private RehearsalTarget(CrashRuntime runtime) {
        this.runtime = runtime;
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
        return new RehearsalTarget(runtime);
    }

    /** Lost server, step 4: copies the backup file and {@code record-keys.cbk} into {@code data/backups}. */
    Path installBackup(Path backupFile, Path keyBackup) {
        Path backups = runtime.folder().home().resolve("data").resolve("backups");
        copy(backupFile, backups.resolve(backupFile.getFileName()));
        copy(keyBackup, backups.resolve(keyBackup.getFileName()));
        return backups.resolve(backupFile.getFileName());
    }

    /** Lost server, step 5: starts it, waits for health UP (crypto included), enrols the temporary admin's TOTP. */
    Duration start() {
        Duration took = runtime.startAndAwaitHealthy();
        temporaryAdmin = AdminOfProcess.logIn(runtime.clients(), runtime.adminPassword());
        return took;
    }

    /**
     * Lost server, step 6: pipes {@code command} into {@code bin/client} logged in as the temporary admin (password
     * followed by a recovery code); returns what the console printed.
     */
    String console(String command) {
        Path home = runtime.folder().home();
        Path output = home.resolve("rehearsal-console.txt");
        ProcessBuilder client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a",
                Integer.toString(runtime.sshPort()), "-h", "127.0.0.1", "-u", "admin", "-p",
                runtime.adminPassword() + temporaryAdmin.consoleCode(), "-b")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        client.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = client.start();
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(CONSOLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/client did not end within " + CONSOLE_TIMEOUT + " running " + command);
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bin/client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running bin/client", e);
        }
    }

    /** The running CRM (its API clients, folder and notes). */
    CrashRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
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
