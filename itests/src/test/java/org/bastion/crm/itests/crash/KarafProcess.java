package org.bastion.crm.itests.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bastion.crm.itests.support.Await;

/**
 * One run of the CRM as the operator starts it: {@code bin/karaf server} in the unpacked folder, as an OS process of
 * its own with the given environment. Karaf's script starts the JVM as its child; {@link #killHard()} sends that JVM
 * {@code SIGKILL} (what {@code kill -9} does), so nothing in it (no shutdown hook, no database close) runs.
 */
public final class KarafProcess {

    private static final String KARAF_MAIN = "org.apache.karaf.main.Main";
    private static final Duration JVM_APPEARS = Duration.ofSeconds(60);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private final Process script;
    private final ProcessHandle jvm;

    private KarafProcess(Process script, ProcessHandle jvm) {
        this.script = script;
        this.jvm = jvm;
    }

    /**
     * Starts {@code bin/karaf server} in {@code folder} with {@code environment} added to a clean one (no
     * {@code KARAF_*} or {@code JAVA_OPTS} of the build leaks in), its output appended to {@code console}; returns once
     * the JVM process exists.
     */
    public static KarafProcess start(RuntimeFolder folder, Map<String, String> environment, Path console) {
        return start(folder, environment, console, List.of("server"));
    }

    /**
     * Starts {@code bin/karaf} in the foreground with its local console reading from {@link #type(String)} (what an
     * operator at the machine types), otherwise as {@link #start(RuntimeFolder, Map, Path)}.
     */
    public static KarafProcess startWithLocalConsole(RuntimeFolder folder, Map<String, String> environment,
            Path console) {
        return start(folder, environment, console, List.of());
    }

    /** Types {@code line} and Enter into the local console of a {@link #startWithLocalConsole} process. */
    public void type(String line) {
        try {
            script.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            script.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot type into the console of " + jvm.pid(), e);
        }
    }

    private static KarafProcess start(RuntimeFolder folder, Map<String, String> environment, Path console,
            List<String> arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(folder.home().resolve("bin").resolve("karaf").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KARAF_") || name.startsWith("JAVA_") || name.startsWith("CRM_")
                || name.equals("EXTRA_JAVA_OPTS"));
        env.put("JAVA_HOME", javaHome());
        env.putAll(environment);
        Process script;
        try {
            script = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + folder.home() + "/bin/karaf", e);
        }
        ProcessHandle jvm = Await.until("the Karaf JVM started by " + folder.home() + "/bin/karaf", JVM_APPEARS,
                () -> {
                    if (!script.isAlive()) {
                        throw new AssertionError("bin/karaf ended with exit code " + script.exitValue() + " before its"
                                + " JVM started: see " + console);
                    }
                    return javaChild(script);
                }, Optional::isPresent).orElseThrow();
        return new KarafProcess(script, jvm);
    }

    /** The process id of the Karaf JVM. */
    public long jvmPid() {
        return jvm.pid();
    }

    /** Whether the JVM still runs. */
    public boolean alive() {
        return jvm.isAlive();
    }

    /** Sends the JVM {@code SIGKILL} and waits until it and the script are gone; returns the nanoTime of the kill. */
    public long killHard() {
        long killedAt = System.nanoTime();
        jvm.destroyForcibly();
        awaitExit();
        return killedAt;
    }

    /** Asks the JVM to shut down ({@code SIGTERM}: Karaf stops its bundles), then kills it if it lingers. */
    public void stop() {
        if (jvm.isAlive()) {
            jvm.destroy();
            try {
                jvm.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                jvm.destroyForcibly();
            }
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            jvm.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!script.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Karaf to end", e);
        } catch (Exception e) {
            throw new IllegalStateException("the Karaf JVM " + jvm.pid() + " did not end within " + EXIT_WAIT, e);
        }
    }

    /** The JVM running Karaf's main class (the script also runs short-lived {@code java -version} children). */
    private static Optional<ProcessHandle> javaChild(Process script) {
        return script.toHandle().descendants()
                .filter(handle -> handle.info().command().map(KarafProcess::isJava).orElse(false))
                .filter(handle -> handle.info().arguments().map(arguments -> List.of(arguments).contains(KARAF_MAIN))
                        .orElse(false))
                .findFirst();
    }

    private static boolean isJava(String command) {
        return new File(command).getName().equals("java");
    }

    private static String javaHome() {
        return System.getProperty("java.home");
    }
}
