package org.bastion.crm.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.ContainerTrust;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.FreePorts;
import org.bastion.crm.itests.support.HealthWatch;

/**
 * The CRM of one crash suite: one unpacked distribution with its own HTTPS, SSH and RMI ports, the first admin's
 * password in {@code CRM_ADMIN_PASSWORD} and a master passphrase in {@code CRM_MASTER_PASSPHRASE}, started, killed
 * with {@code SIGKILL} and started again on the same data. Writes a line per event to {@code crash-rounds.log} in the
 * runtime folder, to read beside {@code data/log/karaf.log}.
 */
public final class CrashRuntime implements AutoCloseable {

    /** Components whose health must be UP after every start. */
    public static final List<String> REQUIRED_COMPONENTS = List.of("contacts", "crypto", "rest", "security");

    /**
     * {@code -Dcrm.itest.crash.copyData=true}: after each kill, copy the database and transaction-log folders as the kill
     * left them (a diagnosis aid: look for a lost write in the files, with H2's tools, before any restart touched them).
     */
    public static final String COPY_DATA = "crm.itest.crash.copyData";

    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(4);

    private final RuntimeFolder folder;
    private final int httpsPort;
    private final int sshPort;
    private final Map<String, String> environment;
    private final String adminPassword;
    private KarafProcess process;
    private int starts;
    private int hungStarts;

    private CrashRuntime(RuntimeFolder folder, int httpsPort, int sshPort, String adminPassword, String passphrase) {
        this.folder = folder;
        this.httpsPort = httpsPort;
        this.sshPort = sshPort;
        this.adminPassword = adminPassword;
        this.environment = Map.of("CRM_ADMIN_PASSWORD", adminPassword, "CRM_MASTER_PASSPHRASE", passphrase);
    }

    /** Unpacks the distribution for {@code suiteName} and gives it free ports; does not start it. */
    public static CrashRuntime unpack(String suiteName) {
        return unpack(suiteName, "crash-master-" + UUID.randomUUID());
    }

    /**
     * Unpacks the distribution for {@code suiteName} with free ports and the master passphrase {@code passphrase} (the
     * runbook rehearsal starts a new installation with the passphrase of the one it restores); does not start it.
     */
    public static CrashRuntime unpack(String suiteName, String passphrase) {
        RuntimeFolder folder = RuntimeFolder.unpack(suiteName);
        int https = FreePorts.next();
        int ssh = FreePorts.next();
        folder.put("org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", Integer.toString(https));
        folder.put("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(FreePorts.next()));
        folder.put("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ssh));
        folder.put("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(FreePorts.next()));
        folder.put("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(FreePorts.next()));
        folder.put("org.apache.karaf.features.cfg", "updateSnapshots", "none");
        folder.put("org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true");
        return new CrashRuntime(folder, https, ssh, "Crash-first-" + UUID.randomUUID(), passphrase);
    }

    /** The unpacked folder (to configure before a start). */
    public RuntimeFolder folder() {
        return folder;
    }

    /** The first admin's password (from {@code CRM_ADMIN_PASSWORD}). */
    public String adminPassword() {
        return adminPassword;
    }

    /** The SSH port of the console. */
    public int sshPort() {
        return sshPort;
    }

    /** Makes API clients of this CRM, trusting the certificate it created on its first start. */
    public ApiClients clients() {
        Path etc = folder.etc();
        return new ApiClients(() -> new CrmApi(httpsPort, () -> ContainerTrust.sslContext(etc)));
    }

    /**
     * Starts Karaf and waits until health answers 200 with {@link #REQUIRED_COMPONENTS} UP; returns the time it took.
     * A start that hangs (the JVM alive, health never UP) is diagnosed and tried once more per suite: its thread dump
     * goes to {@code hung-start-<n>-threads.txt} in the runtime folder and the hang to {@code crash-rounds.log} and the
     * test output (a boot hang inside pax-web and the JAX-RS whiteboard seen now and then: a product problem of its
     * own, kept visible, not the durability this suite checks). A second hang fails the suite.
     */
    public Duration startAndAwaitHealthy() {
        if (process != null && process.alive()) {
            throw new IllegalStateException("Karaf already runs (pid " + process.jvmPid() + ")");
        }
        long started = System.nanoTime();
        starts++;
        process = KarafProcess.start(folder, environment, folder.home().resolve("crash-console.log"));
        note("start " + starts + ": Karaf JVM pid " + process.jvmPid());
        CrmApi anonymous = clients().anonymous();
        try {
            Await.until("health UP with " + REQUIRED_COMPONENTS + " UP after start " + starts + " (see "
                    + folder.karafLog() + ")", HEALTHY_TIMEOUT, () -> {
                        if (!process.alive()) {
                            throw new AssertionError("the Karaf JVM ended during start " + starts + ": see "
                                    + folder.karafLog() + " and " + folder.home().resolve("crash-console.log"));
                        }
                        return healthOrNull(anonymous);
                    }, health -> healthy(health));
        } catch (AssertionError hung) {
            if (!process.alive() || hungStarts > 0) {
                throw hung;
            }
            hungStarts++;
            Path dump = folder.home().resolve("hung-start-" + starts + "-threads.txt");
            dumpThreads(process.jvmPid(), dump);
            note("HUNG: start " + starts + " never became healthy (" + hung.getMessage() + "); thread dump in " + dump
                    + "; killed and started once more");
            System.out.println("CrashRuntime: start " + starts + " hung; thread dump in " + dump);
            process.killHard();
            return startAndAwaitHealthy();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        note("start " + starts + ": healthy after " + took.toMillis() + " ms");
        return took;
    }

    /** How many starts hung and were tried again (at most one per suite). */
    public int hungStarts() {
        return hungStarts;
    }

    private static void dumpThreads(long pid, Path to) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        try {
            new ProcessBuilder(jstack.toString(), Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(to.toFile()).start().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("CrashRuntime: no thread dump of pid " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts Karaf again on the same data and waits until it is healthy and serving; returns the time it took. */
    public Duration restart(String adminToken) {
        long started = System.nanoTime();
        startAndAwaitHealthy();
        awaitServing(adminToken);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        note("start " + starts + ": serving after " + took.toMillis() + " ms");
        return took;
    }

    /**
     * Waits until the resources the crash suite uses answer the admin's token with 200: health UP comes before every
     * bundle has registered its REST resources (until then the whiteboard answers 404 "No service was found.") and
     * before the REST layer has a request authenticator (until then a request with a token answers 503).
     */
    public void awaitServing(String adminToken) {
        CrmApi admin = clients().withToken(adminToken);
        for (String path : List.of("/auth/me", "/contacts?size=1", "/companies?size=1", "/users?size=1", "/keys")) {
            Await.until("GET " + path + " to answer 200 after start " + starts, HEALTHY_TIMEOUT, () -> admin.get(path),
                    answer -> answer.status() == 200 || !isRebuildAnswer(answer) && answer.status() != 503);
        }
    }

    /** Whether an answer is the whiteboard's 404 while it (re)builds the application: the request reached no resource. */
    public static boolean isRebuildAnswer(ApiResponse answer) {
        return answer.status() == 404 && answer.body() != null && answer.body().contains(HealthWatch.REBUILD_ANSWER);
    }

    /** Kills the Karaf JVM with {@code SIGKILL}; returns the nanoTime of the kill. */
    public long kill(String why) {
        long pid = process.jvmPid();
        long killedAt = process.killHard();
        note("kill -9 of pid " + pid + ": " + why);
        if (Boolean.getBoolean(COPY_DATA)) {
            copyDataAfterKill();
        }
        return killedAt;
    }

    /**
     * Copies {@code data/crm} and {@code data/txlog} as the kill left them to {@code kill-copies/start<n>} in the
     * runtime folder, before anything opens them again: a lost write can then be looked for in the files themselves.
     */
    private void copyDataAfterKill() {
        Path copy = folder.home().resolve("kill-copies").resolve("start" + starts);
        for (String part : List.of("crm", "txlog")) {
            Path from = folder.home().resolve("data").resolve(part);
            if (!Files.isDirectory(from)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(part).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + from + " after the kill", e);
            }
        }
        note("copied data/crm and data/txlog as the kill left them to " + copy);
    }

    /** Stops Karaf gracefully, if it runs. */
    @Override
    public void close() {
        if (process != null) {
            process.stop();
            note("stopped");
        }
    }

    /** The health report's components that are not UP, or null when health does not answer 200/503 with JSON. */
    public List<String> componentsNotUp(JsonNode health) {
        List<String> notUp = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode component : health.path("components")) {
            String name = component.path("component").asText();
            seen.add(name);
            if (!"UP".equals(component.path("state").asText())) {
                notUp.add(name + "=" + component.path("state").asText() + " (" + component.path("detail").asText() + ")");
            }
        }
        for (String required : REQUIRED_COMPONENTS) {
            if (!seen.contains(required)) {
                notUp.add(required + " missing");
            }
        }
        return notUp;
    }

    /** Appends a time-stamped line to {@code crash-rounds.log} in the runtime folder and prints it. */
    public void note(String line) {
        String text = Instant.now() + " " + line;
        System.out.println("[crash] " + text);
        try {
            Files.writeString(folder.home().resolve("crash-rounds.log"), text + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crash-rounds.log", e);
        }
    }

    private boolean healthy(JsonNode health) {
        return health != null && "UP".equals(health.path("status").asText()) && componentsNotUp(health).isEmpty();
    }

    /**
     * The health report, or null while there is none: not 200/503, or a 503 that is not JSON (Jetty's own HTML page
     * while the web context is still starting, before the CRM's application answers).
     */
    private static JsonNode healthOrNull(CrmApi anonymous) {
        ApiResponse response = anonymous.get("/health");
        boolean report = response.status() == 200 || response.status() == 503;
        return report && response.mediaType().endsWith("json") ? response.json() : null;
    }
}
